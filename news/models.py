"""News: what CASTED's international work did lately (a delegation's visit, an MOU signed, a forum held), each item
linked to the partners, projects, MOUs and events it concerns, whose pages list it (ListedOnLinked)."""

from django.db import models
from django.db.models import Count
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from casted_site.caching.page_cache import linked_records
from casted_site.framework_fixes.view_restrictions import not_view_restricted, visible_pages
from casted_site.institution.identity import share_images
from casted_site.listings import ChoiceFacet, FilteredListing, RelatedFacet, ValueFacet, render_cards
from casted_site.navigation.seo import absolute_url, casted_organisation
from casted_site.pages.blocks import BodyBlock
from casted_site.pages.models import SectionFeedMixin, SectionIndexPage, SectionRecordPage
from casted_site.records.records_io import ManyBySlug
from casted_site.sections import HomeBlock, ListedOnLinked, RecordColumns, section_listing
from partners.models import PartnerPage

HOME_NEWS = 3


class NewsKind(models.TextChoices):
    NEWS = "news", pgettext_lazy("news kind", "News")
    ANNOUNCEMENT = "announcement", _("Announcement")
    DELEGATION_VISIT = "delegation-visit", _("Delegation visit")
    SIGNING = "signing", _("Signing")
    EVENT_REPORT = "event-report", _("Event report")


class NewsIndexPage(SectionFeedMixin, SectionIndexPage):
    subpage_types = ["news.NewsPage"]
    empty_state = _(
        "News of CASTED's international cooperation will appear here: delegation visits, memoranda signed, "
        "announcements, and reports of the conferences and forums it holds."
    )

    class Meta:
        verbose_name = _("news index page")

    def records(self):
        return (
            NewsPage.objects.child_of(self)
            .live()
            .filter(not_view_restricted())
            .defer_streamfields()
            .select_related("lead_image")
            .prefetch_related("lead_image__renditions")
            .order_by("-date", "sort_title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        facets = [
            ChoiceFacet("kind", _("Kind"), "kind", NewsKind.choices),
            ValueFacet(
                "year",
                _("Year"),
                lambda qs: (([year], n) for year, n in qs.values_list("date__year").annotate(n=Count("pk"))),
                apply=lambda qs, year: qs.filter(date__year=int(year)),
            ),
            RelatedFacet(
                "partner",
                _("Partner"),
                "partners",
                PartnerPage.objects.live()
                .filter(not_view_restricted(), news__isnull=False)
                .distinct()
                .order_by("sort_title"),
                "news",
                max_options=15,
            ),
        ]
        context["listing"] = FilteredListing(
            request, self.records, facets, self.pk, "includes/cards/news.html"
        ).listing()
        return context


def latest_news_on_home(live, count, request, sections):
    if not count:
        return ""
    latest = live.select_related("lead_image").prefetch_related("lead_image__renditions").order_by("-date", "-pk")
    context = {
        "cards": render_cards(latest[:HOME_NEWS], "includes/cards/news.html", request),
        "count": count,
        "index": section_listing(NewsPage, sections),
    }
    return render_to_string("news/home_block.html", context)


class NewsPage(SectionRecordPage):
    """A news item: an announcement, a delegation's visit, a signing or a report of an event."""

    section_key = "news"
    section_label = _("News")
    home_block = HomeBlock(latest_news_on_home)
    listed_on_linked = ListedOnLinked(
        _("News"),
        {"partners": "partner", "projects": None, "mous": None, "events": None},
        ("-date", "sort_title"),
        "news/linked_item.html",
    )
    dated_by = "date"
    record_columns = RecordColumns(
        translated=["title", "summary"],
        plain={"date": "date", "kind": "text"},
        links={
            "partners": ManyBySlug("partners", "slug_en"),
            "projects": ManyBySlug("projects", "slug_en"),
            "mous": ManyBySlug("mous", "slug_en"),
            "events": ManyBySlug("events", "slug_en"),
        },
    )

    date = models.DateField(_("date"), default=timezone.localdate, db_index=True)
    kind = models.CharField(_("kind"), max_length=20, choices=NewsKind.choices, default=NewsKind.NEWS, db_index=True)
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top of the item and when it is shared. Its description is its alternative text."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    partners = ParentalManyToManyField(
        "partners.PartnerPage", verbose_name=_("partners"), blank=True, related_name="news"
    )
    projects = ParentalManyToManyField(
        "projects.ProjectPage", verbose_name=_("projects"), blank=True, related_name="news"
    )
    mous = ParentalManyToManyField(
        "partners.MouPage", verbose_name=_("memoranda of understanding"), blank=True, related_name="news"
    )
    events = ParentalManyToManyField("events.EventPage", verbose_name=_("events"), blank=True, related_name="news")

    content_panels = [
        *SectionRecordPage.content_panels,
        FieldRowPanel([FieldPanel("date"), FieldPanel("kind")]),
        FieldPanel("lead_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("partners"), FieldPanel("projects"), FieldPanel("mous"), FieldPanel("events")],
            heading=_("What it concerns"),
            help_text=_("Their pages list this item."),
        ),
    ]
    search_fields = [*SectionRecordPage.search_fields, index.SearchField("body")]
    chinese_search_source_fields = ("title", "summary", "body")
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    @property
    def share_image(self):
        """A shared news item shows its lead image (casted_site.institution.identity.share_images)."""
        return self.lead_image

    def structured_data(self, request):
        data = {
            "@type": "NewsArticle",
            "headline": self.title,
            "url": absolute_url(self, request),
            "datePublished": self.date.isoformat(),
            "publisher": casted_organisation(request),
        }
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        if self.summary:
            data["description"] = self.summary
        if self.lead_image:
            data["image"] = list(share_images(self, request))
        return data

    def get_context(self, request, *args, **kwargs):
        def build():
            return {
                field: list(visible_pages(getattr(self, field)).order_by("sort_title"))
                for field in ("partners", "projects", "mous", "events")
            }

        context = super().get_context(request, *args, **kwargs)
        context.update(linked_records(self, request, build))
        return context
