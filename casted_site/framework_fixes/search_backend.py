"""Wagtail's database search backend (modelsearch), with three changes.

Every query, the public search's and the admin's (search all pages, the page chooser, images, documents,
snippets), has its Chinese cut into words as the index has (casted_site.search.chinese.query_words): Chinese has no
spaces, and uncut, 科技政策 would be one token that the index does not hold. Punctuation is dropped, as
SQLite's full-text engine reads some of it as its own syntax (a 500 on '"*(' in the page chooser).

On SQLite, results ranked by relevance are ranked in one pass over the full-text index (sqlite_search.py).
modelsearch's SQLite compiler ranks with a subquery per matching record that repeats the full-text match, so the
time grows with the square of the matches: a word in all 10,000 projects of the scale benchmark took 24 seconds.

On PostgreSQL, the matched text vector is only filtered on, not sent back with each result: modelsearch selects it,
which for a common word at scale sent 500 whole vectors to Python. The indexes its query needs are made by
our migrate command (casted_site/schema).

Private API: PostgresSearchQueryCompiler.search's queryset annotation "_vector_"; modelsearch's query classes
(PlainText, MatchAll) as the admin passes them."""

from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend, PostgresSearchQueryCompiler
from modelsearch.query import PlainText

from django.db import connection

from casted_site.search.chinese import query_words


def segmented(query):
    """The query's words, Chinese cut into words: a string, or the PlainText the admin's search parses; any
    other query (MatchAll, a phrase, combined queries) as it is."""
    if isinstance(query, str):
        return " ".join(query_words(query))
    if isinstance(query, PlainText):
        return PlainText(" ".join(query_words(query.query_string)), operator=query.operator, boost=query.boost)
    return query


class ChineseQueryMixin:
    def search(self, query, *args, **kwargs):
        return super().search(segmented(query), *args, **kwargs)

    def autocomplete(self, query, *args, **kwargs):
        return super().autocomplete(segmented(query), *args, **kwargs)


class VectorNotSelectedQueryCompiler(PostgresSearchQueryCompiler):
    def search(self, *args, **kwargs):
        found = super().search(*args, **kwargs)
        query = found.query
        if "_vector_" in query.annotation_select:  # as if alias(), not annotate(), had added it
            query.set_annotation_mask(set(query.annotation_select) - {"_vector_"})
        return found


class CastedPostgresSearchBackend(ChineseQueryMixin, PostgresSearchBackend):
    query_compiler_class = VectorNotSelectedQueryCompiler


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks for in a backend module)
    backend = DatabaseSearchBackend(params)
    if isinstance(backend, PostgresSearchBackend):
        return CastedPostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        from casted_site.framework_fixes.sqlite_search import CastedSQLiteSearchBackend

        if isinstance(backend, SQLiteSearchBackend):  # SQLite with its full-text module
            return CastedSQLiteSearchBackend(params)
    return backend
