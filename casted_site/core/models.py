"""Abstract pieces the section apps share."""

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from casted_site.core.search import ChineseSearchMixin


class BilingualPreviewMixin:
    """Editors preview a page in English or in Chinese, whatever the admin's own language."""

    preview_modes = [("en", "English"), ("zh-hans", "中文")]
    default_preview_mode = "en"

    def serve_preview(self, request, mode_name):
        language = mode_name if mode_name in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        # The preview is rendered right after this returns, in the same request: activate, don't override.
        translation.activate(language)
        request.LANGUAGE_CODE = language
        return super().serve_preview(request, mode_name)


class SectionIndexPage(BilingualPreviewMixin, Page):
    """The landing page of one section (projects, partners, MOUs, events): an intro, then its records."""

    summary = models.CharField(
        _("summary"),
        max_length=255,
        blank=True,
        help_text=_("One sentence that introduces the section on the home page."),
    )
    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Shown at the top of the section page, above its records."),
    )

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True


class SectionRecordPage(BilingualPreviewMixin, ChineseSearchMixin, Page):
    """A record of a section (a project, partner, MOU or event): a title and a short summary for its cards."""

    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=600,
        help_text=_("One or two sentences, shown on listing cards, in search results and to search engines."),
    )

    content_panels = [*Page.content_panels, FieldPanel("summary")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("chinese_search_text"),
    ]

    class Meta:
        abstract = True


def not_view_restricted():
    """A filter for pages with no view restriction on them or an ancestor, in the same SQL query.
    Wagtail's .filter(not_view_restricted()) first loads every restriction in a query of its own, on every call."""
    from django.db.models import Exists, OuterRef
    from django.db.models.functions import Length, Substr

    from wagtail.models import PageViewRestriction

    restricting = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path")),
    )
    return ~Exists(restricting)
