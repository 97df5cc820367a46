from django_countries.fields import CountryField

from django.db import models
from django.db.models import Count, F, Q
from django.http import Http404
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from casted_site.caching.page_cache import cached_for_page, declare_query_params, linked_records
from casted_site.framework_fixes.choice_labels import ChoiceLabelsMixin
from casted_site.framework_fixes.view_restrictions import not_view_restricted, visible_pages
from casted_site.listings import ChoiceFacet, Facet, FilteredListing, ValueFacet, render_cards
from casted_site.navigation.seo import absolute_url, casted_organisation
from casted_site.pages.blocks import BodyBlock, DocumentBlock
from casted_site.pages.models import BilingualPreviewMixin, SectionFeedMixin, SectionIndexPage, SectionRecordPage
from casted_site.records.records_io import ManyBySlug
from casted_site.sections import HomeBlock, HomeFigure, RecordColumns, section_listing
from events.calendar import all_events_calendar_name, calendar_file, calendar_response
from partners.models import PartnerRole, visible_partner_links
from partners.records import PartnerLinks


class EventKind(models.TextChoices):
    CONFERENCE = "conference", _("Conference")
    WORKSHOP = "workshop", _("Workshop")
    FORUM = "forum", _("Forum")
    SEMINAR = "seminar", _("Seminar")
    SYMPOSIUM = "symposium", _("Symposium")


class EventFormat(models.TextChoices):
    BILATERAL = "bilateral", _("Bilateral")
    TRILATERAL = "trilateral", _("Trilateral")
    MULTILATERAL = "multilateral", _("Multilateral")


class OrganisedAs(models.TextChoices):
    ENTRUSTED_BY_MOST = "most", _("Entrusted by MOST")
    COOPERATION_NEED = "cooperation", _("According to cooperation needs")


def upcoming_condition():
    """Upcoming: it ends (or, with no end date, starts) today or later, in the site's time zone."""
    today = timezone.localdate()
    return Q(end_date__gte=today) | Q(end_date__isnull=True, start_date__gte=today)


class WhenFacet(Facet):
    def __init__(self):
        super().__init__("when", _("When"))
        self.choices = [("upcoming", _("Upcoming")), ("past", _("Past"))]

    def option_counts(self, queryset):
        counts = queryset.order_by().aggregate(
            upcoming=models.Count("pk", filter=upcoming_condition()),
            total=models.Count("pk"),
        )
        counts["past"] = counts["total"] - counts["upcoming"]
        return [(value, label, counts[value]) for value, label in self.choices]

    def apply(self, queryset, value):
        return queryset.filter(upcoming_condition()) if value == "upcoming" else queryset.exclude(upcoming_condition())


CALENDAR_EVENTS = 500


class EventIndexPage(SectionFeedMixin, SectionIndexPage):
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("event index page")

    def records(self):
        """Upcoming events soonest first, then past events most recent first, then those without a date."""
        group = models.Case(
            models.When(upcoming_condition(), then=models.Value(0)),
            models.When(start_date__isnull=False, then=models.Value(1)),
            default=models.Value(2),
        )
        return (
            EventPage.objects.child_of(self)
            .live()
            .filter(not_view_restricted())
            .defer_streamfields()
            .annotate(listing_group=group)
            .order_by(
                "listing_group",
                models.Case(models.When(listing_group=0, then="start_date")).asc(nulls_last=True),
                models.Case(models.When(listing_group=1, then="start_date")).desc(nulls_last=True),
                "sort_title",
            )
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        facets = [
            WhenFacet(),
            ChoiceFacet("kind", _("Kind"), "kind", EventKind.choices),
            ChoiceFacet("format", _("Format"), "format", EventFormat.choices),
            ValueFacet(
                "year",
                _("Year"),
                lambda qs: (
                    ([year], n)
                    for year, n in qs.filter(start_date__isnull=False)
                    .values_list("start_date__year")
                    .annotate(n=Count("pk"))
                ),
                apply=lambda qs, year: qs.filter(start_date__year=int(year)),
            ),
        ]
        context["listing"] = FilteredListing(
            request, self.records, facets, self.pk, "includes/cards/event.html"
        ).listing()
        return context

    @path("calendar/")
    def calendar(self, request):
        """The dated events, to subscribe to in a calendar program: every one, up to the CALENDAR_EVENTS latest
        (calendar programs refresh a subscription often, and a calendar of thousands of events is megabytes).
        Writing the file takes most of a second for that many: it is kept until the next publish."""

        def build():
            latest = (
                EventPage.objects.child_of(self)
                .live()
                .filter(not_view_restricted(), start_date__isnull=False)
                .defer_streamfields()
                .order_by("-start_date")[:CALENDAR_EVENTS]
            )
            events = sorted(latest, key=lambda event: event.start_date)
            return calendar_file(events, request, all_events_calendar_name())

        declare_query_params(request)
        return calendar_response(cached_for_page(self, request, "calendar", build), "casted-events.ics")


def events_on_home(live, count, request, sections):
    """The next events; with none announced, the latest (the undated last): never an empty box."""
    if not count:
        return ""
    upcoming = list(live.filter(upcoming_condition()).order_by("start_date", "sort_title")[:3])
    shown = upcoming or live.order_by(F("start_date").desc(nulls_last=True), "-first_published_at")[:3]
    context = {
        "cards": render_cards(shown, "includes/cards/event.html", request),
        "upcoming": bool(upcoming),
        "count": count,
        "index": section_listing(EventPage, sections),
    }
    return render_to_string("events/home_block.html", context)


class EventPage(RoutablePageMixin, SectionRecordPage):
    """An international conference, workshop, forum, seminar or symposium that CASTED organised."""

    section_key = "events"
    section_label = _("Events")
    home_figures = [HomeFigure("events", pgettext_lazy("home figure", "conferences and events"))]
    home_block = HomeBlock(events_on_home, column=True)
    record_columns = RecordColumns(
        translated=["title", "summary", "venue", "city"],
        plain={
            "kind": "text",
            "format": "text",
            "start_date": "date",
            "end_date": "date",
            "country": "text",
            "organised_as": "text",
        },
        links={
            "partners": PartnerLinks("event_partners"),
            "related_projects": ManyBySlug("related_projects", "slug_en"),
        },
    )

    # RoutablePageMixin's own serve_preview would skip the language of the preview.
    serve_preview = BilingualPreviewMixin.serve_preview

    kind = models.CharField(_("kind"), max_length=16, choices=EventKind.choices, blank=True, db_index=True)
    format = models.CharField(_("format"), max_length=16, choices=EventFormat.choices, blank=True, db_index=True)
    start_date = models.DateField(_("start date"), null=True, blank=True, db_index=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = CountryField(_("country"), blank=True)
    organised_as = models.CharField(_("organised"), max_length=16, choices=OrganisedAs.choices, blank=True)
    related_projects = ParentalManyToManyField(
        "projects.ProjectPage", verbose_name=_("related projects"), blank=True, related_name="events"
    )
    programme = StreamField(BodyBlock(), blank=True, verbose_name=_("programme"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    documents = StreamField([("document", DocumentBlock())], blank=True, verbose_name=_("documents"))

    content_panels = [
        *SectionRecordPage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("format")]),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("venue"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldPanel("organised_as"),
            ],
            heading=_("Facts"),
            help_text=_(
                "Leave empty what is not known: the page leaves it out, and an event without a date is listed among the earlier events."
            ),
        ),
        InlinePanel("event_partners", heading=_("Partners and co-organisers"), label=_("Partner")),
        FieldPanel("related_projects"),
        FieldPanel("programme"),
        FieldPanel("body"),
        FieldPanel("documents"),
    ]
    search_fields = [*SectionRecordPage.search_fields, index.SearchField("body"), index.SearchField("venue")]
    chinese_search_source_fields = ("title", "summary", "venue", "city", "body")
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def structured_data(self, request):
        data = {
            "@type": "Event",
            "name": self.title,
            "url": absolute_url(self, request),
            "organizer": casted_organisation(request),
        }
        if self.summary:
            data["description"] = self.summary
        if self.start_date:
            data["startDate"] = self.start_date.isoformat()
            data["endDate"] = (self.end_date or self.start_date).isoformat()
        if self.venue or self.city or self.country:
            address = {"@type": "PostalAddress"}
            if self.city:
                address["addressLocality"] = self.city
            if self.country:
                address["addressCountry"] = self.country.code
            data["location"] = {"@type": "Place", "name": self.venue or self.city, "address": address}
        return data

    @property
    def listing_heading(self):
        """The heading the events listing groups this event under: an event without a date is an earlier one."""
        if not self.start_date:
            return _("Earlier events")
        return _("Upcoming events") if self.is_upcoming else _("Past events")

    @property
    def is_upcoming(self):
        today = timezone.localdate()
        last_day = self.end_date or self.start_date
        return bool(last_day and last_day >= today)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            linked_records(
                self,
                request,
                lambda: {
                    "partner_links": visible_partner_links(self.event_partners),
                    "projects": list(visible_pages(self.related_projects).order_by("sort_title")),
                    "same_kind": self.same_kind(),
                },
            )
        )
        return context

    SAME_KIND_SHOWN = 6

    def same_kind(self):
        """Other events of this kind (other workshops, say), the latest first: what a visitor may read next, and
        what fills the page of an event the content says little about."""
        if not self.kind:
            return []
        events = EventPage.objects.live().filter(not_view_restricted(), kind=self.kind).exclude(pk=self.pk)
        ordered = events.order_by(F("start_date").desc(nulls_last=True), "sort_title").defer_streamfields()
        return list(ordered[: self.SAME_KIND_SHOWN])

    @path("ical/")
    def ical(self, request):
        if not self.start_date:
            raise Http404("This event has no date to put in a calendar.")
        declare_query_params(request)
        return calendar_response(calendar_file([self], request, self.title), f"{self.slug}.ics")


class EventPartner(ChoiceLabelsMixin, Orderable):
    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="event_partners")
    partner = models.ForeignKey(
        "partners.PartnerPage", verbose_name=_("partner"), on_delete=models.CASCADE, related_name="event_links"
    )
    role = models.CharField(_("role"), max_length=16, choices=PartnerRole.choices, default=PartnerRole.CO_ORGANISER)

    panels = [FieldPanel("partner"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("event partner")
        constraints = [models.UniqueConstraint(fields=["event", "partner"], name="unique_event_partner")]
