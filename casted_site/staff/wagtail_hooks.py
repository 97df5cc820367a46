import datetime

from django.http import Http404
from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.components import Component

from casted_site.staff.models import MailFailure
from casted_site.staff.uploads import visible_to_visitors

SHOWN_FOR = datetime.timedelta(days=7)


class MailFailuresPanel(Component):
    name = "mail_failures"
    order = 50
    template_name = "staff/mail_failures_panel.html"

    def __init__(self, failures):
        self.failures = failures

    def get_context_data(self, parent_context):
        return {"failures": self.failures}


@hooks.register("construct_homepage_panels")
def add_mail_failures(request, panels):
    failures = list(MailFailure.objects.filter(logged_at__gte=timezone.now() - SHOWN_FOR)[:5])
    if failures:
        panels.append(MailFailuresPanel(failures))


@hooks.register("before_serve_document")
def keep_private_pages_documents_private(document, request):
    """Staff may download any document; visitors not one only restricted or unpublished pages use."""
    if not request.user.has_perm("wagtailadmin.access_admin") and not visible_to_visitors(document):
        raise Http404


@hooks.register("insert_editor_js")
def translated_copy_buttons():
    """wagtail-modeltranslation's "Copy content from: zh-hans" buttons on each StreamField are written in English by
    its script; admin-labels.js puts them in the admin's language, each language by its own name."""
    return format_html(
        '<script src="{}" data-copy-from="{}"></script>', static("js/admin-labels.js"), _("Copy content from")
    )
