import html
import json

from django_countries import countries

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import translate_url
from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import format_html, strip_tags
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page, Site

from casted_site.caching.page_cache import cached_content, cached_for_page
from casted_site.framework_fixes.view_restrictions import is_under_restricted_path
from casted_site.institution.identity import institution
from casted_site.listings import listing_url

register = template.Library()

NATIVE_LANGUAGE_NAMES = {"en": "English", "zh-hans": "中文"}


@register.simple_tag(takes_context=True)
def language_versions(context):
    """The current page in every site language: code, native name, absolute URL, whether it is active.

    Wagtail pages give their own URL in each language (slugs are translated); any other view keeps its
    path under the other language prefix, and a path that does not resolve falls back to that home page."""
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    current = translation.get_language()
    if isinstance(page, Page) and page.pk:
        paths = cached_for_page(page, request, "language-paths", lambda: page_paths(page, request))
    else:
        paths = {}
    kept = kept_query(request)
    versions = []
    for code, _name in settings.LANGUAGES:
        path = paths.get(code)
        if path is None:
            path = translate_url(request.path, code)
            if path == request.path and code != current:
                path = f"/{code}/"
        if kept:
            path = f"{path}?{kept}"
        versions.append(
            {
                "code": code,
                "name": NATIVE_LANGUAGE_NAMES.get(code, code),
                "url": request.build_absolute_uri(path),
                "path": path,
                "is_current": code == current,
            }
        )
    return versions


def kept_query(request):
    """The query parameters the page declared it depends on (a listing's filters and page, a search's words), as
    the request gave them: the other language's version shows the same filtered list. Only those: the page cache
    keeps an answer under them alone, so nothing else the request held may appear in it."""
    declared = getattr(request, "page_cache_params", None) or ()
    pairs = [(name, value) for name in declared for value in request.GET.getlist(name) if value]
    return urlencode(pairs)


def page_paths(page, request):
    """The page's URL in each site language."""
    paths = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths[code] = page.get_url(request)
    return paths


def menu_entry(page, request):
    return {
        "pk": page.pk,
        "path": page.path,
        "depth": page.depth,
        "title": page.title,
        "url": page.get_url(request),
        "model": page.specific_class._meta.model_name,
    }


def site_sections(request):
    """The site's home page and the sections shown in menus, as title, URL, kind and place in the tree. Every
    page shows them, so they are built once per site and language and kept until anything is published again."""
    if not hasattr(request, "_site_sections"):
        site = Site.find_for_request(request)

        def build():
            root = site.root_page
            sections = [
                page
                for page in root.get_children()  # as pages: the menu needs no field of their own
                if page.live and page.show_in_menus and not is_under_restricted_path(page)
            ]
            return [menu_entry(page, request) for page in (root, *sections)]

        if site is None:
            request._site_sections = (None, [])
        else:
            root, *sections = cached_content("site-sections", build, site=site.pk, language=translation.get_language())
            request._site_sections = (root, sections)
    return request._site_sections


def section_of(page, sections):
    """The section (of site_sections) the page is in, or is: None for the home page and pages that are not pages."""
    if not isinstance(page, Page):
        return None
    return next((section for section in sections if page.path.startswith(section["path"])), None)


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The site root's sections marked 'show in menus', with the current one highlighted: rendered once per
    site, language and current section until anything is published."""
    request = context["request"]
    page = context.get("page")
    _root, sections = site_sections(request)
    section = section_of(page, sections)
    current = section["pk"] if section else None

    def render():
        shown = [{**section, "is_current": section["pk"] == current} for section in sections]
        return render_to_string("includes/main_menu.html", {"sections": shown})

    site = Site.find_for_request(request)
    menu = cached_content("menu", render, site=site and site.pk, language=translation.get_language(), section=current)
    return mark_safe(menu)  # noqa: S308


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    request = context["request"]
    if not isinstance(page, Page) or page.depth <= 2:
        return {"ancestors": []}
    root, sections = site_sections(request)
    section = section_of(page, sections)
    if root is not None and page.depth == 3:
        ancestors = [root]
    elif root is not None and page.depth == 4 and section is not None and section["pk"] != page.pk:
        ancestors = [root, section]
    else:  # deeper pages, or a section left out of the menu
        ancestors = [menu_entry(ancestor, request) for ancestor in page.get_ancestors().filter(depth__gt=1)]
    return {"ancestors": ancestors, "page": page, "request": request}


@register.simple_tag
def filter_url(query, param, value=None, page=None):
    """The URL of the listing whose filters are query with one filter set to value (or removed when value is None)
    and, unless a page is given, back on the first page."""
    return listing_url(query, param, value, page)


@register.filter
def country_name(code):
    """A country's name in the active language; empty for no country."""
    return countries.name(code) if code else ""


@register.simple_tag(takes_context=True)
def meta_description(context, page):
    """The page's own search description, else the first of its summary, introduction or description, as text:
    kept until the next publish (taking the tags out of rich text costs more than the rest of the head)."""

    def build():
        for field in ("search_description", "summary", "intro", "description"):
            # Rich text keeps "&amp;" as an entity: unescaped here, so that the template escapes it once.
            text = " ".join(html.unescape(strip_tags(str(getattr(page, field, "") or ""))).split())
            if text:
                return Truncator(text).chars(160)
        # A record with no text of its own (an event the content only names): its title, section and publisher.
        request = context.get("request")
        parent = page.get_parent() if page.pk and page.depth and page.depth > 2 else None
        if parent is None or request is None:
            return ""
        return " · ".join((page.title, parent.title, institution(request).name))

    if not isinstance(page, Page) or not page.pk or "request" not in context:
        return build()
    return cached_for_page(page, context["request"], "description", build)


@register.simple_tag(takes_context=True)
def json_ld(context, page):
    """The page's structured data for search engines, as a JSON-LD script (data, not code: CSP allows it)."""
    structured_data = getattr(page, "structured_data", None)
    if not callable(structured_data):
        return ""
    request = context["request"]

    def build():
        data = {"@context": "https://schema.org", **structured_data(request)}
        return json.dumps(data, ensure_ascii=False, default=str).replace("<", "\\u003c").replace(">", "\\u003e")

    payload = cached_for_page(page, request, "json-ld", build)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308


# About three lines of a phone's screen, a Chinese character counted as two Latin ones: a longer lead is cut to
# three lines there, with "Read more" to show it all.
PHONE_LEAD_WIDTH = 130


@register.filter
def lead_and_rest(rendered_html):
    """Rendered rich text split after its first paragraph: (the lead, the rest or "", whether the lead is longer
    than a phone shows in three lines). A listing shows the lead and folds the rest behind "Read more", so that
    its first result starts on the first screen."""
    text = str(rendered_html)
    end = text.find("</p>")
    end = len(text) if end == -1 else end + len("</p>")
    lead, rest = text[:end], text[end:].strip()
    words = html.unescape(strip_tags(lead))
    width = sum(2 if ord(character) > 0x2E7F else 1 for character in words)
    return mark_safe(lead), mark_safe(rest), width > PHONE_LEAD_WIDTH  # noqa: S308 - rich text rendered by Wagtail


def chinese_is_active():
    return (translation.get_language() or "").startswith("zh")


@register.filter
def in_brackets(value):
    """A value put in brackets after a word, as each language writes it: " (OECD)" in English, "（经合组织）" in
    Chinese (full-width brackets, no space before them)."""
    if chinese_is_active():
        return format_html("（{}）", value)
    return format_html(" ({})", value)


def time_element(day, text):
    return format_html('<time datetime="{}">{}</time>', day.isoformat(), text)


@register.simple_tag
def date_range(start, end=None):
    """A date or a span of days as each language writes it, what the second date repeats left out:
    15–16 March 2027, 30 March – 2 April 2027; 2027年3月15日至16日, 2027年3月30日至4月2日."""
    if not start:
        return ""
    if not end or end == start:
        return time_element(start, date_format(start, "DATE_FORMAT"))
    if chinese_is_active():
        if start.year != end.year:
            tail = date_format(end, "DATE_FORMAT")
        elif start.month != end.month:
            tail = f"{end.month}月{end.day}日"
        else:
            tail = f"{end.day}日"
        return format_html("{}至{}", time_element(start, date_format(start, "DATE_FORMAT")), time_element(end, tail))
    if start.year != end.year:
        head = date_format(start, "DATE_FORMAT")
    elif start.month != end.month:
        head = date_format(start, "MONTH_DAY_FORMAT")
    else:
        head = str(start.day)
    separator = "–" if (start.year, start.month) == (end.year, end.month) else " – "
    return format_html(
        "{}{}{}", time_element(start, head), separator, time_element(end, date_format(end, "DATE_FORMAT"))
    )


@register.filter
def lang_attr(record, field):
    """' lang="en"' where a translated field shows the English text in place of the active language's (empty for
    this record): a screen reader then reads it as English, and a browser hyphenates and picks its font."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    if language == settings.LANGUAGE_CODE:
        return ""
    own = getattr(record, build_localized_fieldname(field, language), None)
    if own is None and not hasattr(record, build_localized_fieldname(field, language)):
        return ""  # not a translated field
    if own or not getattr(record, field, None):
        return ""
    return mark_safe(f' lang="{settings.LANGUAGE_CODE}"')  # noqa: S308 - a fixed attribute
