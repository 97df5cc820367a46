"""What a section tells the shared code about itself, and how the shared code finds every section.

A section is one app (projects, partners, events…) whose record pages subclass SectionRecordPage and set the
attributes below. Shared code never names a section: it asks section_records(), which reads Wagtail's registry of
page models (get_page_models()) in the order of INSTALLED_APPS, and get_snippet_models() for lookup data.
"""

from dataclasses import dataclass, field
from functools import cache

from django.apps import apps

from wagtail.models import get_page_models


@dataclass(frozen=True)
class HomeFigure:
    """A number on the home page, such as "12 partner countries". count(live) gives it from the section's live,
    visible records; without one, the figure is how many there are (counted with every other section's, in one
    query)."""

    key: str
    label: str
    count: object = None


@dataclass(frozen=True)
class HomeBlock:
    """A part of the home page that a section renders from its live records (render(live, count, request, sections)
    gives the HTML, kept until the next publish: count is how many there are, sections the menu's); column: in the
    two columns under the sections, else full width below."""

    render: object
    column: bool = False


@dataclass(frozen=True)
class RecordColumns:
    """A section's columns for import and export (casted_site.records.records_io): the translated fields (a column
    per language), the plain fields with their type ("text", "bool", "int", "date"), and the link columns, each an
    object with import_value(page, raw) and export_value(page)."""

    translated: list
    plain: dict
    links: dict = field(default_factory=dict)


@dataclass(frozen=True)
class ListedOnLinked:
    """Where a section's records are listed on the pages of the records they link to: a partner's page lists the
    news that names it. fields: the record model's many-to-many fields to the sections below it, each with the
    parameter of its own listing's facet that filters by that record (or None), for the "See all" link; order: the
    list's order; item_template: one list item, rendered with the record as `record`; shown: at most this many."""

    heading: str
    fields: dict
    order: tuple
    item_template: str
    shown: int = 10


class SectionRecord:
    """The declaration a section's record page model makes (SectionRecordPage carries it with these defaults)."""

    # The record kind's key: the search's ?kind= value and import_records' --kind; and its label in the search.
    section_key = None
    section_label = None
    home_figures = ()
    home_block = None
    record_columns = None
    # A ListedOnLinked: the pages of the records this section links to list its records.
    listed_on_linked = None
    # The date field that orders the section's feed and dates its entries (a news item's date), else publication.
    dated_by = None
    # File names its pages answer beside their URL, each a routable path of the page with a slash (a publication's
    # "cite.bib" is its cite.bib/): Wagtail's page paths hold no dot, so casted_site/urls.py routes these.
    page_files = ()


@cache
def section_records():
    """The record page models of every installed section, in the order of INSTALLED_APPS, then of definition."""
    app_order = {config.label: index for index, config in enumerate(apps.get_app_configs())}
    declared = [model for model in get_page_models() if getattr(model, "section_key", None)]

    def place(model):
        models = list(apps.get_app_config(model._meta.app_label).get_models())
        return app_order[model._meta.app_label], models.index(model)

    return sorted(declared, key=place)


def section_record(key):
    """The record page model whose section_key is key, or None."""
    return next((model for model in section_records() if model.section_key == key), None)


def section_listing(model, sections):
    """The menu's entry (casted_site.navigation's site_sections) of the index page a record model lives under (its
    parent page type), or None where that listing is not in the menu."""
    parents = {parent._meta.model_name for parent in model.allowed_parent_page_models()}
    return next((section for section in sections if section["model"] in parents), None)
