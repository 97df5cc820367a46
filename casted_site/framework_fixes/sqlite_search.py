"""The SQLite search backend that ranks every match once: see casted_site.framework_fixes.search_backend. Imported only
when the database is SQLite, whose search models exist only then."""

from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

from casted_site.framework_fixes.search_backend import ChineseQueryMixin


class RankedOnceQueryCompiler(SQLiteSearchQueryCompiler):
    def ranks_by_relevance(self, score_field):
        return self.order_by_relevance and score_field is None and not isinstance(normalize(self.query), MatchAll | Not)

    def ranked_pks(self, config, start, stop):
        """The primary keys of the matches from start to stop, best first."""
        query = self.build_search_query(normalize(self.query), config=config)
        best_first = (
            SQLiteFTSIndexEntry.objects.filter(MatchExpression(self.fields or self.FTS_TABLE_FIELDS, query))
            .filter(index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model))
            .annotate(score=self._build_rank_expression(self.get_search_vectors(), config))
            .order_by("score")  # bm25: lower is better
            .values_list("index_entry__object_id", flat=True)
        )
        matching = set(self.matches(config).values_list("pk", flat=True))  # with the queryset's own filters
        ranked = [pk for pk in dict.fromkeys(int(object_id) for object_id in best_first) if pk in matching]
        return ranked[start:stop]

    def matches(self, config):
        """Every match, unranked: modelsearch's own query without its ranking."""
        ranked, self.order_by_relevance = self.order_by_relevance, False
        try:
            return super().search(config, None, None)
        finally:
            self.order_by_relevance = ranked


class RankedOnceSearchResults(SQLiteSearchResults):
    def ranks_once(self):
        # Autocomplete (the admin's search boxes) has modelsearch's own compiler, ranked as modelsearch ranks.
        compiler = self.query_compiler
        return isinstance(compiler, RankedOnceQueryCompiler) and compiler.ranks_by_relevance(self._score_field)

    def _do_search(self):
        compiler = self.query_compiler
        if not self.ranks_once():
            return super()._do_search()
        pks = compiler.ranked_pks(compiler.get_config(self.backend), self.start, self.stop)
        records = compiler.queryset.in_bulk(pks)
        return [records[pk] for pk in pks if pk in records]

    def _do_count(self):
        if not isinstance(self.query_compiler, RankedOnceQueryCompiler):
            return super()._do_count()
        return self.query_compiler.matches(self.query_compiler.get_config(self.backend)).count()


class CastedSQLiteSearchBackend(ChineseQueryMixin, SQLiteSearchBackend):
    query_compiler_class = RankedOnceQueryCompiler
    results_class = RankedOnceSearchResults
