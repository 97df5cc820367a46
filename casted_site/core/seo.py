"""What search engines read: the sitemap (every public page in both languages, with hreflang alternates),
robots.txt and each page's JSON-LD."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.http import HttpResponse
from django.urls import reverse

from wagtail.models import Page

from casted_site.core.models import not_view_restricted


class PageSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    limit = 500

    def items(self):
        return Page.objects.live().filter(not_view_restricted()).filter(depth__gt=1).order_by("path")

    def location(self, page):
        # Called with each language active in turn: the page's URL in that language.
        return page.get_url_parts()[2]

    def lastmod(self, page):
        return page.last_published_at

    def _urls(self, page, protocol, domain):
        # Django points x-default at the unprefixed path; ours is the English page, as in each page's <head>.
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            english = next(alt["location"] for alt in url["alternates"] if alt["lang_code"] == settings.LANGUAGE_CODE)
            for alternate in url["alternates"]:
                if alternate["lang_code"] == "x-default":
                    alternate["location"] = english
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
