"""What answers when something is down: the 500 and 503 pages, and /healthz."""

import functools
import sys

from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.views import defaults

from casted_site.caching.page_cache import page_cache
from casted_site.navigation.views import preferred_language

DATABASE_RETRY_AFTER_SECONDS = 30


def server_error(request):
    """Django's 500 handler, called while the exception is being handled: when the database is what failed,
    visitors get a 503 in their language with Retry-After instead, and the site recovers on its own once the
    database answers again (Django opens a new connection on the next request)."""
    if isinstance(sys.exc_info()[1], DatabaseError):
        return database_unavailable(request)
    return in_visitors_language(defaults.server_error)(request)


def in_visitors_language(handler):
    """One of Django's error handlers, in the visitor's language: the fault may come before LocaleMiddleware has
    chosen it (in the page cache, say)."""

    @functools.wraps(handler)
    def wrapper(request, *args, **kwargs):
        with translation.override(visitors_language(request)):
            return handler(request, *args, **kwargs)

    return wrapper


bad_request = in_visitors_language(defaults.bad_request)
permission_denied = in_visitors_language(defaults.permission_denied)


def visitors_language(request):
    return translation.get_language_from_path(request.path_info) or preferred_language(request)


def database_unavailable(request):
    language = visitors_language(request)
    with translation.override(language):
        body = render_to_string("503.html", {"LANGUAGE_CODE": language})
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(DATABASE_RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def healthz(request):
    """For load balancers and monitoring: which dependency is down. 503 when the database does not answer (no page
    can be built); 200 with "cache": "unreachable" while Redis is down, as the site still answers, uncached."""
    report = {"database": database_state(), "cache": cache_state()}
    if report["database"] == "ok":
        response = JsonResponse({"status": "ok" if report["cache"] != "unreachable" else "degraded", **report})
    else:
        response = JsonResponse({"status": "unavailable", **report}, status=503)
        response["Retry-After"] = str(DATABASE_RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def database_state():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return "unreachable"
    return "ok"


def cache_state():
    """ "ok" or "unreachable" for a shared cache (Redis), "local" for this process's memory."""
    cache = page_cache()
    if not hasattr(cache, "is_reachable"):
        return "local"
    return "ok" if cache.is_reachable() else "unreachable"
