"""A URL with another language's slugs finds its page: where an editor gave a Chinese page a slug of its own,
swapping /en/ for /zh-hans/ in its English URL (or the other way round) redirects to the page's URL in the URL's
language instead of answering 404."""

from django.conf import settings
from django.db.models import Q
from django.http import HttpResponsePermanentRedirect
from django.utils.translation import get_language_from_path

from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page, Site

from casted_site.framework_fixes.view_restrictions import not_view_restricted

MAX_DEPTH = 6  # deeper than any page here: a made-up long path costs no queries


class OtherLanguageSlugMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in {"GET", "HEAD"}:
            return response
        page = page_by_any_language_slugs(request)
        url = page.get_url(request) if page is not None else None
        if not url or url == request.path:
            return response
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)


def page_by_any_language_slugs(request):
    """The live, public page whose slugs, each in any language, make up the path after its language prefix."""
    language = get_language_from_path(request.path_info)
    site = Site.find_for_request(request)
    if language is None or site is None:
        return None
    components = [part for part in request.path_info.split("/") if part][1:]
    if not components or len(components) > MAX_DEPTH:
        return None
    page = site.root_page
    for slug in components:
        any_language = Q()
        for code, _name in settings.LANGUAGES:
            any_language |= Q(**{build_localized_fieldname("slug", code): slug})
        page = Page.objects.child_of(page).filter(any_language).first()
        if page is None:
            return None
    visible = Page.objects.live().filter(not_view_restricted(), pk=page.pk).exists()
    return page.specific if visible else None
