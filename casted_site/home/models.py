from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from casted_site.caching.page_cache import PageCacheMixin, cached_for_page
from casted_site.framework_fixes.view_restrictions import not_view_restricted
from casted_site.navigation.seo import casted_organisation
from casted_site.navigation.templatetags.site_tags import site_sections
from casted_site.pages.blocks import BodyBlock
from casted_site.pages.models import BilingualPreviewMixin
from casted_site.sections import section_listing, section_records


class HomePage(PageCacheMixin, BilingualPreviewMixin, Page):
    """The site root: introduces CASTED's international cooperation and leads to each section."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("The opening paragraph under the site's title."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "projects.ProjectIndexPage",
        "partners.PartnerIndexPage",
        "partners.MouIndexPage",
        "events.EventIndexPage",
        "news.NewsIndexPage",
        "publications.PublicationIndexPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def structured_data(self, request):
        return casted_organisation(request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        _home, sections = site_sections(request)
        # The figures and the sections' blocks change only when something is published (and, for upcoming
        # events, with the day): they are kept in the cache, the blocks rendered.
        build = lambda: home_contents(self, request, sections)  # noqa: E731
        home = cached_for_page(self, request, "home", build, day=timezone.localdate())
        # The kept dict is shared with other requests (the process memo): read, never changed.
        context.update(home)
        return context


def section_summaries(home):
    """{page id: summary} of the home page's sections in the active language (or English), in one query over the
    tables of every kind of section it allows: the menu reads the sections as plain pages, without them."""
    language = build_localized_fieldname("summary", translation.get_language() or settings.LANGUAGE_CODE)
    english = build_localized_fieldname("summary", settings.LANGUAGE_CODE)
    summarised = [model for model in home.specific_class.allowed_subpage_models() if hasattr(model, "summary")]
    fields = dict.fromkeys((language, english))  # one column in English
    tables = [model.objects.child_of(home).order_by().values_list("pk", *fields) for model in summarised]
    if not tables:
        return {}
    rows = tables[0].union(*tables[1:], all=True)
    return {pk: next((text for text in texts if text), "") for pk, *texts in rows}


def home_contents(home, request, sections):
    """The figures of every section and its blocks (casted_site.sections.HomeFigure, HomeBlock), rendered, from
    the live, visible records of each: one query counts the records of every section. Each figure links to its
    section's listing, the first with the section's summary."""
    records = section_records()
    live = {model: model.objects.live().filter(not_view_restricted()).defer_streamfields() for model in records}
    counts = dict(
        Page.objects.live()
        .filter(not_view_restricted())
        .type(*records)
        .order_by()
        .values_list("content_type")
        .annotate(n=Count("pk"))
    )
    count_of = {model: counts.get(ContentType.objects.get_for_model(model).pk, 0) for model in records}
    summaries = section_summaries(home)
    figures = []
    for model in records:
        listing = section_listing(model, sections)
        for number, figure in enumerate(model.home_figures):
            value = figure.count(live[model]) if figure.count else count_of[model]
            if not value:
                continue  # a section that holds nothing yet has no figure: "0 publications" says nothing
            figures.append(
                {
                    "number": value,
                    "label": str(figure.label),
                    "url": listing["url"] if listing else "",
                    # The section's own summary goes with its first figure: what it does, and how much.
                    "summary": summaries.get(listing["pk"], "") if listing and number == 0 else "",
                }
            )
    blocks = [
        (model.home_block.column, model.home_block.render(live[model], count_of[model], request, sections))
        for model in records
        if model.home_block
    ]
    return {
        "figures": figures,
        "home_columns": [html for column, html in blocks if column],
        "home_blocks": [html for column, html in blocks if not column],
    }
