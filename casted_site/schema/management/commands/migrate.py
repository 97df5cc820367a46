"""migrate as wagtail-modeltranslation runs it (migrations, then the page translation columns it adds with ALTER
TABLE), then the indexes on Wagtail's tables that neither Wagtail nor wagtail-modeltranslation makes.

They cannot be migrations: the slug columns they index appear only after the migrations have run."""

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


class Command(TranslationMigrateCommand):
    def handle(self, *args, **options):
        super().handle(*args, **options)
        connection = connections[options["database"]]
        with connection.cursor() as cursor:
            for name, definition in wagtail_indexes(connection.vendor).items():
                cursor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")
