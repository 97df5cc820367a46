from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from casted_site.caching.page_cache import linked_records
from casted_site.framework_fixes.choice_labels import ChoiceLabelsMixin
from casted_site.framework_fixes.view_restrictions import not_view_restricted
from casted_site.listings import ChoiceFacet, FilteredListing, RelatedFacet, ValueFacet, render_cards
from casted_site.navigation.seo import absolute_url, casted_organisation, organisation
from casted_site.pages.blocks import BodyBlock, DocumentBlock
from casted_site.pages.models import SectionFeedMixin, SectionIndexPage, SectionRecordPage
from casted_site.records.records_io import ManyBySlug
from casted_site.sections import HomeBlock, HomeFigure, RecordColumns, section_listing
from partners.models import PartnerPage, PartnerRole, visible_partner_links
from partners.records import PartnerLinks

# A project's years: the listing offers every year a project ran, so a typo like 20025 must not get through.
YEAR_VALIDATORS = [MinValueValidator(1950), MaxValueValidator(2100)]


@register_snippet
class ResearchField(models.Model):
    """A field of CASTED's research, such as S&T policy; projects are tagged with them."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, help_text=_("Used in the listing's filter links."))
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("research field")
        verbose_name_plural = _("research fields")

    def __str__(self):
        return self.name


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=250)
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link"
        template = "blocks/link_block.html"
        description = _("A link to a result elsewhere that is not a publication, such as a data set.")
        preview_value = {
            "title": "OECD Science, Technology and Industry Working Papers",
            "url": "https://www.oecd.org/",
        }


class ProjectIndexPage(SectionFeedMixin, SectionIndexPage):
    subpage_types = ["projects.ProjectPage"]

    class Meta:
        verbose_name = _("project index page")

    def records(self):
        return (
            ProjectPage.objects.child_of(self)
            .live()
            .filter(not_view_restricted())
            .defer_streamfields()
            .prefetch_related("research_fields")
            .order_by(Coalesce("end_year", "start_year").desc(nulls_last=True), "sort_title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        facets = [
            RelatedFacet(
                "field",
                _("Research field"),
                "research_fields",
                ResearchField.objects.all(),
                "projects",
                label_field="name",
            ),
            ChoiceFacet("status", _("Status"), "status", ProjectStatus.choices),
            RelatedFacet(
                "partner",
                _("Partner"),
                "project_partners__partner",
                PartnerPage.objects.live()
                .filter(not_view_restricted(), project_links__isnull=False)
                .distinct()
                .order_by("sort_title"),
                "project_links__project",
                max_options=15,
            ),
            ValueFacet("year", _("Year"), project_years, apply=active_in_year),
        ]
        context["listing"] = FilteredListing(
            request, self.records, facets, self.pk, "includes/cards/project.html"
        ).listing()
        return context


def project_years(queryset):
    """The years the dated projects ran (from start to end, or to this year while they have none), and how many
    projects ran over each such span."""
    this_year = timezone.localdate().year
    spans = queryset.filter(start_year__isnull=False).values_list("start_year", "end_year").annotate(n=Count("pk"))
    for start, end, n in spans:
        yield range(start, (end or this_year) + 1), n


def active_in_year(queryset, year):
    year = int(year)
    still_running = models.Q(end_year__isnull=True) & models.Q(start_year__lte=timezone.localdate().year)
    return queryset.filter(start_year__lte=year).filter(models.Q(end_year__gte=year) | still_running)


def latest_projects_on_home(live, count, request, sections):
    cards = render_cards(live.order_by("-first_published_at")[:3], "includes/cards/project_short.html", request)
    context = {"cards": cards, "count": count, "index": section_listing(ProjectPage, sections)}
    return render_to_string("projects/home_block.html", context)


class ProjectPage(SectionRecordPage):
    """An international cooperative research project."""

    section_key = "projects"
    section_label = _("Projects")
    home_figures = [HomeFigure("projects", pgettext_lazy("home figure", "cooperative research projects"))]
    home_block = HomeBlock(latest_projects_on_home, column=True)
    record_columns = RecordColumns(
        translated=["title", "summary", "casted_role", "funding_programme"],
        plain={"status": "text", "start_year": "int", "end_year": "int"},
        links={"research_fields": ManyBySlug("research_fields"), "partners": PartnerLinks("project_partners")},
    )

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    research_fields = ParentalManyToManyField(
        ResearchField, verbose_name=_("research fields"), blank=True, related_name="projects"
    )
    status = models.CharField(_("status"), max_length=16, choices=ProjectStatus.choices, blank=True, db_index=True)
    start_year = models.PositiveSmallIntegerField(
        _("start year"), null=True, blank=True, db_index=True, validators=YEAR_VALIDATORS
    )
    end_year = models.PositiveSmallIntegerField(_("end year"), null=True, blank=True, validators=YEAR_VALIDATORS)
    casted_role = models.CharField(
        _("CASTED's role"), max_length=200, blank=True, help_text=_("For example 'lead institution' or 'partner'.")
    )
    funding_programme = models.CharField(
        _("funding programme"),
        max_length=200,
        blank=True,
        help_text=_("The programme that funded the project, such as the EU Sixth Framework Programme."),
    )
    outputs = StreamField(
        [("link", LinkBlock()), ("document", DocumentBlock())],
        blank=True,
        verbose_name=_("outputs"),
        help_text=_(
            "Results that are not publications, such as data sets or slides: links elsewhere or documents from the "
            "library. A report or a paper is a publication: add it under Publications and link it to this project."
        ),
    )

    content_panels = [
        *SectionRecordPage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
                FieldPanel("casted_role"),
                FieldPanel("funding_programme"),
                FieldPanel("research_fields", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Facts"),
            help_text=_("Leave empty what is not known: the page leaves it out."),
        ),
        InlinePanel("project_partners", heading=_("Partners"), label=_("Partner")),
        FieldPanel("body"),
        FieldPanel("outputs"),
    ]
    search_fields = [*SectionRecordPage.search_fields, index.SearchField("body"), index.SearchField("casted_role")]
    chinese_search_source_fields = ("title", "summary", "body", "funding_programme")
    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    @property
    def period(self):
        if self.start_year and self.end_year and self.start_year != self.end_year:
            return f"{self.start_year}–{self.end_year}"
        return str(self.start_year or self.end_year or "")

    @cached_property
    def partner_links(self):
        return visible_partner_links(self.project_partners)

    def structured_data(self, request):
        links = self.partner_links
        data = {
            "@type": "ResearchProject",
            "name": self.title,
            "url": absolute_url(self, request),
            "parentOrganization": casted_organisation(request),
        }
        if self.summary:
            data["description"] = self.summary
        funders = [
            organisation(link.partner.title, absolute_url(link.partner, request))
            for link in links
            if link.role == PartnerRole.SPONSOR
        ]
        members = [
            organisation(link.partner.title, absolute_url(link.partner, request))
            for link in links
            if link.role != PartnerRole.SPONSOR
        ]
        if funders:
            data["funder"] = funders
        if members:
            data["member"] = members
        return data

    def get_context(self, request, *args, **kwargs):
        def build():
            return {
                "partner_links": self.partner_links,
                "events": list(self.events.live().filter(not_view_restricted()).order_by("sort_title")),
                "research_fields": list(self.research_fields.all()),
            }

        context = super().get_context(request, *args, **kwargs)
        context.update(linked_records(self, request, build))
        return context


class ProjectPartner(ChoiceLabelsMixin, Orderable):
    """A partner of a project, with its role in it. The partner's page finds its projects through this."""

    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="project_partners")
    partner = models.ForeignKey(
        "partners.PartnerPage", verbose_name=_("partner"), on_delete=models.CASCADE, related_name="project_links"
    )
    role = models.CharField(_("role"), max_length=16, choices=PartnerRole.choices, default=PartnerRole.PARTNER)

    panels = [FieldPanel("partner"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("project partner")
        constraints = [models.UniqueConstraint(fields=["project", "partner"], name="unique_project_partner")]
