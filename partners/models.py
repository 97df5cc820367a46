import datetime

from django_countries import countries
from django_countries.fields import CountryField

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from casted_site.caching.page_cache import linked_records
from casted_site.framework_fixes.view_restrictions import not_view_restricted
from casted_site.listings import ChoiceFacet, Facet, FilteredListing
from casted_site.navigation.seo import absolute_url, organisation
from casted_site.pages.collation import sort_key
from casted_site.pages.models import SectionIndexPage, SectionRecordPage
from casted_site.sections import HomeBlock, HomeFigure, RecordColumns, section_listing
from casted_site.staff.file_content import require_pdf
from partners.records import OnePartner

# The home page links every partner while they are few; at most this many, and a link to them all, when many.
HOME_PARTNERS = 40


class PartnerRole(models.TextChoices):
    """A partner's role in a project or an event."""

    PARTNER = "partner", _("Partner")
    SPONSOR = "sponsor", _("Funder or sponsor")
    CO_ORGANISER = "co-organiser", _("Co-organiser")
    PARTICIPANT = "participant", _("Participant")


class PartnerKind(models.TextChoices):
    INTERNATIONAL_ORGANISATION = "international-organisation", _("International organisation")
    RESEARCH_INSTITUTE = "research-institute", _("Research institute")
    UNIVERSITY = "university", _("University")
    FUNDING_AGENCY = "funding-agency", _("Funding agency")
    GOVERNMENT_BODY = "government-body", _("Government body")


class Relationship(models.TextChoices):
    MOU = "mou", _("MOU partner")
    STABLE = "stable", _("Stable partnership")
    PROJECT = "project", _("Project partner")


class RelationshipFacet(Facet):
    """MOU and project partners are derived from the MOUs and projects; a stable partnership is stated."""

    def __init__(self):
        super().__init__("relationship", _("Relationship"))
        self.choices = Relationship.choices

    def conditions(self):
        live_mous = MouPage.objects.live().filter(partner=OuterRef("pk"))
        # The projects are above this app: reached through their link's related name, never imported.
        with_live_projects = PartnerPage.objects.filter(project_links__project__live=True).values("pk")
        return {
            Relationship.MOU: Exists(live_mous),
            Relationship.STABLE: Q(stable_partnership=True),
            Relationship.PROJECT: Q(joint_research=True) | Q(pk__in=with_live_projects),
        }

    def option_counts(self, queryset):
        conditions = self.conditions()
        counts = queryset.order_by().aggregate(
            **{value: models.Count("pk", filter=condition) for value, condition in conditions.items()}
        )
        return [(value, label, counts[value]) for value, label in Relationship.choices]

    def apply(self, queryset, value):
        return queryset.filter(self.conditions()[value])


class CountryFacet(Facet):
    max_options = 15

    def __init__(self):
        super().__init__("country", _("Country"))

    def option_counts(self, queryset):
        counts = dict(queryset.order_by().exclude(country="").values_list("country").annotate(n=models.Count("pk")))
        options = [(code, countries.name(code), n) for code, n in counts.items()]
        return sorted(options, key=lambda option: sort_key(option[1]))

    def apply(self, queryset, value):
        return queryset.filter(country=value)


class PartnerIndexPage(SectionIndexPage):
    subpage_types = ["partners.PartnerPage"]

    class Meta:
        verbose_name = _("partner index page")

    def records(self):
        # The cards show each logo: its rendition read with the partners, not one query a card.
        return (
            PartnerPage.objects.child_of(self)
            .live()
            .filter(not_view_restricted())
            .order_by("sort_title")
            .select_related("logo")
            .prefetch_related("logo__renditions")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        facets = [
            ChoiceFacet("kind", _("Kind"), "kind", PartnerKind.choices),
            CountryFacet(),
            RelationshipFacet(),
        ]
        context["listing"] = FilteredListing(
            request, self.records, facets, self.pk, "includes/cards/partner.html", per_page=24
        ).listing()
        return context


def partner_countries(live):
    """Countries other than China, CASTED's own (where MOST, a partner ministry, is)."""
    return live.exclude(country__in=["", "CN"]).values("country").distinct().count()


def partners_on_home(live, count, request, sections):
    partners = list(live.order_by("sort_title")[:HOME_PARTNERS])
    index = section_listing(PartnerPage, sections)
    context = {"partners": partners, "partner_count": count, "partners_shown": len(partners), "partner_index": index}
    return render_to_string("partners/home_block.html", {**context, "request": request})


class PartnerPage(SectionRecordPage):
    """A partner institute or organisation. Its projects, MOUs and events are found from their side."""

    section_key = "partners"
    section_label = _("Partners")
    home_figures = [
        HomeFigure("partners", pgettext_lazy("home figure", "partner institutes and organisations")),
        HomeFigure("countries", pgettext_lazy("home figure", "partner countries"), count=partner_countries),
    ]
    home_block = HomeBlock(partners_on_home)
    record_columns = RecordColumns(
        translated=["title", "acronym", "summary", "city", "description"],
        plain={
            "kind": "text",
            "country": "text",
            "website": "text",
            "stable_partnership": "bool",
            "joint_research": "bool",
        },
    )

    acronym = models.CharField(
        _("acronym"),
        max_length=32,
        blank=True,
        help_text=_(
            "For example OECD or NISTEP. In Chinese, the standard Chinese short name (经合组织 for OECD); "
            "leave it empty where Chinese text keeps the Latin acronym (NISTEP)."
        ),
    )
    kind = models.CharField(_("kind"), max_length=32, choices=PartnerKind.choices, db_index=True)
    country = CountryField(
        _("country"), blank=True, help_text=_("Leave empty for an international organisation without one country.")
    )
    city = models.CharField(_("city or seat"), max_length=120, blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = RichTextField(_("description"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    stable_partnership = models.BooleanField(
        _("stable partnership"),
        default=False,
        help_text=_("A stable long-term partnership, with or without an MOU."),
    )
    joint_research = models.BooleanField(
        _("cooperative research partner"),
        default=False,
        help_text=_(
            "CASTED has applied for or carried out international cooperation projects with this partner, "
            "whether or not a project page names it."
        ),
    )

    content_panels = [
        *SectionRecordPage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("acronym"),
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("country"), FieldPanel("city")]),
                FieldPanel("website"),
                FieldPanel("logo"),
            ],
            heading=_("Identity"),
        ),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("stable_partnership"), FieldPanel("joint_research")],
            heading=_("Relationship with CASTED"),
            help_text=_("MOUs, projects and events linked to this partner are listed on its page automatically."),
        ),
    ]
    search_fields = [
        *SectionRecordPage.search_fields,
        index.SearchField("acronym"),
        index.SearchField("description"),
    ]
    autocomplete_source_fields = ("acronym",)
    chinese_search_source_fields = ("title", "acronym", "summary", "city", "description")
    parent_page_types = ["partners.PartnerIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return self.title

    @property
    def logo_alt_text(self):
        """What a logo says where its image has no description of its own: whose logo it is."""
        return _("%(name)s logo") % {"name": self.title}

    @property
    def share_image(self):
        """A shared partner page shows its logo (casted_site.institution.identity.share_images)."""
        return self.logo

    @property
    def short_name(self):
        """The acronym in the active language (in Chinese, the Chinese short name, else the Latin acronym), or
        nothing where it is the name itself (联合国教科文组织 is UNESCO's Chinese name and short name alike)."""
        return self.acronym if self.acronym != self.title else ""

    def structured_data(self, request):
        data = organisation(self.title, self.website or absolute_url(self, request), self.acronym)
        if self.country:
            data["address"] = {"@type": "PostalAddress", "addressCountry": self.country.code}
        return data

    def relationships(self, has_mous, has_projects):
        labels = []
        if has_mous:
            labels.append(Relationship.MOU.label)
        if self.stable_partnership:
            labels.append(Relationship.STABLE.label)
        if has_projects or self.joint_research:
            labels.append(Relationship.PROJECT.label)
        return labels

    def get_context(self, request, *args, **kwargs):
        # Projects and events are above this app: reached through their links' related names (project_links,
        # event_links), never imported.
        def build():
            event_links = (
                self.event_links.filter(not_view_restricted("event__"), event__live=True)
                .select_related("event")
                .order_by("event__sort_title")
            )
            return {
                "project_links": list(
                    self.project_links.filter(not_view_restricted("project__"), project__live=True)
                    .select_related("project")
                    .order_by("project__sort_title")
                ),
                "mous": list(self.mous.live().filter(not_view_restricted()).order_by("-date_signed", "sort_title")),
                "events": [link.event for link in event_links],  # one link per event and partner
            }

        context = super().get_context(request, *args, **kwargs)
        context.update(linked_records(self, request, build))
        context["relationships"] = self.relationships(bool(context["mous"]), bool(context["project_links"]))
        return context


def visible_partner_links(links):
    """The links (project or event partners) whose partner page a visitor may see: live and not restricted.
    One query for a saved page's links, however many; a preview's links, held in memory, take a second."""
    links = links.select_related("partner")
    if isinstance(links, models.QuerySet):
        return list(links.filter(not_view_restricted("partner__"), partner__live=True))
    visible_partners = PartnerPage.objects.live().filter(not_view_restricted())
    links = list(links)
    visible = set(visible_partners.filter(pk__in=[link.partner_id for link in links]).values_list("pk", flat=True))
    return [link for link in links if link.partner_id in visible]


class MouStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    EXPIRED = "expired", _("Expired")
    RENEWED = "renewed", _("Renewed")


# An MOU's status as visitors see it: where its expiry date is recorded, the dates decide (a "renewed" is staff's
# word and stays); else what staff recorded. Staff are told of those expiring within this many days.
EXPIRY_NOTICE_DAYS = 90
EXPIRING = "expiring"
CURRENT_STATUS_CHOICES = [
    (MouStatus.ACTIVE.value, MouStatus.ACTIVE.label),
    (EXPIRING, _("Expiring soon")),
    (MouStatus.EXPIRED.value, MouStatus.EXPIRED.label),
    (MouStatus.RENEWED.value, MouStatus.RENEWED.label),
]


def status_on(day, status, expiry_date):
    """The status on that day (the rule current_status_expression gives the database)."""
    if status == MouStatus.RENEWED or expiry_date is None:
        return status
    if expiry_date < day:
        return MouStatus.EXPIRED.value
    if expiry_date <= day + datetime.timedelta(days=EXPIRY_NOTICE_DAYS):
        return EXPIRING
    return MouStatus.ACTIVE.value


def current_status_expression(day):
    """status_on, for a listing's filter and counts."""
    soon = day + datetime.timedelta(days=EXPIRY_NOTICE_DAYS)
    return models.Case(
        models.When(Q(status=MouStatus.RENEWED) | Q(expiry_date__isnull=True), then=models.F("status")),
        models.When(expiry_date__lt=day, then=models.Value(MouStatus.EXPIRED.value)),
        models.When(expiry_date__lte=soon, then=models.Value(EXPIRING)),
        default=models.Value(MouStatus.ACTIVE.value),
        output_field=models.CharField(),
    )


def mous_needing_attention(day):
    """(expiring within the notice period, shown as active by staff though past their expiry date), of live MOUs."""
    mous = MouPage.objects.live().exclude(status=MouStatus.RENEWED).order_by("expiry_date", "sort_title")
    soon = day + datetime.timedelta(days=EXPIRY_NOTICE_DAYS)
    expiring = list(mous.filter(expiry_date__gte=day, expiry_date__lte=soon))
    past_expiry = list(mous.filter(status=MouStatus.ACTIVE, expiry_date__lt=day))
    return expiring, past_expiry


class MouIndexPage(SectionIndexPage):
    subpage_types = ["partners.MouPage"]

    class Meta:
        verbose_name = _("MOU index page")

    def records(self):
        return (
            MouPage.objects.child_of(self)
            .live()
            .filter(not_view_restricted())
            .select_related("partner")
            # A card names the partner only if a visitor may see its page.
            .annotate(
                partner_visible=models.Case(
                    models.When(models.Q(partner__live=True) & not_view_restricted("partner__"), then=True),
                    default=False,
                    output_field=models.BooleanField(),
                )
            )
            .annotate(status_now=current_status_expression(timezone.localdate()))
            .order_by("partner__sort_title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        facets = [ChoiceFacet("status", _("Status"), "status_now", CURRENT_STATUS_CHOICES)]
        context["listing"] = FilteredListing(
            request, self.records, facets, self.pk, "includes/cards/mou.html", per_page=24
        ).listing()
        return context


class MouPage(SectionRecordPage):
    """A memorandum of understanding between CASTED and one partner."""

    section_key = "mous"
    section_label = _("MOUs")
    home_figures = [HomeFigure("mous", pgettext_lazy("home figure", "memoranda of understanding"))]
    record_columns = RecordColumns(
        translated=["title", "summary", "term", "scope"],
        plain={"date_signed": "date", "expiry_date": "date", "status": "text"},
        links={"partner": OnePartner("partner")},
    )

    partner = models.ForeignKey(
        "partners.PartnerPage",
        verbose_name=_("partner"),
        # Required in the editor; if the partner page is deleted the MOU stays, saying its partner is not recorded.
        null=True,
        on_delete=models.SET_NULL,
        related_name="mous",
        help_text=_("The institute or organisation CASTED signed this memorandum with."),
    )
    date_signed = models.DateField(_("date signed"), null=True, blank=True)
    expiry_date = models.DateField(_("expiry date"), null=True, blank=True)
    term = models.CharField(_("term"), max_length=120, blank=True, help_text=_("For example 'five years'."))
    status = models.CharField(_("status"), max_length=16, choices=MouStatus.choices, blank=True, db_index=True)
    scope = RichTextField(_("scope"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("signed document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The signed memorandum as a PDF, offered for download on the page."),
    )

    content_panels = [
        *SectionRecordPage.content_panels,
        FieldPanel("partner"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("date_signed"), FieldPanel("expiry_date")]),
                FieldRowPanel([FieldPanel("term"), FieldPanel("status")]),
            ],
            heading=_("Dates and status"),
            help_text=_(
                "Leave empty what is not known. Where the expiry date is recorded, the dates give the status "
                "visitors see (expiring soon in its last 90 days, expired after it); Renewed stays as set."
            ),
        ),
        FieldPanel("scope"),
        FieldPanel("document"),
    ]
    search_fields = [*SectionRecordPage.search_fields, index.SearchField("scope")]
    chinese_search_source_fields = ("title", "summary", "scope")
    parent_page_types = ["partners.MouIndexPage"]
    subpage_types = []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            linked_records(self, request, lambda: {"partner": self.visible_partner, "document": self.document})
        )
        return context

    @property
    def current_status(self):
        return status_on(timezone.localdate(), self.status, self.expiry_date)

    @property
    def current_status_label(self):
        return dict(CURRENT_STATUS_CHOICES).get(self.current_status, "")

    @property
    def visible_partner(self):
        """The partner, if a visitor may see its page: live and not restricted (else the MOU names no partner)."""
        if self.partner_id is None:
            return None
        return PartnerPage.objects.live().filter(not_view_restricted(), pk=self.partner_id).first()

    def clean(self):
        super().clean()
        if self.document:
            require_pdf(self.document, "document", _("The signed memorandum must be a PDF document."))

    class Meta:
        verbose_name = _("memorandum of understanding")
        verbose_name_plural = _("memoranda of understanding")
