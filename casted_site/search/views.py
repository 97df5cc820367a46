"""The public search over every section's records, in both languages."""

import hashlib
from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.template.response import TemplateResponse

from wagtail.models import Page

from casted_site.caching.page_cache import cached_content, declare_query_params, keep_out_of_page_cache
from casted_site.framework_fixes.view_restrictions import not_view_restricted
from casted_site.listings import Option, listing_url, paginate_records
from casted_site.search.chinese import query_words
from casted_site.search.highlight import highlighted, searched_words, word_pattern
from casted_site.sections import section_records

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


SNIPPET_LENGTH = 220


def marked_summary(record, pattern):
    summary = " ".join(str(getattr(record, "summary", "") or "").split())
    if len(summary) > SNIPPET_LENGTH:
        summary = summary[: SNIPPET_LENGTH - 1].rstrip() + "…"
    return highlighted(summary, pattern) if summary else ""


def search(request):
    query = request.GET.get("q", "").strip()
    shortened = len(query) > SEARCH_MAX_QUERY_LENGTH
    query = query[:SEARCH_MAX_QUERY_LENGTH]
    kinds = search_kinds()
    chosen_kind = request.GET.get("kind", "")
    context = {"query": query, "shortened": shortened, "searched": False, "search_page": True}
    declare_query_params(request, "q", "kind", "page")
    terms = searched_words(query_words(query))
    if terms:
        # Ranking every match is most of a search's cost (10,000 matches for a common word at scale), and the
        # ranking changes only when something is published: each query's matches, and each page of them shown,
        # are kept until then.
        query_hash = hashlib.sha256(" ".join(terms).encode()).hexdigest()
        build = lambda: ranked_matches(terms, kinds)  # noqa: E731
        matches = cached_content("search-matches", build, in_process=False, query=query_hash)
        counts = Counter(kind for _pk, kind in matches)
        kind_labels = {key: label for key, label, _model in kinds}
        if chosen_kind and chosen_kind not in kind_labels:
            # A kind that does not exist: ignored, said so, and this answer not kept (visitors can vary it).
            context["ignored_kind"], chosen_kind = chosen_kind, ""
            keep_out_of_page_cache(request)
        selected_ids = [pk for pk, kind in matches if not chosen_kind or kind == chosen_kind]
        page = paginate_records(
            Page.objects.specific,
            selected_ids,
            SEARCH_RESULTS_PER_PAGE,
            request.GET.get("page"),
            "search-results",
            {"query": query_hash, "kind": chosen_kind},
        )
        # Links carry the search and the kind shown, and nothing else the request held.
        links_query = {"q": query, "kind": chosen_kind}
        # The results are shared with other requests (cached_content): their labels and marked words go beside
        # them, not on them.
        kind_of, pattern = dict(matches), word_pattern(terms)
        results = [
            (
                kind_labels[kind_of[result.pk]],
                result,
                highlighted(result.title, pattern),
                marked_summary(result, pattern),
            )
            for result in page.object_list
        ]
        context.update(
            searched=True,
            results=results,
            total=len(selected_ids),
            all_total=len(matches),
            chosen_kind_label=kind_labels.get(chosen_kind, ""),
            all_results_url=listing_url(links_query, "kind", None),
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
        # The kinds as the listings' filter panel shows a facet (casted_site.listings): options under no heading.
        context["kind_facets"] = [{"label": "", "options": context["kind_options"], "hidden_options": 0}]
    return TemplateResponse(request, "search/search.html", context)
