"""migrate as wagtail-modeltranslation runs it (migrations, then the page translation columns it adds with ALTER
TABLE), then the indexes on Wagtail's tables that neither Wagtail nor wagtail-modeltranslation makes, and on
SQLite the search's full-text table with English stemming.

They cannot be migrations: the slug columns they index appear only after the migrations have run.

Private API: the full-text table modelsearch's migration 0002 makes on SQLite (its name and columns)."""

from django.conf import settings
from django.db import connections

from modeltranslation.utils import build_localized_fieldname
from wagtail_modeltranslation.management.commands.migrate_translation import Command as TranslationMigrateCommand


def wagtail_indexes(vendor):
    """{name: what it indexes} for this database."""
    indexes = {
        # Routing finds a page by its parent's path and its slug in the URL's language.
        f"casted_page_{field}": f"wagtailcore_page ({field})"
        for field in (build_localized_fieldname("slug", code) for code, _name in settings.LANGUAGES)
    }
    if vendor == "postgresql":
        # Wagtail's PostgreSQL search (modelsearch) matches `title || body`, while its own GIN indexes are on each
        # apart, and joins the matches to their pages on the page id as text: without these two, every search
        # read the whole index (500 ms at 17,000 pages, whatever the word; 30 ms with them).
        indexes["casted_indexentry_title_body"] = "wagtailsearch_indexentry USING gin ((title || body))"
        indexes["casted_page_id_as_object_id"] = "wagtailcore_page (((id)::varchar(50)))"
    return indexes


# modelsearch makes it with FTS5's default tokenizer, which matches words only as written: "workshops" did not find
# "workshop". The porter stemmer (over the same unicode61 tokenizer) stems English words in the index and the query
# alike, and leaves Chinese words, which the index and the query get cut by jieba, as they are. PostgreSQL's
# search stems with its "english" configuration (WAGTAILSEARCH_BACKENDS in settings).
SQLITE_FTS_TABLE = "wagtailsearch_indexentry_fts"
SQLITE_FTS_COLUMNS = "autocomplete, body, title"
SQLITE_STEMMING_TOKENIZER = "porter unicode61"


def stem_english_in_sqlite_search(cursor):
    """Remake SQLite's full-text table with the stemming tokenizer, its rows copied (no reindexing), once.
    modelsearch's triggers on its index table write to the full-text table by name: the legacy rename leaves them
    naming it, where today's rename would make them follow the old table to its new name."""
    cursor.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = %s", [SQLITE_FTS_TABLE])
    row = cursor.fetchone()
    if row is None or SQLITE_STEMMING_TOKENIZER in row[0]:
        return
    old = f"{SQLITE_FTS_TABLE}_unstemmed"
    cursor.execute("PRAGMA legacy_alter_table = ON")
    cursor.execute(f"ALTER TABLE {SQLITE_FTS_TABLE} RENAME TO {old}")
    cursor.execute("PRAGMA legacy_alter_table = OFF")
    cursor.execute(
        f"CREATE VIRTUAL TABLE {SQLITE_FTS_TABLE} USING fts5({SQLITE_FTS_COLUMNS}, "
        f"tokenize = '{SQLITE_STEMMING_TOKENIZER}')"
    )
    columns = f"rowid, {SQLITE_FTS_COLUMNS}"
    cursor.execute(f"INSERT INTO {SQLITE_FTS_TABLE} ({columns}) SELECT {columns} FROM {old}")  # noqa: S608 - our names
    cursor.execute(f"DROP TABLE {old}")


class Command(TranslationMigrateCommand):
    def handle(self, *args, **options):
        super().handle(*args, **options)
        connection = connections[options["database"]]
        with connection.cursor() as cursor:
            for name, definition in wagtail_indexes(connection.vendor).items():
                cursor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")
            if connection.vendor == "sqlite":
                stem_english_in_sqlite_search(cursor)
