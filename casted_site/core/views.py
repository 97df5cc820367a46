import hashlib
import sys
from collections import Counter

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation.trans_real import parse_accept_lang_header
from django.views import defaults

from wagtail.models import Page

from casted_site.core.listing import Option, listing_url, paginate_records
from casted_site.core.models import not_view_restricted
from casted_site.core.page_cache import cached_content
from casted_site.core.search import query_words
from casted_site.sections import section_records


def preferred_language(request):
    """The site language a visitor asked for: their saved choice, else the first of their browser's
    languages we serve. Any Chinese variant (zh, zh-CN, zh-TW…) gets the Chinese site."""
    saved = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if saved in dict(settings.LANGUAGES):
        return saved
    for tag, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        tag = tag.lower()
        if tag.startswith("zh"):
            return "zh-hans"
        if tag == "en" or tag.startswith("en-"):
            return "en"
    return settings.LANGUAGE_CODE


def language_root_redirect(request):
    response = HttpResponseRedirect(f"/{preferred_language(request)}/")
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response


SEARCH_RESULTS_PER_PAGE = 10
SEARCH_MAX_QUERY_LENGTH = 100
SEARCH_MAX_RESULTS = 500


def search_kinds():
    """(key, label, model) of every section's records, as the search offers them."""
    return [(model.section_key, model.section_label, model) for model in section_records()]


def ranked_matches(terms, kinds):
    """[(page id, kind)] of the visible pages that match every term, best first."""
    model_kind = {ContentType.objects.get_for_model(model).pk: key for key, _label, model in kinds}
    found = (
        Page.objects.live()
        .type(*(model for _key, _label, model in kinds))
        .only("id", "content_type")  # which page and which kind: the shown page of results is loaded later
        .search(" ".join(terms), operator="and")[:SEARCH_MAX_RESULTS]
    )
    found = list(found)
    # The search backend takes only plain field filters: drop view-restricted pages afterwards.
    visible = set(
        Page.objects.filter(not_view_restricted(), pk__in=[page.pk for page in found]).values_list("pk", flat=True)
    )
    return [(page.pk, model_kind.get(page.content_type_id)) for page in found if page.pk in visible]


def search(request):
    query = request.GET.get("q", "").strip()
    shortened = len(query) > SEARCH_MAX_QUERY_LENGTH
    query = query[:SEARCH_MAX_QUERY_LENGTH]
    kinds = search_kinds()
    chosen_kind = request.GET.get("kind", "")
    context = {"query": query, "shortened": shortened, "searched": False}
    terms = query_words(query)
    if terms:
        # Ranking every match is most of a search's cost (10,000 matches for a common word at scale), and the
        # ranking changes only when something is published: each query's matches, and each page of them shown,
        # are kept until then.
        key = "search:" + hashlib.sha256(" ".join(terms).encode()).hexdigest()
        matches = cached_content(key, lambda: ranked_matches(terms, kinds), in_process=False)
        counts = Counter(kind for _pk, kind in matches)
        if chosen_kind not in counts:
            chosen_kind = ""
        selected_ids = [pk for pk, kind in matches if not chosen_kind or kind == chosen_kind]
        page = paginate_records(
            Page.objects.specific,
            selected_ids,
            SEARCH_RESULTS_PER_PAGE,
            request.GET.get("page"),
            f"{key}:{chosen_kind}",
        )
        # Links carry the search and the kind shown, and nothing else the request held.
        links_query = {"q": query, "kind": chosen_kind}
        # The results are shared with other requests (cached_content): their labels go beside them, not on them.
        kind_labels, kind_of = {key: label for key, label, _model in kinds}, dict(matches)
        results = [(kind_labels[kind_of[result.pk]], result) for result in page.object_list]
        context.update(
            searched=True,
            results=results,
            total=len(matches),
            listing={"page": page, "query": links_query},
            kind_options=[
                Option(
                    key,
                    label,
                    counts.get(key, 0),
                    selected=key == chosen_kind,
                    url=listing_url(links_query, "kind", None if key == chosen_kind else key),
                )
                for key, label, _model in kinds
            ],
            chosen_kind=chosen_kind,
        )
    return TemplateResponse(request, "search/search.html", context)


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
