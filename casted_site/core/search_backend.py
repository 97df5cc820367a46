"""Wagtail's database search backend (modelsearch), except that on SQLite results ranked by relevance are ranked
in one pass over the full-text index.

modelsearch's SQLite compiler ranks with a subquery per matching record that repeats the full-text match, so the
time grows with the square of the matches: a word in all 10,000 projects of the scale benchmark took 24 seconds.
Here the index ranks every match once (bm25, title matches weighted as modelsearch weighs them), and only the
slice asked for is loaded, in that order. PostgreSQL and the other databases keep modelsearch's own backend."""

from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend

from django.db import connection


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks for in a backend module)
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        from casted_site.core.sqlite_search import RankedOnceSQLiteSearchBackend

        if isinstance(DatabaseSearchBackend(params), SQLiteSearchBackend):  # SQLite with its full-text module
            return RankedOnceSQLiteSearchBackend(params)
    return DatabaseSearchBackend(params)
