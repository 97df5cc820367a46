"""Wagtail's database search backend (modelsearch), with two changes.

On SQLite, results ranked by relevance are ranked in one pass over the full-text index. modelsearch's SQLite
compiler ranks with a subquery per matching record that repeats the full-text match, so the time grows with the
square of the matches: a word in all 10,000 projects of the scale benchmark took 24 seconds. Here the index ranks
every match once (bm25, title matches weighted as modelsearch weighs them), and only the slice asked for is loaded,
in that order.

On PostgreSQL, the matched text vector is only filtered on, not sent back with each result: modelsearch selects it,
which for a common word at scale sent 500 whole vectors to Python. The indexes its query needs are made by
our migrate command (casted_site/schema)."""

from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend, PostgresSearchQueryCompiler

from django.db import connection


class VectorNotSelectedQueryCompiler(PostgresSearchQueryCompiler):
    def search(self, *args, **kwargs):
        found = super().search(*args, **kwargs)
        query = found.query
        if "_vector_" in query.annotation_select:  # as if alias(), not annotate(), had added it
            query.set_annotation_mask(set(query.annotation_select) - {"_vector_"})
        return found


class VectorNotSelectedPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = VectorNotSelectedQueryCompiler


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks for in a backend module)
    backend = DatabaseSearchBackend(params)
    if isinstance(backend, PostgresSearchBackend):
        return VectorNotSelectedPostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        from casted_site.core.sqlite_search import RankedOnceSQLiteSearchBackend

        if isinstance(backend, SQLiteSearchBackend):  # SQLite with its full-text module
            return RankedOnceSQLiteSearchBackend(params)
    return backend
