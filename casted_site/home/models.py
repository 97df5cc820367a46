from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from casted_site.core.blocks import BodyBlock
from casted_site.core.listing import render_cards
from casted_site.core.models import BilingualPreviewMixin, cached_for_page, not_view_restricted
from casted_site.core.seo import casted_organisation
from casted_site.core.templatetags.site_tags import site_sections

HOME_PARTNERS = 40


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
        # The figures and the records shown change only when something is published (and, for the upcoming
        # events, with the day): they are kept in the cache, the records rendered.
        home = cached_for_page(self, request, f"home:{timezone.localdate()}", lambda: home_contents(request))
        context["figures"] = [(home["figures"][kind], label) for kind, label in FIGURE_LABELS]
        context["featured_projects"] = home["featured_projects"]
        context["upcoming_events"] = home["upcoming_events"]
        # Every partner while they are few; at most HOME_PARTNERS, and a link to them all, when there are many.
        context["partners"], context["partners_shown"] = home["partners"]
        context["partner_count"] = home["figures"]["partners"]
        context["partner_index"] = next((s for s in context["sections"] if s["model"] == "partnerindexpage"), None)
        return context


FIGURE_LABELS = [
    ("projects", pgettext_lazy("home figure", "cooperative research projects")),
    ("partners", pgettext_lazy("home figure", "partner institutes and organisations")),
    ("countries", pgettext_lazy("home figure", "partner countries")),
    ("mous", pgettext_lazy("home figure", "memoranda of understanding")),
    ("events", pgettext_lazy("home figure", "conferences and events")),
]


def home_contents(request):
    """The home page's figures, and the records it shows (rendered: their cards, and the links to the partners
    with how many there are), from the live records of each model."""
    from events.models import EventPage, upcoming_condition
    from partners.models import MouPage, PartnerPage
    from projects.models import ProjectPage

    live = {
        model: model.objects.live().filter(not_view_restricted()).defer_streamfields()
        for model in (ProjectPage, PartnerPage, MouPage, EventPage)
    }
    counts = dict(
        Page.objects.live()
        .filter(not_view_restricted())
        .type(*live)
        .order_by()
        .values_list("content_type")
        .annotate(n=Count("pk"))
    )
    count_of = {model: counts.get(ContentType.objects.get_for_model(model).pk, 0) for model in live}

    partners = list(live[PartnerPage].order_by("title")[:HOME_PARTNERS])
    return {
        "figures": {
            "projects": count_of[ProjectPage],
            "partners": count_of[PartnerPage],
            # Countries other than China, CASTED's own (where MOST, a partner ministry, is).
            "countries": live[PartnerPage].exclude(country__in=["", "CN"]).values("country").distinct().count(),
            "mous": count_of[MouPage],
            "events": count_of[EventPage],
        },
        "featured_projects": render_cards(
            live[ProjectPage].order_by("-first_published_at")[:3], "includes/cards/project_short.html", request
        ),
        "upcoming_events": render_cards(
            live[EventPage].filter(upcoming_condition()).order_by("start_date", "title")[:3],
            "includes/cards/event.html",
            request,
        ),
        "partners": (
            render_to_string("includes/partner_links.html", {"partners": partners, "request": request}),
            len(partners),
        ),
    }
