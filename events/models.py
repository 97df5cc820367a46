import datetime
import json
from zoneinfo import available_timezones

from django_countries.fields import CountryField

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, Q
from django.http import Http404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from casted_site.caching.page_cache import cached_for_page, declare_query_params, linked_records
from casted_site.framework_fixes.choice_labels import ChoiceLabelsMixin
from casted_site.framework_fixes.view_restrictions import not_view_restricted, visible_pages
from casted_site.listings import ChoiceFacet, Facet, FilteredListing, RelatedFacet, ValueFacet, render_cards
from casted_site.navigation.seo import absolute_url, casted_organisation
from casted_site.pages.blocks import BodyBlock, DocumentBlock, ImageBlock
from casted_site.pages.models import BilingualPreviewMixin, SectionFeedMixin, SectionIndexPage, SectionRecordPage
from casted_site.records.records_io import ManyBySlug
from casted_site.sections import HomeBlock, HomeFigure, RecordColumns, section_listing
from casted_site.staff.roles import MODERATORS
from events.calendar import all_events_calendar_name, calendar_file, calendar_response
from events.times import at, edition_label
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


class TimeZoneSelect(forms.Select):
    def __init__(self, attrs=None):
        super().__init__(attrs, choices=[(zone, zone) for zone in sorted(available_timezones())])


CALENDAR_EVENTS = 500


class EventStatus(models.TextChoices):
    """schema.org's eventStatus values, by their names there."""

    SCHEDULED = "scheduled", pgettext_lazy("event status", "Scheduled")
    POSTPONED = "postponed", pgettext_lazy("event status", "Postponed")
    RESCHEDULED = "rescheduled", pgettext_lazy("event status", "Rescheduled")
    CANCELLED = "cancelled", pgettext_lazy("event status", "Cancelled")


class Attendance(models.TextChoices):
    IN_PERSON = "in-person", _("In person")
    ONLINE = "online", _("Online")
    MIXED = "mixed", _("In person and online")


class SessionLanguage(models.TextChoices):
    CHINESE = "zh", _("Chinese")
    ENGLISH = "en", _("English")
    BOTH = "zh-en", _("Chinese and English")


class Interpretation(models.TextChoices):
    INTO_ENGLISH = "en", _("with English interpretation")
    INTO_CHINESE = "zh", _("with Chinese interpretation")
    BOTH_WAYS = "both", _("with interpretation both ways")


SCHEMA_EVENT_STATUS = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
    EventStatus.RESCHEDULED: "https://schema.org/EventRescheduled",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
}
SCHEMA_ATTENDANCE = {
    Attendance.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    Attendance.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    Attendance.MIXED: "https://schema.org/MixedEventAttendanceMode",
}


def validate_time_zone(value):
    if value not in available_timezones():
        raise ValidationError(
            _("%(zone)s is not a time zone of the IANA database, such as Asia/Shanghai."), params={"zone": value}
        )


@register_snippet
class EventSeries(models.Model):
    """A recurring conference or forum (the China-U.S. Forum on Science and Technology Policy); its events are its
    numbered editions."""

    name = models.CharField(_("name"), max_length=250)
    short_name = models.CharField(_("short name"), max_length=80, blank=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, help_text=_("Used in the series page's address."))
    description = models.TextField(_("description"), blank=True)
    organisers = models.TextField(_("organisers"), blank=True, help_text=_("One organiser a line."))

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("organisers"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("event series")
        verbose_name_plural = _("event series")

    def __str__(self):
        return self.name

    @property
    def organiser_lines(self):
        return [line.strip() for line in self.organisers.splitlines() if line.strip()]


@register_snippet
class Speaker(models.Model):
    """A person who speaks or chairs at an event. The seed names no people: staff add them."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, help_text=_("Used in the speaker's page address."))
    position = models.CharField(
        _("title and position"),
        max_length=250,
        blank=True,
        help_text=_("Such as “Professor, Director of the Institute”."),
    )
    affiliation = models.ForeignKey(
        "partners.PartnerPage",
        verbose_name=_("affiliation (a partner)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="speakers",
    )
    affiliation_name = models.CharField(
        _("affiliation (not a partner)"),
        max_length=250,
        blank=True,
        help_text=_("Where the affiliation is not one of the partners."),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField(_("short biography"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("position"),
        FieldRowPanel([FieldPanel("affiliation"), FieldPanel("affiliation_name")]),
        FieldPanel("photo"),
        FieldPanel("bio"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self):
        return self.name


class RecordingBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=250)
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "media"
        template = "blocks/link_block.html"
        description = _("A link to a recording or a stream of the event, where it is kept.")


class MaterialsBlock(blocks.StreamBlock):
    slides = DocumentBlock(label=_("Slides"), icon="doc-full")
    document = DocumentBlock()
    recording = RecordingBlock(label=_("Recording"))
    photo = ImageBlock(label=_("Photo"))


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
            ChoiceFacet("status", pgettext_lazy("event status", "Status"), "status", EventStatus.choices),
            RelatedFacet("series", _("Series"), "series", EventSeries.objects.all(), "editions", label_field="name"),
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
        context["next_event"] = cached_for_page(
            self, request, "next-event", self.next_event, day=timezone.localdate().isoformat()
        )
        return context

    def next_event(self):
        """The next event to come, shown above the listing (None, which is not kept, when none is announced)."""
        return self.records().filter(upcoming_condition()).exclude(status=EventStatus.CANCELLED).first()

    def series_url(self, series):
        return self.url + self.reverse_subpage("series", args=[series.slug])

    def speaker_url(self, speaker):
        return self.url + self.reverse_subpage("speaker", args=[speaker.slug])

    @path("series/<slug:slug>/", name="series")
    def series_page(self, request, slug):
        series = EventSeries.objects.filter(slug=slug).first()
        if series is None:
            raise Http404("No such series.")
        declare_query_params(request)
        editions = (
            EventPage.objects.child_of(self)
            .live()
            .filter(not_view_restricted(), series=series)
            .defer_streamfields()
            .prefetch_related("event_partners__partner")
            .order_by(F("edition").desc(nulls_last=True), F("start_date").desc(nulls_last=True))
        )
        editions = list(editions)
        for event in editions:
            event.co_organisers = [
                link.partner for link in event.event_partners.all() if link.partner.live and link.role == "co-organiser"
            ]
        data = {
            "@context": "https://schema.org",
            "@type": "EventSeries",
            "name": series.name,
            "url": request.build_absolute_uri(request.path),
            "subEvent": [
                {"@type": "Event", "name": event.title, "url": absolute_url(event, request)} for event in editions
            ],
        }
        if series.description:
            data["description"] = series.description
        context = {
            **super().get_context(request),  # the page's own context, without the listing's work
            "series": series,
            "editions": editions,
            "series_json_ld": json.dumps(data, ensure_ascii=False).replace("<", "\\u003c"),
        }
        return TemplateResponse(request, "events/series_page.html", context)

    @path("speakers/<slug:slug>/", name="speaker")
    def speaker_page(self, request, slug):
        speaker = Speaker.objects.filter(slug=slug).select_related("affiliation", "photo").first()
        if speaker is None:
            raise Http404("No such speaker.")
        declare_query_params(request)
        live_events = EventPage.objects.live().filter(not_view_restricted())
        sessions = (
            EventSession.objects.filter(Q(speakers=speaker) | Q(chair=speaker), event__in=live_events)
            .distinct()
            .select_related("event")
            .order_by("-date", "start_time")
        )
        context = {**super().get_context(request), "speaker": speaker, "speaker_sessions": list(sessions)}
        return TemplateResponse(request, "events/speaker_page.html", context)

    @path("month/<int:year>/<int:month>/", name="month")
    def month_page(self, request, year, month):
        from events.month import month_view

        if not (1 <= month <= 12 and 1950 <= year <= 2100):
            raise Http404("No such month.")
        declare_query_params(request)
        context = {**super().get_context(request), **month_view(self, year, month)}
        return TemplateResponse(request, "events/month_page.html", context)

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
                .select_related("calendar_version")
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
    series = models.ForeignKey(
        EventSeries, verbose_name=_("series"), null=True, blank=True, on_delete=models.SET_NULL, related_name="editions"
    )
    edition = models.PositiveSmallIntegerField(
        _("edition"), null=True, blank=True, help_text=_("Its number in the series: 3 for the 3rd (第3届).")
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Asia/Shanghai",
        validators=[validate_time_zone],
        help_text=_("Where the event takes place: its times are given in this zone."),
    )
    start_time = models.TimeField(_("start time"), null=True, blank=True, help_text=_("Empty: an all-day event."))
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    status = models.CharField(
        pgettext_lazy("event status", "status"),
        max_length=16,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
        db_index=True,
    )
    previous_start_date = models.DateField(
        _("previous start date"), null=True, blank=True, help_text=_("For a rescheduled event: the date it had before.")
    )
    attendance = models.CharField(
        _("attendance"), max_length=16, choices=Attendance.choices, default=Attendance.IN_PERSON
    )
    online_url = models.URLField(_("online link"), blank=True)
    online_url_public = models.BooleanField(
        _("show the online link on the page"),
        default=False,
        help_text=_("Otherwise only registrants get it, in their confirmation e-mail."),
    )
    registration_open = models.BooleanField(_("registration open"), default=False)
    registration_capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    registration_closes = models.DateTimeField(
        _("registration closes"), null=True, blank=True, help_text=_("Empty: at the start of the event.")
    )
    waiting_list = models.BooleanField(_("waiting list when full"), default=True)
    registration_retention_days = models.PositiveSmallIntegerField(
        _("registrations kept for (days after the event)"), default=90
    )
    data_use = models.TextField(
        _("use of registrants' data"),
        blank=True,
        help_text=_("What registrants' data is used for, shown beside the consent box. Empty: the standard text."),
    )

    programme = StreamField(BodyBlock(), blank=True, verbose_name=_("programme"))
    outcome = RichTextField(
        _("summary of the event"), blank=True, help_text=_("What came of it: shown once the event is past.")
    )
    materials = StreamField(MaterialsBlock(), blank=True, verbose_name=_("materials"))
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
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("series"), FieldPanel("edition")]),
                FieldRowPanel(
                    [FieldPanel("start_time"), FieldPanel("end_time"), FieldPanel("time_zone", widget=TimeZoneSelect)]
                ),
                FieldRowPanel([FieldPanel("status"), FieldPanel("previous_start_date")]),
                FieldRowPanel([FieldPanel("attendance"), FieldPanel("online_url"), FieldPanel("online_url_public")]),
            ],
            heading=_("Series, times and status"),
        ),
        InlinePanel("event_partners", heading=_("Partners and co-organisers"), label=_("Partner")),
        FieldPanel("related_projects"),
        InlinePanel("sessions", heading=_("Programme sessions"), label=_("Session")),
        FieldPanel("programme", heading=_("Programme (as text)")),
        FieldPanel("body"),
        FieldPanel("documents"),
        FieldPanel("outcome"),
        FieldPanel("materials"),
        MultiFieldPanel(
            [
                FieldPanel("registration_open"),
                FieldRowPanel(
                    [FieldPanel("registration_capacity"), FieldPanel("registration_closes"), FieldPanel("waiting_list")]
                ),
                FieldPanel("registration_retention_days"),
                FieldPanel("data_use"),
                InlinePanel("registration_fields", heading=_("Questions of your own"), label=_("Question")),
            ],
            heading=_("Registration"),
        ),
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
            data["startDate"] = (self.starts_at or self.start_date).isoformat()
            data["endDate"] = (self.ends_at or self.end_date or self.start_date).isoformat()
        if self.previous_start_date and self.status == EventStatus.RESCHEDULED:
            data["previousStartDate"] = self.previous_start_date.isoformat()
        data["eventStatus"] = SCHEMA_EVENT_STATUS[self.status]
        data["eventAttendanceMode"] = SCHEMA_ATTENDANCE[self.attendance]
        locations = []
        if self.venue or self.city or self.country:
            address = {"@type": "PostalAddress"}
            if self.city:
                address["addressLocality"] = self.city
            if self.country:
                address["addressCountry"] = self.country.code
            locations.append({"@type": "Place", "name": self.venue or self.city, "address": address})
        if self.attendance != Attendance.IN_PERSON:
            virtual = {"@type": "VirtualLocation"}
            if self.online_url and self.online_url_public:
                virtual["url"] = self.online_url
            locations.append(virtual)
        if locations:
            data["location"] = locations[0] if len(locations) == 1 else locations
        if self.series_id:
            data["superEvent"] = {
                "@type": "EventSeries",
                "name": self.series.name,
                "url": request.build_absolute_uri(self.get_parent().specific.series_url(self.series)),
            }
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
                    "programme_days": self.programme_days(),
                    "editions": self.neighbour_editions(),
                },
            )
        )
        context["registration_offered"] = self.registration_open and self.is_upcoming and self.status != "cancelled"
        return context

    # Times, in the event's zone
    @property
    def starts_at(self):
        return at(self.start_date, self.start_time, self.time_zone)

    @property
    def ends_at(self):
        return at(self.end_date or self.start_date, self.end_time, self.time_zone)

    @property
    def edition_name(self):
        return edition_label(self.edition) if self.edition else ""

    def programme_days(self):
        """The sessions by day, in order: [(day, [session, …]), …], each with its chair and speakers read."""
        sessions = sorted(self.sessions.all(), key=lambda session: (session.date, session.start_time))
        if not sessions:
            return []
        index = self.get_parent().specific
        people = {}  # each speaker read once, with the address of their page

        def person(speaker):
            if speaker.pk not in people:
                speaker.page_url = index.speaker_url(speaker)
                affiliation = speaker.affiliation
                speaker.affiliation_shown = (
                    affiliation.title if affiliation and affiliation.live else speaker.affiliation_name
                )
                people[speaker.pk] = speaker
            return people[speaker.pk]

        days = {}
        for session in sessions:
            session.speaker_list = [person(speaker) for speaker in session.speakers.all()]
            session.chair_person = person(session.chair) if session.chair_id else None
            days.setdefault(session.date, []).append(session)
        return list(days.items())

    def neighbour_editions(self):
        """The previous and the next edition of its series, by edition number (else by date)."""
        if not self.series_id:
            return {}
        editions = list(
            EventPage.objects.live()
            .filter(not_view_restricted(), series_id=self.series_id)
            .exclude(pk=self.pk)
            .defer_streamfields()
            .order_by(F("edition").asc(nulls_last=True), F("start_date").asc(nulls_last=True))
        )
        mine = (self.edition or 0, self.start_date or datetime.date.min)

        def place(event):
            return (event.edition or 0, event.start_date or datetime.date.min)

        earlier = [event for event in editions if place(event) < mine]
        later = [event for event in editions if place(event) > mine]
        return {
            "series": self.series,
            "previous": earlier[-1] if earlier else None,
            "next": later[0] if later else None,
        }

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
        """The event and its programme's sessions, to add to a calendar."""
        if not self.start_date:
            raise Http404("This event has no date to put in a calendar.")
        declare_query_params(request)
        sessions = [(session, self) for session in self.sessions.all()]
        return calendar_response(calendar_file([self], request, self.title, sessions), f"{self.slug}.ics")

    @path("register/")
    def register(self, request):
        from events.views import registration_view

        return registration_view(request, self)

    @path("register/<str:outcome>/")
    def registered(self, request, outcome):
        from events.views import registered_view

        return registered_view(request, self, outcome)


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


class EventSession(ClusterableModel, Orderable):
    """One session of an event's programme, at a time of a day in the event's time zone."""

    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField(_("day"))
    start_time = models.TimeField(_("start time"))
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    room = models.CharField(_("room"), max_length=120, blank=True)
    chair = models.ForeignKey(
        Speaker,
        verbose_name=_("chair"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="chaired_sessions",
    )
    speakers = ParentalManyToManyField(Speaker, verbose_name=_("speakers"), blank=True, related_name="sessions")
    language = models.CharField(_("language"), max_length=8, choices=SessionLanguage.choices, blank=True)
    interpretation = models.CharField(_("interpretation"), max_length=8, choices=Interpretation.choices, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("room"), FieldPanel("language"), FieldPanel("interpretation")]),
        FieldPanel("chair"),
        FieldPanel("speakers"),
    ]

    class Meta(Orderable.Meta):
        ordering = ["date", "start_time", "sort_order"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self):
        return self.title


class FieldKind(models.TextChoices):
    TEXT = "text", _("A line of text")
    PARAGRAPH = "paragraph", _("A paragraph")
    CHOICE = "choice", _("One of the choices")
    CHECKBOX = "checkbox", _("A box to tick")


class RegistrationField(Orderable):
    """A question staff add to an event's registration form, beside name, affiliation, e-mail and country."""

    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="registration_fields")
    label = models.CharField(_("question"), max_length=250)
    kind = models.CharField(_("answer"), max_length=16, choices=FieldKind.choices, default=FieldKind.TEXT)
    choices = models.TextField(_("choices"), blank=True, help_text=_("One choice a line (for “One of the choices”)."))
    required = models.BooleanField(_("required"), default=False)
    help_text = models.CharField(_("help text"), max_length=250, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("label"), FieldPanel("kind"), FieldPanel("required")]),
        FieldPanel("choices"),
        FieldPanel("help_text"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("registration question")

    @property
    def choice_lines(self):
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Registered")
    WAITING = "waiting", _("On the waiting list")


class Registration(models.Model):
    """A visitor's registration for an event: personal data, read by staff with the permission to, and deleted
    `registration_retention_days` after the event (delete_expired_registrations)."""

    event = models.ForeignKey(
        EventPage, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    status = models.CharField(_("status"), max_length=16, choices=RegistrationStatus.choices)
    name = models.CharField(_("name"), max_length=200)
    affiliation = models.CharField(_("affiliation"), max_length=250)
    email = models.EmailField(_("e-mail"))
    country = CountryField(_("country or region"))
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    language = models.CharField(_("language"), max_length=16)
    consent_given_at = models.DateTimeField(_("consent given"))
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    delete_after = models.DateField(_("deleted after"))
    confirmation_sent_at = models.DateTimeField(_("confirmation sent"), null=True, blank=True)
    confirmation_attempts = models.PositiveSmallIntegerField(_("sending attempts"), default=0)
    confirmation_error = models.CharField(_("sending error"), max_length=500, blank=True)

    # Who reads them (casted_site/staff/roles.py): Moderators; Editors, who build pages, do not.
    role_actions = {MODERATORS: ["view", "change", "delete"]}

    class Meta:
        ordering = ["event", "created_at"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [models.UniqueConstraint(fields=["event", "email"], name="one_registration_per_address")]

    def __str__(self):
        return f"{self.name} ({self.event})"

    @property
    def answers_shown(self):
        """The answers to staff's questions as one cell: "Question: answer; …"."""
        return "; ".join(f"{question}: {answer}" for question, answer in self.answers.items())


class CalendarVersion(models.Model):
    """An event's SEQUENCE in calendar files (RFC 5545: a calendar program takes a change only when it rises),
    raised on publish when what a calendar shows changed. Kept beside the page, not on it: publishing an older
    revision must not lower it."""

    event = models.OneToOneField(EventPage, on_delete=models.CASCADE, related_name="calendar_version")
    sequence = models.PositiveIntegerField(default=0)
    fingerprint = models.CharField(max_length=64)

    def __str__(self):
        return f"{self.event} #{self.sequence}"
