"""What answers when something is down: the 500 and 503 pages, and /healthz."""

import sys

from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.views import defaults

from casted_site.navigation.views import preferred_language

DATABASE_RETRY_AFTER_SECONDS = 30


def server_error(request):
    """Django's 500 handler, called while the exception is being handled: when the database is what failed,
    visitors get a 503 in their language with Retry-After instead, and the site recovers on its own once the
    database answers again (Django opens a new connection on the next request)."""
    if isinstance(sys.exc_info()[1], DatabaseError):
        return database_unavailable(request)
    return defaults.server_error(request)


def database_unavailable(request):
    language = translation.get_language_from_path(request.path_info) or preferred_language(request)
    with translation.override(language):
        body = render_to_string("503.html", {"LANGUAGE_CODE": language})
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(DATABASE_RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def healthz(request):
    """For load balancers: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        response = JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
        response["Retry-After"] = str(DATABASE_RETRY_AFTER_SECONDS)
    else:
        response = JsonResponse({"status": "ok", "database": "ok"})
    response["Cache-Control"] = "no-store"
    return response
