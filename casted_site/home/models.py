from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from casted_site.core.blocks import BodyBlock
from casted_site.core.models import BilingualPreviewMixin, not_view_restricted
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
        from events.models import EventPage, upcoming_condition
        from partners.models import MouPage, PartnerPage
        from projects.models import ProjectPage

        context = super().get_context(request, *args, **kwargs)
        _home, context["sections"] = site_sections(request)
        live = {
            model: model.objects.live().filter(not_view_restricted())
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
        context["figures"] = [
            (count_of[ProjectPage], pgettext_lazy("home figure", "cooperative research projects")),
            (count_of[PartnerPage], pgettext_lazy("home figure", "partner institutes and organisations")),
            # Countries other than China, CASTED's own (where MOST, a partner ministry, is).
            (
                live[PartnerPage].exclude(country__in=["", "CN"]).values("country").distinct().count(),
                pgettext_lazy("home figure", "partner countries"),
            ),
            (count_of[MouPage], pgettext_lazy("home figure", "memoranda of understanding")),
            (count_of[EventPage], pgettext_lazy("home figure", "conferences and events")),
        ]
        context["featured_projects"] = live[ProjectPage].defer_streamfields().order_by("-first_published_at")[:3]
        context["upcoming_events"] = (
            live[EventPage].defer_streamfields().filter(upcoming_condition()).order_by("start_date", "title")[:3]
        )
        # Every partner while they are few; at most HOME_PARTNERS, and a link to them all, when there are many.
        context["partners"] = live[PartnerPage].order_by("title")[:HOME_PARTNERS]
        context["partner_count"] = count_of[PartnerPage]
        context["partner_index"] = next((s for s in context["sections"] if s["model"] == "partnerindexpage"), None)
        return context
