"""Publications: the reports, papers, books and briefs that CASTED's international work produced, each a citable
record (casted_site's citations: "Cite this", BibTeX, RIS, Highwire tags), linked to the projects it came from, the
events it reports on and the partners that co-published it, whose pages list it (ListedOnLinked)."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F
from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index

from casted_site.caching.page_cache import declare_query_params, linked_records
from casted_site.framework_fixes.view_restrictions import not_view_restricted, visible_pages
from casted_site.listings import ChoiceFacet, FilteredListing, RelatedFacet, ValueFacet
from casted_site.navigation.seo import absolute_url, casted_organisation
from casted_site.pages.models import BilingualPreviewMixin, SectionFeedMixin, SectionIndexPage, SectionRecordPage
from casted_site.records.records_io import ManyBySlug
from casted_site.sections import HomeFigure, ListedOnLinked, RecordColumns
from casted_site.staff.file_content import require_pdf
from partners.models import PartnerPage
from projects.models import YEAR_VALIDATORS, ProjectPage
from publications import citations
from publications.identifiers import normal_doi, validate_doi, validate_isbn, validate_issn


class PublicationType(models.TextChoices):
    REPORT = "report", _("Report")
    WORKING_PAPER = "working-paper", _("Working paper")
    JOURNAL_ARTICLE = "journal-article", _("Journal article")
    BOOK = "book", _("Book")
    CHAPTER = "chapter", _("Book chapter")
    POLICY_BRIEF = "policy-brief", _("Policy brief")
    PROCEEDINGS = "proceedings", _("Conference proceedings")


class PublicationLanguage(models.TextChoices):
    CHINESE = "zh", _("Chinese")
    ENGLISH = "en", _("English")
    BOTH = "zh-en", _("Chinese and English")


class PublicationIndexPage(SectionFeedMixin, SectionIndexPage):
    subpage_types = ["publications.PublicationPage"]
    empty_state = _(
        "The reports, working papers, articles, books and policy briefs of CASTED's international cooperation "
        "will appear here, each with its citation and, where it may be shared, its PDF."
    )

    class Meta:
        verbose_name = _("publication index page")

    def records(self):
        return (
            PublicationPage.objects.child_of(self)
            .live()
            .filter(not_view_restricted())
            .defer_streamfields()
            .order_by(F("year").desc(nulls_last=True), F("date").desc(nulls_last=True), "sort_title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        facets = [
            ChoiceFacet("type", _("Type"), "publication_type", PublicationType.choices),
            ValueFacet(
                "year",
                _("Year"),
                lambda qs: (
                    ([year], n) for year, n in qs.filter(year__isnull=False).values_list("year").annotate(n=Count("pk"))
                ),
                apply=lambda qs, year: qs.filter(year=int(year)),
            ),
            ChoiceFacet("language", _("Language"), "language", PublicationLanguage.choices),
            RelatedFacet(
                "project",
                _("Project"),
                "projects",
                ProjectPage.objects.live()
                .filter(not_view_restricted(), publications__isnull=False)
                .distinct()
                .order_by("sort_title"),
                "publications",
                max_options=15,
            ),
            RelatedFacet(
                "partner",
                _("Partner"),
                "partners",
                PartnerPage.objects.live()
                .filter(not_view_restricted(), publications__isnull=False)
                .distinct()
                .order_by("sort_title"),
                "publications",
                max_options=15,
            ),
        ]
        context["listing"] = FilteredListing(
            request, self.records, facets, self.pk, "includes/cards/publication.html"
        ).listing()
        return context


class PublicationPage(RoutablePageMixin, SectionRecordPage):
    """A report, working paper, journal article, book or chapter, policy brief or proceedings."""

    section_key = "publications"
    section_label = _("Publications")
    home_figures = [HomeFigure("publications", pgettext_lazy("home figure", "publications"))]
    listed_on_linked = ListedOnLinked(
        _("Publications"),
        {"projects": "project", "partners": "partner", "events": None},
        (F("year").desc(nulls_last=True), "sort_title"),
        "publications/linked_item.html",
    )
    page_files = ("cite.bib", "cite.ris")
    record_columns = RecordColumns(
        translated=["title", "summary", "abstract", "authors", "container_title", "publisher", "place"],
        plain={
            "publication_type": "text",
            "year": "int",
            "date": "date",
            "language": "text",
            "volume": "text",
            "issue": "text",
            "pages": "text",
            "doi": "text",
            "isbn": "text",
            "issn": "text",
            "external_url": "text",
        },
        links={
            "projects": ManyBySlug("projects", "slug_en"),
            "events": ManyBySlug("events", "slug_en"),
            "partners": ManyBySlug("partners", "slug_en"),
        },
    )

    # RoutablePageMixin's own serve_preview would skip the language of the preview.
    serve_preview = BilingualPreviewMixin.serve_preview

    publication_type = models.CharField(
        _("type"), max_length=20, choices=PublicationType.choices, default=PublicationType.REPORT, db_index=True
    )
    abstract = models.TextField(_("abstract"), blank=True)
    authors = models.TextField(
        _("authors"),
        blank=True,
        help_text=_(
            "One per line, as the publication prints them. Write a person's name in Latin letters as "
            "“Family, Given” (Smith, John); Chinese names and organisations as written (王小明, OECD). Fill in "
            "the Chinese field only where the Chinese names differ."
        ),
    )
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True, db_index=True, validators=YEAR_VALIDATORS)
    date = models.DateField(_("date"), null=True, blank=True, help_text=_("The day of publication, where known."))
    language = models.CharField(
        _("language of the publication"),
        max_length=8,
        choices=PublicationLanguage.choices,
        default=PublicationLanguage.ENGLISH,
        help_text=_("The language it is written in: it is cited in that language."),
    )
    container_title = models.CharField(
        _("journal or book"),
        max_length=300,
        blank=True,
        help_text=_("The journal an article appeared in, the book a chapter is part of, or the proceedings."),
    )
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    place = models.CharField(_("place of publication"), max_length=120, blank=True)
    volume = models.CharField(_("volume"), max_length=20, blank=True)
    issue = models.CharField(_("issue"), max_length=20, blank=True)
    pages = models.CharField(_("pages"), max_length=30, blank=True, help_text=_("For example 15-32."))
    doi = models.CharField(
        _("DOI"),
        max_length=200,
        blank=True,
        validators=[validate_doi],
        help_text=_("For example 10.1787/9789264239012-en."),
    )
    isbn = models.CharField(_("ISBN"), max_length=20, blank=True, validators=[validate_isbn])
    issn = models.CharField(_("ISSN"), max_length=9, blank=True, validators=[validate_issn])
    pdf = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("PDF"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The full text, where it may be shared."),
    )
    external_url = models.URLField(
        _("external link"), max_length=500, blank=True, help_text=_("Where else it can be read.")
    )
    projects = ParentalManyToManyField(
        "projects.ProjectPage", verbose_name=_("projects it came from"), blank=True, related_name="publications"
    )
    events = ParentalManyToManyField(
        "events.EventPage", verbose_name=_("events it reports on"), blank=True, related_name="publications"
    )
    partners = ParentalManyToManyField(
        "partners.PartnerPage", verbose_name=_("co-publishing partners"), blank=True, related_name="publications"
    )

    content_panels = [
        *SectionRecordPage.content_panels,
        FieldPanel("abstract", widget=forms.Textarea(attrs={"rows": 8})),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("publication_type"), FieldPanel("language")]),
                FieldPanel("authors", widget=forms.Textarea(attrs={"rows": 4})),
                FieldRowPanel([FieldPanel("year"), FieldPanel("date")]),
                FieldPanel("container_title"),
                FieldRowPanel([FieldPanel("volume"), FieldPanel("issue"), FieldPanel("pages")]),
                FieldRowPanel([FieldPanel("publisher"), FieldPanel("place")]),
                FieldRowPanel([FieldPanel("doi"), FieldPanel("isbn"), FieldPanel("issn")]),
            ],
            heading=_("Bibliographic details"),
            help_text=_("Leave empty what the publication does not give: the page and its citation leave it out."),
        ),
        FieldPanel("pdf"),
        FieldPanel("external_url"),
        MultiFieldPanel(
            [FieldPanel("projects"), FieldPanel("events"), FieldPanel("partners")],
            heading=_("Where it came from"),
            help_text=_("Their pages list this publication."),
        ),
    ]
    search_fields = [*SectionRecordPage.search_fields, index.SearchField("abstract"), index.SearchField("authors")]
    chinese_search_source_fields = ("title", "summary", "abstract", "authors")
    parent_page_types = ["publications.PublicationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    def clean(self):
        super().clean()
        self.doi = normal_doi(self.doi)
        if self.date and self.year and self.date.year != self.year:
            raise ValidationError({"date": _("The date is in another year than the publication's year.")})
        if self.date and not self.year:
            self.year = self.date.year
        if self.pdf:
            require_pdf(self.pdf, "pdf", _("The full text must be a PDF document."))

    @property
    def author_list(self):
        """The authors as this page's language writes them (the English ones where the Chinese do not differ)."""
        return citations.author_names(self, translation.get_language() or "en")

    @property
    def published_in(self):
        """ "Journal 12(3): 15-32" as the facts show it."""
        text = self.container_title
        if self.volume:
            text += f" {self.volume}"
        if self.issue:
            text += f"({self.issue})"
        if self.pages:
            text += f": {self.pages}"
        return text.strip()

    def pdf_url(self, request):
        return request.build_absolute_uri(self.pdf.url) if self.pdf else None

    def structured_data(self, request):
        schema_type = {
            "journal-article": "ScholarlyArticle",
            "proceedings": "ScholarlyArticle",
            "book": "Book",
            "chapter": "Chapter",
        }.get(self.publication_type, "Report")
        data = {"@type": schema_type, "name": self.title, "url": absolute_url(self, request)}
        authors = [citations.csl_name(name) for name in self.author_list]
        if authors:
            data["author"] = [
                {"@type": "Person", "name": f"{name['given']} {name['family']}"}
                if "family" in name
                else name["literal"]
                for name in authors
            ]
        if self.year:
            data["datePublished"] = self.date.isoformat() if self.date else str(self.year)
        if self.abstract or self.summary:
            data["abstract" if self.abstract else "description"] = self.abstract or self.summary
        data["inLanguage"] = {"zh": "zh-Hans", "en": "en"}.get(self.language, ["zh-Hans", "en"])
        if self.publisher:
            data["publisher"] = {"@type": "Organization", "name": self.publisher}
        else:
            data["publisher"] = casted_organisation(request)
        if self.container_title:
            container_type = "Periodical" if self.publication_type == "journal-article" else "Book"
            data["isPartOf"] = {"@type": container_type, "name": self.container_title}
            if self.issn:
                data["isPartOf"]["issn"] = self.issn
        if self.doi:
            data["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": self.doi}
            data["sameAs"] = f"https://doi.org/{self.doi}"
        if self.isbn:
            data["isbn"] = self.isbn
        if self.pdf:
            data["encoding"] = {
                "@type": "MediaObject",
                "contentUrl": self.pdf_url(request),
                "encodingFormat": "application/pdf",
            }
        return data

    def get_context(self, request, *args, **kwargs):
        language = translation.get_language() or "en"

        def build():
            url, pdf_url = absolute_url(self, request), self.pdf_url(request)
            return {
                "projects": list(visible_pages(self.projects).order_by("sort_title")),
                "events": list(visible_pages(self.events).order_by("sort_title")),
                "partners": list(visible_pages(self.partners).order_by("sort_title")),
                "citations": citations.citations(self, language, pdf_url),
                "highwire_tags": citations.highwire_tags(self, language, url, pdf_url),
            }

        context = super().get_context(request, *args, **kwargs)
        context.update(linked_records(self, request, build))
        return context

    def citation_file(self, request, text, content_type, extension):
        declare_query_params(request)
        response = HttpResponse(text, content_type=f"{content_type}; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.{extension}"'
        return response

    @path("cite.bib/")
    def cite_bib(self, request):
        language = translation.get_language() or "en"
        text = citations.bibtex(self, language, absolute_url(self, request), self.pdf_url(request))
        return self.citation_file(request, text, "application/x-bibtex", "bib")

    @path("cite.ris/")
    def cite_ris(self, request):
        language = translation.get_language() or "en"
        text = citations.ris(self, language, absolute_url(self, request), self.pdf_url(request))
        return self.citation_file(request, text, "application/x-research-info-systems", "ris")
