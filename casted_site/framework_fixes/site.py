"""The request's Site and its root page from the cache. Private API: request._wagtail_site, which
Site.find_for_request reads before asking the database."""

from django.http.request import split_domain_port

from wagtail.models import Site

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
        site = cached_content(f"site:{hostname}:{port}", lambda: site_with_specific_root(request))
        if site is not None:
            request._wagtail_site = site
        return self.get_response(request)


def site_with_specific_root(request):
    site = Site._find_for_request(request)
    if site is not None:
        site.root_page = site.root_page.specific
    return site
