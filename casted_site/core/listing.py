"""Filtering, counting and paginating the record listings of the section index pages.

Each listing declares its facets: a GET parameter, the options a visitor can pick (with how many records each
would show, given the other filters), and how a picked option narrows the records. A value that is not one of
the options is ignored and reported, never an error. Every facet costs one query, whatever the number of records.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Count, Q


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Facet:
    param: str
    label: str
    options: list = field(default_factory=list)

    # Facets whose values are fixed choices set this, so checking a picked value costs no query.
    choices = None

    def option_counts(self, queryset):
        """[(value, label, count)] for the records in queryset."""
        raise NotImplementedError

    def offered_values(self, queryset):
        """The values a visitor may pick on this listing."""
        if self.choices is not None:
            return {str(value) for value, _label in self.choices}
        self.unfiltered_options = self.option_counts(queryset)
        return {str(value) for value, _label, _n in self.unfiltered_options}

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
    """A link to other records (snippets or pages), picked by their slug. One query: each related record
    annotated with how many of the listed records link to it."""

    def __init__(self, param, label, path, related_queryset, reverse_path, slug_field="slug"):
        super().__init__(param, label)
        self.path = path
        self.related_queryset = related_queryset
        self.reverse_path = reverse_path  # from a related record back to the listed records
        self.slug_field = slug_field

    def option_counts(self, queryset):
        related = self.related_queryset.annotate(
            listing_count=Count(
                self.reverse_path, filter=Q(**{f"{self.reverse_path}__in": queryset.values("pk")}), distinct=True
            )
        )
        return [(getattr(item, self.slug_field), str(item), item.listing_count) for item in related]

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
    facets: list
    ignored: list
    selected_count: int
    total: int


def filter_listing(request, queryset, facets, per_page=12):
    """Apply the facets the request picks, count every option, and paginate the result."""
    narrowed, valid, ignored = queryset, {}, []
    for facet in facets:
        raw = request.GET.get(facet.param, "").strip()
        if not raw:
            continue
        # A value counts when the facet offers it for the whole listing.
        offered = facet.offered_values(queryset)
        if raw in offered:
            valid[facet.param] = raw
            narrowed = facet.apply(narrowed, raw)
        else:
            ignored.append({"label": facet.label, "value": raw})

    for facet in facets:
        # Count each option as if picked on top of the other filters.
        others = [other for other in facets if other is not facet and other.param in valid]
        if not others and hasattr(facet, "unfiltered_options"):
            counted = facet.unfiltered_options
        else:
            narrowed_by_others = queryset
            for other in others:
                narrowed_by_others = other.apply(narrowed_by_others, valid[other.param])
            counted = facet.option_counts(narrowed_by_others)
        facet.options = [
            Option(str(value), label, count, selected=valid.get(facet.param) == str(value))
            for value, label, count in counted
        ]

    page = paginate(narrowed, per_page, request.GET.get("page"))
    return Listing(page=page, facets=facets, ignored=ignored, selected_count=len(valid), total=page.paginator.count)


def paginate(items, per_page, number):
    """A page as Django's paginator intends (not a number: the first; past the end: the last), with the elided
    range of page numbers that includes/pagination.html shows."""
    page = Paginator(items, per_page).get_page(number)
    page.elided_range = list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
    return page
