"""Each replacement in casted_site/framework_fixes keeps the behaviour it replaces (compared with the upstream code,
kept in framework_fixes.upstream), and a fingerprint of each piece of upstream code it replaces or relies on
notices when an upgrade changes it."""

import ast
import hashlib
import importlib.util

import pytest

from django.db import models
from django.test import RequestFactory
from django.utils import translation

from wagtail.models import Page, PageViewRestriction, Site

from casted_site import framework_fixes
from casted_site.framework_fixes.site import site_root_paths_for_every_language
from casted_site.framework_fixes.slugs import slug_clashes_by_indexed_query
from partners.models import PartnerIndexPage, PartnerPage
from projects.models import ProjectPage
from tests.factories import make_partner

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("sample")]

# (module, qualified name, the first 16 hex digits of the sha256 of its source). When one fails after an upgrade:
# read the new upstream code, check that the fix in casted_site/framework_fixes still keeps what it replaces (the
# tests below) and touches what it says, then write the new fingerprint here.
UPSTREAM = [
    ("wagtail_modeltranslation.patch_wagtailadmin", "_new_route", "1c07a69e1ca744d1"),
    ("wagtail_modeltranslation.patch_wagtailadmin", "_validate_slugs", "c097882cc964e0ae"),
    # Where it links each language's title to that language's slug (english_slug_for_every_language undoes it).
    ("wagtail_modeltranslation.patch_wagtailadmin", "WagtailTranslator._patch_simple_panel", "c2b51d89e9a1cb8f"),
    ("wagtail_modeltranslation.patch_wagtailadmin", "_localized_site_get_site_root_paths", "0993309526dc130a"),
    ("wagtail_modeltranslation.patch_wagtailadmin", "_new_get_site_root_paths", "b9b0342dee1b69ce"),
    ("wagtail.models.pages", "AbstractPage.route", "e4734f428a798894"),
    ("wagtail.models.pages", "AbstractPage.get_view_restrictions", "008d5bf7ea1ac3a3"),
    ("wagtail.models.sites", "Site.find_for_request", "fa6c0c320f2ae989"),
    ("django.db.models.base", "Model._get_FIELD_display", "e3821cdb7cd89d21"),
    ("modelsearch.backends.database.sqlite.sqlite", "SQLiteSearchQueryCompiler.search", "5aef6c60116eb5a7"),
    (
        "modelsearch.backends.database.sqlite.sqlite",
        "SQLiteSearchQueryCompiler._build_rank_expression",
        "7844659b60edd558",
    ),
    ("modelsearch.backends.database.sqlite.sqlite", "SQLiteSearchResults._do_search", "eaecdef7835ec311"),
    ("modelsearch.backends.database.sqlite.sqlite", "SQLiteSearchResults._do_count", "77ff34ffbe13bda2"),
    ("modelsearch.backends.database.postgres.postgres", "PostgresSearchQueryCompiler.search", "a2e0aaf1edd18109"),
    ("modelsearch.backends.base", "BaseSearchBackend.search", "eb5f1f9b9a3fa101"),
    ("modelsearch.backends.base", "BaseSearchBackend.autocomplete", "b4e56dfbfff11c54"),
    # The registrations' CSV export (spreadsheet_export.py) cleans each row before it and adds a BOM before these.
    ("wagtail.admin.views.mixins", "SpreadsheetExportMixin.write_csv_row", "d9e886ccae6c6746"),
    ("wagtail.admin.views.mixins", "SpreadsheetExportMixin.stream_csv", "14367e584b0ad64e"),
]


def fingerprint(module, qualified_name):
    """Of the source as the installed package has it (not the object, which a fix may have replaced)."""
    path = importlib.util.find_spec(module).origin
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    node = ast.parse(source)
    for name in qualified_name.split("."):
        node = next(
            child
            for child in ast.iter_child_nodes(node)
            if isinstance(child, ast.FunctionDef | ast.ClassDef) and child.name == name
        )
    return hashlib.sha256(ast.get_source_segment(source, node).encode()).hexdigest()[:16]


@pytest.mark.parametrize(("module", "qualified_name", "expected"), UPSTREAM)
def test_the_upstream_code_a_fix_relies_on_has_not_changed(module, qualified_name, expected):
    assert fingerprint(module, qualified_name) == expected, (
        f"{module}.{qualified_name} changed upstream: check casted_site/framework_fixes against it"
    )


def request_for(path):
    request = RequestFactory().get(path)
    request._wagtail_site = Site.objects.get(is_default_site=True)
    return request


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize(
    "components",
    [
        ["projects"],
        ["projects", "phd-career-survey"],
        ["partners", "oecd"],
        ["mous", "mou-nistep"],
        ["events", "calendar"],
        ["events", "china-us-forum"],
    ],
)
def test_routing_finds_the_page_upstream_finds(home, language, components):
    upstream_route = framework_fixes.upstream["routes"][type(home)]
    with translation.override(language):
        ours = home.route(request_for("/"), components)
        theirs = upstream_route(home, request_for("/"), components)
    assert (ours.page.pk, type(ours.page), routed_view(ours)) == (
        theirs.page.pk,
        type(theirs.page),
        routed_view(theirs),
    )


def routed_view(result):
    """A routable page's view, by name, with its arguments (bound methods of two copies of a page differ)."""
    if not result.args:
        return None
    view, args, kwargs = result.args
    return view.__name__, args, kwargs


def test_routing_takes_the_english_slug_where_a_page_has_no_chinese_one(home):
    partner = make_partner("only-english-slug")
    with translation.override("zh-hans"):
        assert home.route(request_for("/"), ["partners", "only-english-slug"]).page.pk == partner.pk


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_slug_clashes_are_the_ones_upstream_finds(language):
    taken = PartnerPage.objects.get(slug_en="oecd")
    index = PartnerIndexPage.objects.get()
    newcomer = PartnerPage(title="Clash", slug_en="oecd", slug_zh_hans="", kind="university")
    newcomer.path, newcomer.depth = index.path + "9999", index.depth + 1
    free = PartnerPage(title="Free", slug_en="free-slug", slug_zh_hans="", kind="university")
    free.path, free.depth = index.path + "9998", index.depth + 1
    with translation.override(language):
        for page in (newcomer, free, taken):
            ours = set(slug_clashes_by_indexed_query(page))
            assert ours == set(framework_fixes.upstream["validate_slugs"](page)), page.title
    assert set(slug_clashes_by_indexed_query(newcomer)) == {"slug_en", "slug_zh_hans"}


def test_upstream_links_the_chinese_title_to_the_chinese_slug_and_only_the_english_one_is_kept():
    """What the fix undoes is still there: wagtail-modeltranslation builds the Chinese title's panel with the
    Chinese slug as its target. The fix leaves the English link alone."""
    import inspect

    from wagtail.admin.panels import TitleFieldPanel
    from wagtail_modeltranslation.patch_wagtailadmin import WagtailTranslator

    from casted_site.framework_fixes.slugs import walk_panels

    assert "build_localized_fieldname(target, language)" in inspect.getsource(WagtailTranslator._patch_simple_panel)
    targets = {
        panel.field_name: panel.targets
        for panel in walk_panels(PartnerPage.content_panels)
        if isinstance(panel, TitleFieldPanel)
    }
    assert targets == {"title_en": ["slug_en"], "title_zh_hans": []}


def test_view_restrictions_are_the_ones_upstream_finds():
    restricted = ProjectPage.objects.get(slug_en="phd-career-survey")
    PageViewRestriction.objects.create(page=restricted.get_parent(), restriction_type="password", password="x")
    upstream = framework_fixes.upstream["view_restrictions"][ProjectPage]
    for page in (restricted, PartnerPage.objects.get(slug_en="oecd")):
        ours = {restriction.pk for restriction in page.get_view_restrictions()}
        assert ours == {restriction.pk for restriction in upstream(page)}
    assert restricted.get_view_restrictions().exists()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_site_root_paths_are_the_ones_upstream_finds(language):
    from django.core.cache import cache

    with translation.override(language):
        theirs = framework_fixes.upstream["site_root_paths"]()
        cache.clear()
        assert site_root_paths_for_every_language() == theirs


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_choice_labels_are_the_ones_django_gives(language):
    project = ProjectPage.objects.get(slug_en="phd-career-survey")
    partner = PartnerPage.objects.get(slug_en="oecd")
    with translation.override(language):
        for record, field in ((project, "status"), (partner, "kind"), (partner, "country")):
            django_label = models.Model._get_FIELD_display(record, record._meta.get_field(field))
            assert getattr(record, f"get_{field}_display")() == django_label


def test_every_page_model_gets_the_fixes():
    from wagtail.models import get_page_models

    from casted_site.framework_fixes.routing import route_by_indexed_slug
    from casted_site.framework_fixes.view_restrictions import view_restrictions_where_there_are_any

    for model in get_page_models():
        assert model.route is route_by_indexed_slug, model
        assert model.get_view_restrictions is view_restrictions_where_there_are_any, model
    assert Page in get_page_models()


def test_upstream_makes_the_sqlite_full_text_table_our_migrate_remakes_with_stemming():
    """modelsearch's migration makes the table with these columns and the default tokenizer, and its triggers
    write to it by name; our migrate remade it with the porter tokenizer and left the triggers naming it."""
    import importlib.util

    from django.db import connection

    from casted_site.schema.management.commands.migrate import SQLITE_FTS_COLUMNS, SQLITE_FTS_TABLE

    path = importlib.util.find_spec("modelsearch.migrations.0002_customise_indexentry").origin
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    assert f"USING fts5({SQLITE_FTS_COLUMNS})" in source
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT type, sql FROM sqlite_master WHERE sql LIKE %s", [f"%{SQLITE_FTS_TABLE}%"])
        rows = cursor.fetchall()
    tables = [sql for kind, sql in rows if kind == "table" and f"TABLE {SQLITE_FTS_TABLE} " in sql]
    assert len(tables) == 1 and "tokenize = 'porter unicode61'" in tables[0]
    triggers = [sql for kind, sql in rows if kind == "trigger"]
    assert len(triggers) == 3 and not any("_unstemmed" in sql for sql in triggers)


def test_a_csv_cell_that_would_be_a_formula_stays_text_and_others_are_left_as_upstream_writes_them():
    from casted_site.framework_fixes.spreadsheet_export import formula_safe

    assert [formula_safe(value) for value in ("=1+1", "+86 10", "-3", "@SUM(A1)", "\tx", "张三", 3, None)] == [
        "'=1+1",
        "'+86 10",
        "'-3",
        "'@SUM(A1)",
        "'\tx",
        "张三",
        3,
        None,
    ]
