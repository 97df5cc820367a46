from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from casted_site.caching.page_cache import cached_for_page
from casted_site.framework_fixes.view_restrictions import not_view_restricted
from casted_site.navigation.seo import casted_organisation
from casted_site.navigation.templatetags.site_tags import site_sections
from casted_site.pages.blocks import BodyBlock
from casted_site.pages.models import BilingualPreviewMixin
from casted_site.sections import section_records


class HomePage(BilingualPreviewMixin, Page):
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
    ]
    max_count = 1
    # Its children, the sections, are on the way to every URL: routing takes them from the cache.
    route_children_from_cache = True

    class Meta:
        verbose_name = _("home page")

    def structured_data(self, request):
        return casted_organisation(request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        _home, context["sections"] = site_sections(request)
        # The figures and the sections' blocks change only when something is published (and, for upcoming
        # events, with the day): they are kept in the cache, the blocks rendered.
        home = cached_for_page(
            self, request, f"home:{timezone.localdate()}", lambda: home_contents(request, context["sections"])
        )
        context.update(home)
        return context


def home_contents(request, sections):
    """The figures of every section and its blocks (casted_site.sections.HomeFigure, HomeBlock), rendered, from
    the live, visible records of each: one query counts the records of every section."""
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
    figures = [
        (figure.count(live[model]) if figure.count else count_of[model], str(figure.label))
        for model in records
        for figure in model.home_figures
    ]
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
