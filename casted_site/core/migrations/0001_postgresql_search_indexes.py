"""Two indexes that Wagtail's PostgreSQL search (modelsearch) needs and does not make.

It matches `title || body` against the query, while its GIN indexes are on title and on body apart: without an index
on the concatenation, every search read the whole index (500 ms at 17,000 pages, whatever the word). It then joins
the matching entries to their pages on `page.id::varchar(50) = object_id`, which the page's primary key cannot
serve. SQLite's full-text search has its own index, so there is nothing to do there."""

from django.db import migrations

INDEXES = {
    "casted_indexentry_title_body": "wagtailsearch_indexentry USING gin ((title || body))",
    "casted_page_id_as_object_id": "wagtailcore_page (((id)::varchar(50)))",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, definition in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("wagtailcore", "0098_apitoken"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
