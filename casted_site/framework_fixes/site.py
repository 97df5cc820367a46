"""The request's Site and its root page from the cache, and Wagtail's site root paths in one query for every
language. Private API: request._wagtail_site, which Site.find_for_request reads before asking the database;
wagtail-modeltranslation's _localized_site_get_site_root_paths and its cache keys."""

from django.conf import settings
from django.core.cache import cache
from django.http.request import split_domain_port
from django.utils import translation

from wagtail.models import Site
from wagtail.models.sites import SiteRootPath

from casted_site.caching.page_cache import cached_content


class CachedSiteMiddleware:
    """Wagtail finds the request's Site, then its root page, in two queries on every request. Both change only when
    a site is saved or something is published, so they come from the cache, kept by the page cache's generation:
    Wagtail takes a Site already on the request (Site.find_for_request) and routes from its root page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        hostname = split_domain_port(request._get_raw_host())[0]
        port = request.get_port()
        site = cached_content("site", lambda: site_with_specific_root(request), host=hostname, port=port)
        if site is not None:
            request._wagtail_site = site
        return self.get_response(request)


def site_with_specific_root(request):
    site = Site._find_for_request(request)
    if site is not None:
        site.root_page = site.root_page.specific
    return site


def site_root_paths_for_every_language():
    """wagtail-modeltranslation's Site.get_site_root_paths, which keeps the root paths per language and reads them
    with one query per language: here one query fills every language's entry (a page links to itself in each
    language, so a request after the cache is emptied needed both). Same values, same keys, same lifetime.
    Private API: wagtail_modeltranslation.patch_wagtailadmin._localized_site_get_site_root_paths, which its
    _new_get_site_root_paths looks up by name, and its cache key."""
    current = translation.get_language()
    result = cache.get(SITE_ROOT_PATHS_KEY.format(current))
    if result is None:
        sites = list(Site.objects.select_related("root_page", "root_page__locale"))
        every_language = {}
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                every_language[SITE_ROOT_PATHS_KEY.format(translation.get_language())] = [
                    (site.id, site.root_page.url_path, site.root_url, site.root_page.locale.language_code)
                    for site in sorted(sites, key=lambda site: site.root_page.url_path, reverse=True)
                ]
        cache.set_many(every_language, SITE_ROOT_PATHS_SECONDS)
        result = every_language.get(SITE_ROOT_PATHS_KEY.format(current), [])
    return [SiteRootPath(*root_path) for root_path in result]


# As wagtail-modeltranslation names and keeps them.
SITE_ROOT_PATHS_KEY = "wagtail_site_root_paths_{}"
SITE_ROOT_PATHS_SECONDS = 3600
