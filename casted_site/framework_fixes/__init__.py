"""Every place where this site replaces behaviour of Django, Wagtail, modelsearch or wagtail-modeltranslation, and
why. Each replacement keeps the behaviour it replaces (tests/test_framework_fixes.py holds both: what a visitor
or an editor gets, and the upstream code it stands in for, so that an upgrade that changes it is noticed).

| where | replaces | private API it touches |
|---|---|---|
| routing.py | Page.route on every page model (wagtail-modeltranslation's loads every child) | wagtail_modeltranslation.patch_wagtailadmin._new_route |
| slugs.py | wagtail-modeltranslation's sibling-slug check on save (loads every sibling); its link from each language's title to that language's slug in the editor (Chinese pages got slugs of Chinese characters) | wagtail_modeltranslation.patch_wagtailadmin._validate_slugs; none for the link (TitleFieldPanel.targets, set before any form is built) |
| view_restrictions.py | Page.get_view_restrictions (two queries on every page served); .public() in listings | none: Page.get_view_restrictions is public, called by Wagtail's serving |
| site.py | Site.find_for_request's two queries on every request; wagtail-modeltranslation's site root paths, one query per language | request._wagtail_site, read by Site.find_for_request; patch_wagtailadmin._localized_site_get_site_root_paths and its cache key |
| choice_labels.py | Django's get_FOO_display (builds every choice's label on each call) | Model._get_FIELD_display |
| ../schema/management/commands/migrate.py | modelsearch's SQLite full-text table, made with FTS5's default tokenizer (no stemming): remade with the porter tokenizer | the table's name and columns in modelsearch's migration 0002, and its triggers, which write to it by name |
| spreadsheet_export.py | Wagtail's CSV export of an IndexView (a cell starting with = + - @ stays a live formula; no byte order mark, which Excel needs for UTF-8 Chinese): used by the registrations' screen | SpreadsheetExportMixin.write_csv_row, stream_csv |
| search_backend.py, sqlite_search.py | modelsearch's database backend: Chinese cut into words in every query; SQLite ranks in one pass; PostgreSQL leaves the vector out | SQLiteSearchQueryCompiler internals (_build_rank_expression, build_search_query, get_search_vectors), SQLiteSearchResults._do_search/_do_count, PostgresSearchQueryCompiler's "_vector_" annotation |
"""

# What each replacement stood in for, as it was before apply(): the tests compare the two.
upstream = {}


def apply():
    """Put the replacements in place: called once, when the apps are ready (after wagtail-modeltranslation has set
    its own route on every translated page model)."""
    from wagtail.models import get_page_models
    from wagtail_modeltranslation import patch_wagtailadmin

    from casted_site.framework_fixes.routing import route_by_indexed_slug
    from casted_site.framework_fixes.site import site_root_paths_for_every_language
    from casted_site.framework_fixes.slugs import english_slug_for_every_language, slug_clashes_by_indexed_query
    from casted_site.framework_fixes.view_restrictions import view_restrictions_where_there_are_any

    upstream.update(
        validate_slugs=patch_wagtailadmin._validate_slugs,
        site_root_paths=patch_wagtailadmin._localized_site_get_site_root_paths,
        routes={model: model.route for model in get_page_models()},
        view_restrictions={model: model.get_view_restrictions for model in get_page_models()},
    )
    # Its patched clean methods look this function up by name: replacing it replaces the check everywhere.
    patch_wagtailadmin._validate_slugs = slug_clashes_by_indexed_query
    # Looked up by name by its _new_get_site_root_paths, which Page.get_url_parts calls.
    patch_wagtailadmin._localized_site_get_site_root_paths = site_root_paths_for_every_language
    for model in get_page_models():  # Wagtail's Page and every page model of every app
        model.route = route_by_indexed_slug
        model.get_view_restrictions = view_restrictions_where_there_are_any
        english_slug_for_every_language(model)
