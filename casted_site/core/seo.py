"""What search engines read: the sitemap (every public page in both languages, with hreflang alternates),
robots.txt and each page's JSON-LD."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation

from wagtail.models import Page

from casted_site.core.models import not_view_restricted


class PageSitemap(Sitemap):
    """Every public page once per language, each URL with its hreflang alternates (x-default: the English page,
    as in each page's <head>). Django's own i18n sitemaps load every page to count and slice them, on every
    request; this one pages the query: 250 pages, so 500 URLs, a sitemap, however large the site."""

    limit = 250

    def items(self):
        return Page.objects.live().filter(not_view_restricted()).filter(depth__gt=1).order_by("path")

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max("last_published_at"))["latest"]

    def _urls(self, page, protocol, domain):
        urls = []
        for item in self.paginator.page(page).object_list:
            locations = {}
            for code, _name in settings.LANGUAGES:
                with translation.override(code):
                    locations[code] = f"{protocol}://{domain}{item.get_url_parts()[2]}"
            alternates = [{"lang_code": code, "location": location} for code, location in locations.items()]
            alternates.append({"lang_code": "x-default", "location": locations[settings.LANGUAGE_CODE]})
            urls += [
                {"item": item, "location": location, "lastmod": item.last_published_at, "alternates": alternates}
                for location in locations.values()
            ]
        self.latest_lastmod = max((url["lastmod"] for url in urls if url["lastmod"]), default=None)
        return urls


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
    from django.utils.translation import gettext

    return organisation(
        gettext("Chinese Academy of Science and Technology for Development"),
        request.build_absolute_uri(f"/{settings.LANGUAGE_CODE}/"),
        "CASTED",
    )
