"""Abstract pages the section apps share: a section's index page, its records, and their bilingual preview."""

from urllib.parse import urlencode

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from casted_site.caching.page_cache import PageCacheMixin, cached_for_page, declare_query_params
from casted_site.framework_fixes.choice_labels import ChoiceLabelsMixin
from casted_site.framework_fixes.view_restrictions import not_view_restricted
from casted_site.pages.collation import sort_title_fields, sort_titles
from casted_site.pages.feeds import SectionFeed
from casted_site.search.chinese import ChineseSearchMixin
from casted_site.sections import SectionRecord, section_records


class BilingualPreviewMixin:
    """Editors preview a page in English or in Chinese, whatever the admin's own language; and the admin names a
    page in its own language (Wagtail's get_admin_display_title is the English draft title)."""

    def get_admin_display_title(self):
        language = translation.get_language() or settings.LANGUAGE_CODE
        if language == settings.LANGUAGE_CODE:
            return super().get_admin_display_title()  # the latest draft's title, as Wagtail shows it
        return getattr(self, build_localized_fieldname("title", language), "") or super().get_admin_display_title()

    preview_modes = [("en", "English"), ("zh-hans", "中文")]
    default_preview_mode = "en"

    def serve_preview(self, request, mode_name):
        language = mode_name if mode_name in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        # The preview is rendered right after this returns, in the same request: activate, don't override.
        translation.activate(language)
        request.LANGUAGE_CODE = language
        return super().serve_preview(request, mode_name)


class SectionIndexPage(PageCacheMixin, BilingualPreviewMixin, Page):
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

    # What the listing says while the section has no record at all; a section says what will appear in it.
    empty_state = _("Nothing has been published here yet.")

    class Meta:
        abstract = True


class SectionFeedMixin(RoutablePageMixin):
    """An index page with an Atom feed of its newest records, at feed/."""

    # RoutablePageMixin's own serve_preview would skip the language of the preview.
    serve_preview = BilingualPreviewMixin.serve_preview

    def feed_records(self):
        """The records the feed gives: the index's live, visible children of its one kind of record."""
        record_model = self.specific_class.allowed_subpage_models()[0]
        return record_model.objects.child_of(self).live().filter(not_view_restricted()).defer_streamfields()

    @path("feed/")
    def feed(self, request):
        declare_query_params(request)
        return SectionFeed(self, self.feed_records())(request)


class SectionRecordPage(
    SectionRecord, PageCacheMixin, ChoiceLabelsMixin, BilingualPreviewMixin, ChineseSearchMixin, Page
):
    """A record of a section (a project, partner, MOU or event): a title and a short summary for its cards. Each
    concrete one declares what the shared code needs of its section (casted_site.sections.SectionRecord)."""

    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=600,
        help_text=_("One or two sentences, shown on listing cards, in search results and to search engines."),
    )
    # What listings order the records by in each language (casted_site.pages.collation), set on every save: not
    # edited, not shown.
    sort_title = models.CharField(max_length=500, blank=True, editable=False, db_index=True)

    content_panels = [*Page.content_panels, FieldPanel("summary")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("chinese_search_text"),
        index.AutocompleteField("titles_for_autocomplete"),
    ]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listed_here"] = cached_for_page(self, request, "listed-here", self.listed_here)
        return context

    def listed_here(self):
        """The records of the sections above this one that link to it and ask to be listed on its page
        (SectionRecord.listed_on_linked): a partner's news, a project's publications. One query a list."""
        lists = []
        for model in section_records():
            declared = model.listed_on_linked
            for field_name, facet in declared.fields.items() if declared else ():
                if not isinstance(self, model._meta.get_field(field_name).related_model):
                    continue
                linking = model.objects.live().filter(not_view_restricted(), **{field_name: self})
                records = list(linking.defer_streamfields().order_by(*declared.order)[: declared.shown + 1])
                if not records:
                    continue
                more_url = None
                if len(records) > declared.shown and facet:
                    # The listing is the records' parent: its URL is theirs without their slug (no query).
                    listing_url = records[0].get_url().rstrip("/").rpartition("/")[0] + "/"
                    more_url = f"{listing_url}?{urlencode({facet: self.slug})}"
                lists.append(
                    {
                        "key": f"{model._meta.model_name}-{field_name}",
                        "heading": str(declared.heading),
                        "records": records[: declared.shown],
                        "item_template": declared.item_template,
                        "more_url": more_url,
                    }
                )
        return lists

    def save(self, *args, **kwargs):
        self.set_sort_titles()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and any(field.startswith("title") for field in update_fields):
            kwargs["update_fields"] = {*update_fields, *sort_title_fields()}
        return super().save(*args, **kwargs)

    def set_sort_titles(self):
        """Each language's sort key, from the title shown in it (the English one where a language has none)."""
        titles = {
            code: getattr(self, build_localized_fieldname("title", code), "") for code, _name in settings.LANGUAGES
        }
        titles[settings.LANGUAGE_CODE] = titles[settings.LANGUAGE_CODE] or self.title
        for field, key in sort_titles(titles).items():
            setattr(self, field, key)
