"""What search engines read: the sitemap (every public page in both languages, with hreflang alternates),
robots.txt and each page's JSON-LD."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Max
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.html import format_html_join

from wagtail.models import Page

from casted_site.caching.page_cache import cached_content
from casted_site.framework_fixes.view_restrictions import not_view_restricted


class PageSitemap(Sitemap):
    """Every public page once per language, each URL with its hreflang alternates (x-default: the English page,
    as in each page's <head>). Django's own i18n sitemaps load every page to count and slice them, on every
    request; this one pages the query: 250 pages, so 500 URLs, a sitemap, however large the site."""

    limit = 250

    def items(self):
        return Page.objects.live().filter(not_view_restricted()).filter(depth__gt=1).order_by("path")

    @cached_property
    def paginator(self):
        # Counting every public page is the one query of a sitemap that grows with the site: kept until the next
        # publish, as the URLs are.
        paginator = Paginator(self.items(), self.limit)
        paginator.count = cached_content("sitemap-count", paginator.object_list.count)
        return paginator

    def get_latest_lastmod(self):
        return cached_content(
            "sitemap-latest", lambda: self.items().aggregate(latest=Max("last_published_at"))["latest"]
        )

    def _urls(self, page, protocol, domain):
        """The URLs of a sitemap page, kept until the next publish: working out each page's URL in each language
        costs more than the rest of the sitemap. A page number that is not one raises (the view's 404) first."""
        number = self.paginator.validate_number(page)
        urls, self.latest_lastmod = cached_content(
            "sitemap-urls",
            lambda: self.build_urls(number, protocol, domain),
            sitemap_page=number,
            origin=f"{protocol}://{domain}",
        )
        return urls

    def build_urls(self, page, protocol, domain):
        urls, items = [], self.paginator.page(page).object_list
        for item in items:
            locations = {}
            for code, _name in settings.LANGUAGES:
                with translation.override(code):
                    locations[code] = f"{protocol}://{domain}{item.get_url_parts()[2]}"
            # The same alternates follow each language's URL of the page: written once.
            alternates = format_html_join(
                "",
                '<xhtml:link rel="alternate" hreflang="{}" href="{}"/>',
                [*locations.items(), ("x-default", locations[settings.LANGUAGE_CODE])],
            )
            # The date as templates/sitemap_pages.xml shows it: the day in the site's time zone.
            lastmod = timezone.localdate(item.last_published_at).isoformat() if item.last_published_at else ""
            urls += [
                {"location": location, "lastmod": lastmod, "alternates": alternates} for location in locations.values()
            ]
        latest = max((item.last_published_at for item in items if item.last_published_at), default=None)
        return urls, latest


def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /*/search/", f"Sitemap: {sitemap}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def absolute_url(page, request):
    """The page's URL on the host the visitor asked for (Wagtail's get_full_url uses the Site record's host)."""
    return request.build_absolute_uri(page.get_url(request))


def organisation(name, url, alternate_name=""):
    data = {"@type": "Organization", "name": name, "url": url}
    if alternate_name:
        data["alternateName"] = alternate_name
    return data


def casted_organisation(request):
    """The institution (Settings → Institution), with its main site where one is given."""
    from casted_site.institution.identity import institution

    found = institution(request)
    data = organisation(found.name, request.build_absolute_uri(f"/{settings.LANGUAGE_CODE}/"), found.short_name)
    if found.main_site_url:
        data["sameAs"] = found.main_site_url
    if found.logo:
        data["logo"] = request.build_absolute_uri(found.logo["url"])
    return data
