"""Import and export in the admin: the Import screen (upload a CSV or JSON file, choose the kind, see what each row
would do, then confirm) and each section's export, the same files manage.py import_records and export_records
read and write. An editor's rows become drafts submitted to moderation; a moderator may publish them at once."""

import datetime
import io

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from casted_site.records.records_io import ImportFileError, export_records, import_records, parse_rows, record_kinds

MAX_IMPORT_BYTES = 5 * 1024 * 1024
SESSION_KEY = "records-import"
OUTCOMES = {
    "created": (_("Will be created"), _("Created")),
    "updated": (_("Will be updated"), _("Updated")),
    "unchanged": (_("Unchanged"), _("Unchanged")),
    "refused": (_("Refused"), _("Refused")),
}


def kinds_for(user):
    """{name: kind} of the sections whose records this user may add (the Editors and Moderators may). Asked by the
    menu and the explorer's buttons on every admin page: every section's index page in one query."""
    kinds = record_kinds()
    by_index_model = {kind.index_model: name for name, kind in kinds.items()}
    content_types = ContentType.objects.get_for_models(*by_index_model).values()
    allowed = {}
    for index in Page.objects.filter(content_type__in=content_types):
        name = by_index_model[index.specific_class]
        if index.permissions_for_user(user).can_add_subpage():
            allowed[name] = kinds[name]
    return allowed


def may_publish(user, kind):
    return kind.index().permissions_for_user(user).can_publish_subpage()


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label=_("Records"))
    file = forms.FileField(label=_("File"), help_text=_("CSV (UTF-8) or JSON, as the section's export writes it."))
    publish = forms.BooleanField(
        label=_("Publish at once"),
        required=False,
        help_text=_("Moderators only. Otherwise each row becomes a draft submitted for moderation."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.kinds = kinds_for(user)
        self.fields["kind"].choices = [(name, kind.model.section_label) for name, kind in self.kinds.items()]
        if not any(may_publish(user, kind) for kind in self.kinds.values()):
            del self.fields["publish"]

    def clean(self):
        data = super().clean()
        upload, kind = data.get("file"), self.kinds.get(data.get("kind"))
        if upload is None or kind is None:
            return data
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB: split it into several files."))
        try:
            data["rows"] = parse_rows(upload.name, upload.read())
        except ImportFileError as error:
            error.params["file"] = gettext("The file")  # not the name the browser sent
            raise forms.ValidationError(str(error)) from None
        data["publish"] = bool(data.get("publish")) and may_publish(self.user, kind)
        return data


class ImportView(WagtailAdminTemplateMixin, FormView):
    page_title = _("Import records")
    header_icon = "upload"
    template_name = "records/import.html"
    form_class = ImportForm

    def dispatch(self, request, *args, **kwargs):
        if not kinds_for(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "user": self.request.user,
            "initial": {"kind": self.request.GET.get("kind")},
        }

    def post(self, request, *args, **kwargs):
        if "confirm" in request.POST:
            return self.confirm()
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        """The dry run: every row checked and reported, nothing written; the rows wait in the session."""
        data = form.cleaned_data
        report = import_records(
            None, data["kind"], dry_run=True, user=self.request.user, publish=data["publish"], rows=data["rows"]
        )
        self.request.session[SESSION_KEY] = {"kind": data["kind"], "publish": data["publish"], "rows": data["rows"]}
        return self.render_to_response(
            self.get_context_data(form=form, report=labelled(report, dry_run=True), checked=data)
        )

    def confirm(self):
        pending = self.request.session.pop(SESSION_KEY, None)
        kinds = kinds_for(self.request.user)
        if not pending or pending["kind"] not in kinds:
            messages.error(self.request, gettext("Nothing to import: choose the file again."))
            return redirect("records_import")
        publish = pending["publish"] and may_publish(self.request.user, kinds[pending["kind"]])
        report = import_records(None, pending["kind"], user=self.request.user, publish=publish, rows=pending["rows"])
        done = sum(1 for _number, outcome, _message in report if outcome in {"created", "updated"})
        if publish:
            text = ngettext(
                "%(count)s record imported and published.", "%(count)s records imported and published.", done
            )
        else:
            text = ngettext(
                "%(count)s record imported as a draft and submitted for moderation.",
                "%(count)s records imported as drafts and submitted for moderation.",
                done,
            )
        messages.success(self.request, text % {"count": done})
        form = self.get_form_class()(user=self.request.user, initial={"kind": pending["kind"]})
        return self.render_to_response(
            self.get_context_data(form=form, report=labelled(report, dry_run=False), done=True)
        )


def labelled(report, dry_run):
    return [
        {"number": number, "outcome": outcome, "label": OUTCOMES[outcome][0 if dry_run else 1], "message": str(message)}
        for number, outcome, message in report
    ]


def export_view(request, kind_name, file_format):
    """A section's records as the file import reads back: CSV (with a byte-order mark, for Excel) or JSON."""
    kinds = kinds_for(request.user)
    if kind_name not in kinds or file_format not in {"csv", "json"}:
        raise Http404
    output = io.StringIO()
    export_records(kind_name, output, file_format)
    content = output.getvalue()
    if file_format == "csv":
        content = "\ufeff" + content
    response = HttpResponse(
        content, content_type="text/csv; charset=utf-8" if file_format == "csv" else "application/json"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{kind_name}-{datetime.date.today():%Y-%m-%d}.{file_format}"'
    )
    return response


def export_url(kind_name, file_format):
    return reverse("records_export", args=(kind_name, file_format))
