"""The "Translations out of date" report: every page or translated snippet whose one language changed after the
other last did (recorded in translation_steps.py), with what changed since as a word diff, and a "Mark as
reviewed" button for whoever may edit it. Same filters and exports as the missing-translations report."""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.dateparse import parse_datetime
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from wagtail.models import Page, get_page_models

from casted_site.reports.models import TranslationStep
from casted_site.reports.translation_report import LANGUAGES as LANGUAGE_LABELS
from casted_site.reports.translation_report import BilingualReportView
from casted_site.reports.translation_steps import changes_since, mark_reviewed, other, out_of_date


def out_of_date_steps():
    """({page id: step}, [(snippet, step)]) of every record with a language out of date."""
    page_types = {content_type.pk for content_type in ContentType.objects.get_for_models(*get_page_models()).values()}
    pages, snippets = {}, []
    by_type = {}
    for step in TranslationStep.objects.select_related("content_type"):
        if not out_of_date(step):
            continue
        if step.content_type_id in page_types:
            pages[int(step.object_id)] = step
        else:
            by_type.setdefault(step.content_type, []).append(step)
    for content_type, steps in by_type.items():
        model = content_type.model_class()
        if model is None:
            continue
        objects = model.objects.in_bulk([step.object_id for step in steps])
        snippets += [(objects[int(step.object_id)], step) for step in steps if int(step.object_id) in objects]
    existing = set(Page.objects.filter(pk__in=pages).values_list("pk", flat=True))  # not since deleted
    return {pk: step for pk, step in pages.items() if pk in existing}, snippets


def out_of_date_count():
    pages, snippets = out_of_date_steps()
    return len(pages) + len(snippets)


class StaleTranslationsReportView(BilingualReportView):
    page_title = _("Translations out of date")
    results_template_name = "reports/stale_translations_results.html"
    index_url_name = "stale_translations"
    index_results_url_name = "stale_translations_results"
    language_heading = _("May be out of date")

    @cached_property
    def found(self):
        return out_of_date_steps()

    def page_languages(self):
        return {pk: out_of_date(step) for pk, step in self.found[0].items()}

    def snippet_languages(self):
        return [(snippet, out_of_date(step)) for snippet, step in self.found[1]]

    def decorate(self, row):
        snippet = getattr(row, "snippet", None)
        if snippet is None:
            step, model = self.found[0][row.pk], row.content_type.model_class()
        else:
            step, model = next(step for found, step in self.found[1] if found is snippet), type(snippet)
        row.step = step
        labels = dict(LANGUAGE_LABELS)
        row.changes = [
            {
                "language": language,
                "label": labels[language],
                "changed_language": labels[other(language)],
                "changed_at": parse_datetime(step.changed_at.get(other(language), "")),
                "fields": [
                    (model._meta.get_field(name).verbose_name, diff) for name, diff in changes_since(step, language)
                ],
            }
            for language in row.languages
        ]


def user_may_edit(user, step):
    try:
        instance = step.content_type.get_object_for_this_type(pk=step.object_id)
    except ObjectDoesNotExist:
        raise Http404 from None  # deleted since the report was shown
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    return user.has_perm(f"{instance._meta.app_label}.change_{instance._meta.model_name}")


@require_POST
def mark_as_reviewed(request, step_id, language):
    """The language is checked against the other one as it is now: it leaves the report until either changes."""
    step = get_object_or_404(TranslationStep, pk=step_id)
    if not user_may_edit(request.user, step):
        raise PermissionDenied
    mark_reviewed(step, language, request.user)
    messages.success(request, gettext("Marked as reviewed."))
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = "stale_translations"
    return redirect(back)
