"""Routing a URL to its page with one indexed query, instead of wagtail-modeltranslation's route, which loads
every child page. Private API: wagtail_modeltranslation.patch_wagtailadmin._new_route (its route for a page
itself), and Page.route as Wagtail calls it."""

from django.conf import settings
from django.db import models
from django.http import Http404
from django.utils import translation

from modeltranslation.utils import build_localized_fieldname
from wagtail.contrib.routable_page.models import RoutablePageMixin

from casted_site.caching.page_cache import cached_content


def route_by_indexed_slug(self, request, path_components):
    """Page.route that finds the child a URL names with one indexed query. wagtail-modeltranslation's own route
    (set on every translated page model) loads every child page and compares slugs in Python, which grows with
    the section; casted_site.framework_fixes.apply puts this one on every page model."""
    from wagtail.url_routing import RouteResult
    from wagtail_modeltranslation.patch_wagtailadmin import _new_route

    if not path_components:
        return _new_route(self, request, path_components)  # this page itself, or its routable index view
    child = child_by_slug(self, path_components[0])
    if child is not None:
        return child.specific.route(request, path_components[1:])
    if isinstance(self, RoutablePageMixin) and self.live:
        view, args, kwargs = self.resolve_subpage("/" + "/".join(path_components) + "/")  # or Http404
        return RouteResult(self, args=(view, args, kwargs))
    raise Http404


def child_by_slug(page, slug):
    """The child with this slug in the active language, or with this English slug where it has no slug of its own
    in the active language (the English fallback), as its specific page."""
    field = build_localized_fieldname("slug", translation.get_language() or settings.LANGUAGE_CODE)
    # A record's page is read on every visit, and the query (Wagtail's page table has some 60 columns) costs a
    # quarter of a detail page's time: kept until anything is published, moved or deleted.
    return cached_content(
        "child", lambda: find_child_by_slug(page, field, slug), parent=page.pk, field=field, slug=slug
    )


def find_child_by_slug(page, field, slug):
    """Where the page allows one type of child only (a section's records), the child comes from that model at
    once; otherwise (the home page's sections) as a page, then its specific page."""
    child_models = page.specific_class.allowed_subpage_models()
    children = child_models[0].objects.child_of(page) if len(child_models) == 1 else page.get_children()
    child = children.filter(**{field: slug}).first()
    if child is None and field != "slug_en":
        no_own_slug = models.Q(**{f"{field}__isnull": True}) | models.Q(**{field: ""})
        child = children.filter(no_own_slug, slug_en=slug).first()
    return child.specific if child is not None else None
