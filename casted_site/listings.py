"""Filtering, counting and paginating the record listings of the section index pages.

Each listing declares its facets: a GET parameter, the options a visitor can pick (with how many records each
would show, given the other filters), and how a picked option narrows the records. A value that is not one of
the options is ignored and reported, never an error. Every facet costs one query, whatever the number of records.
"""

import heapq
import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.template.loader import get_template
from django.utils import timezone, translation

from modeltranslation.utils import build_localized_fieldname

from casted_site.caching.page_cache import cached_content, declare_query_params, keep_out_of_page_cache

# What an option's value looks like (slugs, years, country codes), in any script.
SLUG_LIKE = re.compile(r"[\w-]{1,100}")


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool = False
    url: str = ""  # the listing with this option picked, or, when it is selected, without it


def listing_url(query, param, value=None, page=None):
    """The URL of the listing whose filters are query (a dict in the order the URL gives them; a filter not picked
    is None) with one of them set to value (or removed when value is None) and, unless a page is given, back on
    the first page. A filter query names keeps its place: one URL per combination of filters."""
    params = {**query, param: value, "page": None if page is None or str(page) == "1" else page}
    params = {key: filter_value for key, filter_value in params.items() if filter_value not in (None, "")}
    return "?" + urlencode(params) if params else "?"


@dataclass
class Facet:
    param: str
    label: str
    options: list = field(default_factory=list)

    # Facets whose values are fixed choices set this, so checking a picked value costs no query.
    choices = None
    # Facets with many possible values (partners, countries) show only this many, those with the most records,
    # so that the filters stay short at any size; a picked one always shows. hidden_options says how many did not.
    max_options = None
    hidden_options = 0

    def option_counts(self, queryset):
        """[(value, label, count)] for the records in queryset."""
        raise NotImplementedError

    def apply(self, queryset, value):
        raise NotImplementedError


class ChoiceFacet(Facet):
    """A field with fixed choices, such as a status or a kind."""

    def __init__(self, param, label, field_name, choices):
        super().__init__(param, label)
        self.field_name = field_name
        self.choices = choices

    def option_counts(self, queryset):
        counts = dict(queryset.order_by().values_list(self.field_name).annotate(n=Count("pk")))
        return [(value, label, counts.get(value, 0)) for value, label in self.choices]

    def apply(self, queryset, value):
        return queryset.filter(**{self.field_name: value})


class RelatedFacet(Facet):
    """A link to other records (snippets or pages), picked by their slug. One query: each related record's slug and
    label (label_field, in the active language or else English) with how many of the listed records link to it,
    read as plain values, so that thousands of related records cost no model instances."""

    def __init__(
        self, param, label, path, related_queryset, reverse_path, slug_field="slug", label_field="title", **options
    ):
        super().__init__(param, label)
        self.path = path
        self.related_queryset = related_queryset
        self.reverse_path = reverse_path  # from a related record back to the listed records
        self.slug_field = slug_field
        self.label_field = label_field
        self.max_options = options.get("max_options")

    def option_counts(self, queryset):
        label = build_localized_fieldname(self.label_field, translation.get_language() or settings.LANGUAGE_CODE)
        fallback = build_localized_fieldname(self.label_field, settings.LANGUAGE_CODE)
        listed = Q(**{f"{self.reverse_path}__in": queryset.values("pk")})
        labels = [label] if label == fallback else [label, fallback]
        related = self.related_queryset.values_list(self.slug_field, *labels).annotate(
            listing_count=Count(self.reverse_path, filter=listed, distinct=True)
        )
        return [(slug, next((text for text in texts if text), ""), count) for slug, *texts, count in related]

    def apply(self, queryset, value):
        return queryset.filter(**{f"{self.path}__{self.slug_field}": value}).distinct()


class ValueFacet(Facet):
    """Options computed in Python from grouped columns, such as the years of a date. values_of(queryset) gives,
    for each group of records that share their values, those values and how many records the group holds: the
    database groups the records, so the rows read do not grow with their number."""

    def __init__(self, param, label, values_of, apply, label_of=str, reverse=True):
        super().__init__(param, label)
        self.values_of = values_of
        self.apply_value = apply
        self.label_of = label_of
        self.reverse = reverse

    def option_counts(self, queryset):
        counts = Counter()
        for values, n in self.values_of(queryset.order_by()):
            for value in set(values):
                counts[value] += n
        return [(str(value), self.label_of(value), n) for value, n in sorted(counts.items(), reverse=self.reverse)]

    def apply(self, queryset, value):
        return self.apply_value(queryset, value)


@dataclass
class Listing:
    page: object
    filters: str  # the facets' HTML
    query: dict  # the valid filters, as links carry them (None for each filter not picked)
    ignored: list
    total: int

    @property
    def filtered(self):
        return any(value is not None for value in self.query.values())


class FilteredListing:
    """A section's listing as a request asks for it: the facets it picks applied to the records (a function that
    gives their queryset), every option counted, and a page of the records' cards (card_template, rendered).

    Counting the options and sorting the records read every listed record, and both change only when something is
    published or the day changes (what is upcoming, and the current year, depend on it). So for each combination of
    filters the counts, the filters' HTML, the records' ids in order and each page of cards are kept in the cache
    for the listing listing_id (its index page's id): the cost of a listing does not grow with its records. The
    queryset is built only when one of them is missing: building one costs more than reading them."""

    def __init__(self, request, records, facets, listing_id, card_template, per_page=12):
        self.request, self.records, self.facets = request, records, facets
        self.listing_id, self.card_template, self.per_page = listing_id, card_template, per_page
        self.valid, self.ignored = self.picked_values()
        self.chosen = [(facet, self.valid[facet.param]) for facet in facets if facet.param in self.valid]
        # Links carry the valid filters only, in the facets' order: one URL per combination of filters, whatever
        # else the request held (an ignored value, a tracking parameter). So the filters' HTML depends only on them.
        self.query = {facet.param: self.valid.get(facet.param) for facet in facets}

    def listing(self):
        filters = self.remembered("filters", self.chosen, self.render_filters)
        ids = self.remembered(
            "ids", self.chosen, lambda: list(dict.fromkeys(self.narrowed(self.chosen).values_list("pk", flat=True)))
        )
        page = paginate_records(
            self.records,
            ids,
            self.per_page,
            self.request.GET.get("page"),
            "listing",
            self.dimensions("records", self.chosen),
            prepare=lambda records: render_cards(records, self.card_template, self.request),
        )
        # The answer depends on the filters and the page, and on nothing else of the query; one that shows an
        # ignored value (a visitor can make up any number of them) is not kept.
        if self.ignored:
            keep_out_of_page_cache(self.request)
        else:
            declare_query_params(self.request, *(facet.param for facet in self.facets), "page")
        return Listing(page=page, filters=filters, query=self.query, ignored=self.ignored, total=len(ids))

    def picked_values(self):
        """{param: value} of the filters picked that their facet offers, and the others, to report as ignored."""
        valid, ignored = {}, []
        for facet in self.facets:
            raw = self.request.GET.get(facet.param, "").strip()
            if not raw:
                continue
            if self.offers(facet, raw):
                valid[facet.param] = raw
            else:
                ignored.append({"label": facet.label, "value": raw})
        return valid, ignored

    def dimensions(self, part, applied):
        filters = "&".join(f"{facet.param}={value}" for facet, value in applied)
        day, language = timezone.localdate(), translation.get_language()
        return {"listing": self.listing_id, "day": day, "language": language, "part": part, "filters": filters}

    def remembered(self, part, applied, build):
        return cached_content("listing", build, **self.dimensions(part, applied))

    def narrowed(self, applied):
        queryset = self.records()
        for facet, value in applied:
            queryset = facet.apply(queryset, value)
        return queryset

    def option_counts(self, facet, applied):
        # Labels as plain text (the key holds the language): a lazy translation costs a new class to unpickle.
        def build():
            return [(value, str(label), n) for value, label, n in facet.option_counts(self.narrowed(applied))]

        return self.remembered(facet.param, applied, build)

    def offers(self, facet, raw):
        """Whether the facet offers the value for the whole listing. A facet can have thousands of options: what
        it offers is kept per value, for values it offers (made-up values must not fill the cache)."""
        if facet.choices is not None:
            return raw in {str(value) for value, _label in facet.choices}
        if not SLUG_LIKE.fullmatch(raw):  # no option looks otherwise; and cache keys stay plain
            return False

        def build():
            return True if raw in {str(value) for value, _label, _n in self.option_counts(facet, [])} else None

        return bool(self.remembered(f"{facet.param}-offers-{raw}", [], build))

    def render_filters(self):
        for facet in self.facets:
            # Count each option as if picked on top of the other filters.
            applied = [(other, value) for other, value in self.chosen if other is not facet]
            selected = self.valid.get(facet.param)
            shown, facet.hidden_options = most_used(self.option_counts(facet, applied), facet.max_options, selected)
            facet.options = [
                Option(
                    str(value),
                    label,
                    count,
                    selected=selected == str(value),
                    url=listing_url(self.query, facet.param, None if selected == str(value) else str(value)),
                )
                for value, label, count in shown
            ]
            if not selected and not any(option.count for option in facet.options):
                facet.options = []  # a facet no record has a value for offers nothing to pick: left out
        if not any(facet.options for facet in self.facets):
            return ""  # nothing to filter by: no panel (the results take the width)
        context = {"facets": self.facets, "selected_count": len(self.valid)}
        return get_template("includes/listing_filters.html").render(context)


def paginate_records(records, ids, per_page, number, name, dimensions, prepare=list):
    """A page (as paginate gives it) of the records with these ids, in their order. The records (a function that
    gives their queryset) are read by id, passed through prepare, and kept in the cache as the value name with
    these dimensions and the page number until the next publish."""
    page = paginate(ids, per_page, number)
    shown = page.object_list
    build = lambda: prepare(in_order(records(), shown))  # noqa: E731
    page.object_list = cached_content(name, build, **dimensions, page_number=page.number)
    return page


@dataclass
class Card:
    """A record's card, rendered, and the heading of the group it is listed in, if its section groups its
    listing (a record's listing_heading: the events' upcoming, past and undated)."""

    html: str
    group: str = ""


def render_cards(records, template_name, request):
    """The records' cards. Rendering a card reads its record's translated fields, URL and labels, the larger part
    of a listing's work: done once per publish, and only the cards are kept, not the records (reading back a
    model instance from the cache costs more than its card)."""
    template = get_template(template_name)
    return [
        Card(template.render({"record": record, "request": request}), str(getattr(record, "listing_heading", "")))
        for record in records
    ]


def in_order(queryset, ids):
    """The records of queryset with these ids, in this order."""
    records = queryset.in_bulk(ids)
    return [records[pk] for pk in ids if pk in records]


def most_used(counted, limit, selected):
    """Of the (value, label, count) options, those with the most records, at most limit of them plus the selected
    one, in their own order; and how many were left out."""
    if limit is None or len(counted) <= limit:
        return counted, 0
    top = heapq.nlargest(limit, counted, key=lambda option: option[2])
    kept = {str(value) for value, _label, _count in top} | {selected}
    shown = [option for option in counted if str(option[0]) in kept]
    return shown, len(counted) - len(shown)


def paginate(items, per_page, number):
    """A page as Django's paginator intends (not a number: the first; past the end: the last), with the elided
    range of page numbers that includes/pagination.html shows."""
    paginator = Paginator(items, per_page)
    page = paginator.get_page(number)
    page.elided_range = list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
    return page
