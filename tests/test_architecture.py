"""The house rules of docs/architecture.md, for every section the code discovers (import-linter's contracts in
pyproject.toml name today's): shared code names no section, only the seed loader does; and sections depend one
way: no two import each other, directly or through others."""

import grimp
import pytest

from django.apps import apps

from casted_site.sections import section_records


def section_apps():
    """The app of every section, in the order of INSTALLED_APPS."""
    names = {model._meta.app_config.name for model in section_records()}
    return [config.name for config in apps.get_app_configs() if config.name in names]


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph("casted_site", *section_apps())


def shared_modules(graph):
    """Every module of casted_site but the seed loader's (and the package itself, which holds it)."""
    return [module for module in graph.find_descendants("casted_site") if not module.startswith("casted_site.seed")]


def test_the_sections_are_found():
    assert section_apps() == ["projects", "partners", "events", "news", "publications"]


def test_shared_code_imports_no_section(graph):
    for section in section_apps():
        for module in shared_modules(graph):
            chain = graph.find_shortest_chain(importer=module, imported=section, as_packages=True)
            assert chain is None, f"{module} reaches the section {section}: {' -> '.join(chain)}"


def test_sections_depend_one_way(graph):
    sections = section_apps()
    for importer in sections:
        for imported in sections:
            if importer == imported:
                continue
            there = graph.chain_exists(importer, imported, as_packages=True)
            back = graph.chain_exists(imported, importer, as_packages=True)
            assert not (there and back), f"{importer} and {imported} import each other"


def test_every_section_record_keeps_a_sort_key_in_each_language():
    """Listings order by sort_title (Chinese by pinyin): a section's translation.py must register it."""
    from django.conf import settings

    for model in section_records():
        names = {field.name for field in model._meta.get_fields()}
        for code, _name in settings.LANGUAGES:
            assert f"sort_title_{code.replace('-', '_')}" in names, model
