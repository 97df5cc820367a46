"""View restrictions without a query on every page served: Page.get_view_restrictions replaced, and
not_view_restricted() in place of Wagtail's .public() for our listings. Private API: none beyond
Page.get_view_restrictions, which Wagtail's serving and .public() call."""

from functools import cache

from django.db import models

from wagtail.models import Page, PageViewRestriction

from casted_site.caching.page_cache import cached_content


def view_restrictions_where_there_are_any(self):
    """Page.get_view_restrictions, asking the database only where a restriction can apply: a page that is not
    under a restricted page, nor under an alias of one, has none, and those pages' paths (few, on a public site)
    are kept in the cache until a restriction, an alias or anything published changes. Elsewhere, one query:
    the restrictions on this page, its ancestors (their paths are prefixes of its own) and the pages any of them
    is an alias of. Wagtail's own makes two queries on every page served."""
    if not is_under_restricted_path(self):
        return no_view_restrictions()
    paths = [self.path[:end] for end in range(Page.steplen, len(self.path) + 1, Page.steplen)]
    alias_sources = Page.objects.filter(path__in=paths, alias_of__isnull=False).values("alias_of")
    return PageViewRestriction.objects.filter(models.Q(page__path__in=paths) | models.Q(page__in=alias_sources))


@cache
def no_view_restrictions():
    """No restriction, as a queryset evaluated once: Wagtail iterates it on every page served, and iterating a
    fresh .none() compiles a whole query before finding it empty. Shared: callers read it or chain from it."""
    restrictions = PageViewRestriction.objects.none()
    len(restrictions)  # evaluates it, without a query
    return restrictions


def restricted_paths():
    """The paths of the pages that have a view restriction, or are an alias of one that has."""

    def build():
        restricted = models.Q(view_restrictions__isnull=False) | models.Q(alias_of__view_restrictions__isnull=False)
        return sorted(set(Page.objects.filter(restricted).values_list("path", flat=True)))

    return cached_content("restricted-paths", build)


def is_under_restricted_path(page):
    """Whether a view restriction can apply to the page: the same test as not_view_restricted, in Python."""
    return any(page.path.startswith(path) for path in restricted_paths())


def not_view_restricted(through=""):
    """A filter for pages with no view restriction on them or an ancestor (for pages reached through a relation,
    through is its path, such as "project__"): pages outside the restricted paths kept in the cache, with no query
    of its own and, on a site with no restriction, no condition at all. Wagtail's .public() loads every
    restriction in a query of its own, on every call."""
    condition = models.Q()
    for restricted in restricted_paths():
        condition &= ~models.Q(**{f"{through}path__startswith": restricted})
    return condition


def visible_pages(related):
    """The live pages a visitor may see among a page's many-to-many links (a ParentalManyToManyField), in one
    query. In a preview the links are the editor's unsaved ones, which modelcluster holds in memory as a
    FakeQuerySet that has no live(): their pages are looked up by id."""
    linked = related.all()
    if isinstance(linked, models.QuerySet):
        return linked.live().filter(not_view_restricted())
    return related.model.objects.live().filter(not_view_restricted(), pk__in=[page.pk for page in linked])
