"""Every cached value of the site: whole pages for anonymous visitors (the page cache) and values built from
published content (the data caches), in Redis when REDIS_URL is set, in local memory otherwise. docs/architecture.md
has the table of them all: what each holds, its key's dimensions, its lifetime and what clears it.

Anything published, unpublished, moved or deleted, and any snippet, document, image, site or view restriction
saved, invalidates every cached value at once by bumping a generation number that is part of each key
(casted_site.caching.signals): a partner's page lists projects, so publishing a project must refresh it, and so
must many other pages. Every key is made by cache_key(), its dimensions named. Requests with a session (logged-in
staff), previews, the admin, non-GET requests and responses that set cookies are never cached. A cached page is
served without touching the database, so it stays up while the database is down."""

import copy
import secrets
import threading
import time
from collections import OrderedDict
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import caches
from django.db import models
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode

GENERATION_KEY = "page-cache:generation"
CACHED_CONTENT_TYPES = (
    "text/html",
    "application/xml",
    "application/atom+xml",
    "text/calendar",
    "text/plain",
    # reference files for citation managers (BibTeX, RIS)
    "application/x-bibtex",
    "application/x-research-info-systems",
)

# The generation as this request first read it: a page reads it for the page cache, the site, the sections, the
# restricted paths and the facet counts, and one cache round trip (to Redis, in production) does for all of them.
request_generation = ContextVar("page_cache_generation", default=None)


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def generation():
    remembered = request_generation.get()
    return remembered if remembered is not None else stored_generation()


def stored_generation():
    return page_cache().get_or_set(GENERATION_KEY, new_generation_number, timeout=None)


def new_generation_number():
    """A generation that no earlier one has used, for a cache that lost its count (emptied, evicted or new): a
    count that started again from 1 would find values kept under the old numbers, here or in another process."""
    return secrets.randbelow(2**62)


class ProcessMemo:
    """The latest values read from the shared cache, kept in this process too (least recently used out first),
    each for as long as the shared cache keeps it. A page reads about ten, and each read from the shared cache (a
    round trip to Redis, or unpickling from local memory) costs more than what most of them hold. Their keys hold
    the generation, so a publish in any process moves every process to new keys. The values are shared by the
    requests of this process: whoever reads one must leave it as it was."""

    def __init__(self, size):
        self.size, self.values, self.lock = size, OrderedDict(), threading.Lock()

    def get(self, key):
        with self.lock:
            kept = self.values.get(key)
            if kept is None or kept[0] < time.monotonic():
                return None
            self.values.move_to_end(key)
            return kept[1]

    def set(self, key, value, timeout):
        with self.lock:
            self.values[key] = (time.monotonic() + timeout, value)
            self.values.move_to_end(key)
            if len(self.values) > self.size:
                self.values.popitem(last=False)


# As many values as Django's local-memory cache keeps by default (MAX_ENTRIES).
process_memo = ProcessMemo(size=300)
# Whole pages, apart, so that a crawl of many URLs does not push out the values every page reads (up to a few MB).
page_memo = ProcessMemo(size=200)


def cache_key(kind, name, /, **dimensions):
    """The one way keys are made: the kind ("content" or "page"), the generation, the value's name, then each
    dimension it varies on, named (language=zh-hans, origin=https://host, page=12…), in the order given."""
    parts = [kind, str(generation()), name, *(f"{dimension}={value}" for dimension, value in dimensions.items())]
    return ":".join(parts)


def for_this_request(value):
    """What the process memo hands a request: a model instance (a routed page, a site) as a copy, so that what one
    request sets on it (a cached property, an attribute) never reaches another; other values are rendered text
    or lists read, never changed, by the code that asked for them."""
    return copy.copy(value) if isinstance(value, models.Model) else value


def cached_content(name, build, /, timeout=600, in_process=True, **dimensions):
    """A value built from published content (the menu's sections, say), kept in the cache until anything is
    published, unpublished, moved or deleted: the page cache's generation is part of its key, and the dimensions
    given (language, origin, page…) tell its variants apart. None is not kept: what a URL did not find is asked
    again, so that made-up URLs cannot fill the cache. in_process=False keeps it in the shared cache only: for
    large values of which visitors can ask for any number (a search's matches)."""
    key = cache_key("content", name, **dimensions)
    value = process_memo.get(key) if in_process else None
    if value is not None:
        return for_this_request(value)
    cache = page_cache()
    value = cache.get(key)
    if value is None:
        value = build()
        if value is None:
            return None
        cache.set(key, value, timeout)
    if in_process:
        process_memo.set(key, value, timeout)
        return for_this_request(value)
    return value


# Set when the cache did not take a new generation (Redis was down: casted_site.caching.resilient_redis): this
# process tries again on each request until it does, so that pages cached before a publish are not served again
# once the cache is back.
invalidation_pending = threading.Event()


def invalidate_page_cache(**_kwargs):
    cache = page_cache()
    try:
        new_generation = cache.incr(GENERATION_KEY)
    except ValueError:  # not set yet, or evicted
        new_generation = new_generation_number()
        cache.set(GENERATION_KEY, new_generation, timeout=None)
    if cache.get(GENERATION_KEY) == new_generation:
        invalidation_pending.clear()
    else:  # not stored (or another process has bumped it since, and one more bump does no harm)
        invalidation_pending.set()
    if request_generation.get() is not None:  # the rest of this request (a publish in the admin) sees it too
        request_generation.set(new_generation)


def is_cacheable_request(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(settings.PAGE_CACHE_EXCLUDED_PATHS)
        and not getattr(request, "is_preview", False)
    )


def is_cacheable_response(response):
    return (
        response.status_code == 200
        and not response.cookies
        and not response.streaming
        and response.get("Content-Type", "").startswith(CACHED_CONTENT_TYPES)
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


def declare_query_params(request, *params):
    """What a view says of its answer: it depends on these query parameters and no other (a listing's filters and
    page, a search's q). The page cache keys only those: a tracking parameter or any made-up one makes no new
    entry. An answer whose view declares nothing is not cached."""
    request.page_cache_params = params


def keep_out_of_page_cache(request):
    """This answer is not to be kept: it shows something of the request no declared parameter holds (a filter
    value the listing ignored, which a visitor can vary without end)."""
    request.page_cache_params = None


class PageCacheMixin:
    """For page models: a page's answer depends on no query parameter unless its view declares some (a listing's
    filters, in the context it builds after this one), so the page cache keys none of the others. Declared with
    the context, which Wagtail's serve and a routable page's index route both build; views a page routes to
    itself (a feed, a calendar) declare their own."""

    def get_context(self, request, *args, **kwargs):
        declare_query_params(request)
        return super().get_context(request, *args, **kwargs)


def declaring_query_params(*params):
    """A view that declares it depends on these query parameters (none, if none are given)."""

    def decorate(view):
        def declaring_view(request, *args, **kwargs):
            declare_query_params(request, *params)
            return view(request, *args, **kwargs)

        return declaring_view

    return decorate


def page_key(request, params):
    """A page's key: its origin (scheme and host: absolute URLs in it hold both), its path, and the values of the
    query parameters its view declared, in their declared order."""
    query = urlencode([(param, request.GET[param]) for param in params if param in request.GET])
    return cache_key("page", "page", origin=request_origin(request), path=request.path, query=query)


def request_origin(request):
    if not hasattr(request, "_origin"):  # asked several times a request; Django checks the host anew on each
        request._origin = f"{request.scheme}://{request.get_host()}"
    return request._origin


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if invalidation_pending.is_set():
            invalidate_page_cache()
        token = request_generation.set(stored_generation())
        try:
            return self.respond(request)
        finally:
            request_generation.reset(token)

    def respond(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        # Which query parameters this path's page declared, learned from its first answer since the last publish.
        params_key = cache_key("page", "params", origin=request_origin(request), path=request.path)
        params = process_memo.get(params_key)
        if params is None:  # () is a page that declares none: most pages
            params = page_cache().get(params_key)
        if params is not None:
            key = page_key(request, params)
            # Kept in the process too, as the data caches are: its key holds the generation, read from the shared
            # cache on every request, so a publish anywhere moves every process to new keys.
            cached = page_memo.get(key)
            if cached is None:
                cached = page_cache().get(key)
                if cached is not None:
                    page_memo.set(key, cached, settings.PAGE_CACHE_SECONDS)
            if cached is not None:
                status, headers, content = cached
                response = HttpResponse(content, status=status, headers=headers)
                response["X-Page-Cache"] = "hit"
                return response
        response = self.get_response(request)
        params = getattr(request, "page_cache_params", None)
        if params is not None and is_cacheable_response(response):
            patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
            headers = {name: value for name, value in response.items() if name.lower() != "x-page-cache"}
            page_cache().set(params_key, params, settings.PAGE_CACHE_SECONDS)
            process_memo.set(params_key, params, settings.PAGE_CACHE_SECONDS)
            entry = (response.status_code, headers, response.content)
            page_cache().set(page_key(request, params), entry, settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response


def cached_for_page(page, request, name, build, /, **dimensions):
    """What a page shows that changes only when something is published (the records linked to it, its URL in each
    language, its structured data): kept until then, per page, language and origin (absolute URLs hold the scheme
    and host), and the further dimensions given. A preview builds it afresh, from the draft."""
    if getattr(request, "is_preview", False):
        return build()
    language = translation.get_language()
    return cached_content(name, build, page=page.pk, language=language, origin=request_origin(request), **dimensions)


def linked_records(page, request, build):
    """What a record's page shows of the records linked to it, as the dict build() gives: reading them is most of
    the queries of a record's page (the lists are in the order of their titles)."""
    return cached_for_page(page, request, "linked", build)
