"""Bulk import and export of records as CSV or JSON, one row per record, both languages side by side.

A row is matched to its page by slug under the section's index page: it updates that page, or creates one.
Links name other records by slug (a partner also by acronym): "partners" is "oecd:partner;uis:sponsor".
A cell is taken as the admin takes it: its field's form field cleans it (lengths, choices, NUL characters), the
model's validation runs (ranges), and rich text keeps only what the editor allows. A bad row is refused with its
reason and the rest goes on. export_records writes the same format, so an export imports back unchanged."""

import csv
import datetime
import io
import json
import re
from dataclasses import dataclass

import nh3

from django.core.exceptions import ValidationError
from django.db import DatabaseError, models, transaction
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from wagtail.fields import RichTextField

from casted_site.records.csv_cells import neutralise, restore
from casted_site.sections import section_records

TRUE, FALSE = {"1", "true", "yes", "y"}, {"0", "false", "no", "n", ""}


class ShownInReadersLanguage(Exception):
    """An error, or a report line, put into words when it is shown (str()), not when it is made: the import runs
    with English active (modeltranslation's fields), and the admin shows its report in the admin's language. The
    parameters may be lazy too (a field's verbose name, a ValidationError: its messages are Django's)."""

    def __init__(self, message, **params):
        super().__init__(message)
        self.message, self.params = message, params

    def __str__(self):
        params = {name: in_words(value) for name, value in self.params.items()}
        return str(self.message) % params if params else str(self.message)


def in_words(value):
    if isinstance(value, ValidationError):
        if hasattr(value, "error_dict"):
            return "; ".join(f"{name}: {' '.join(problems)}" for name, problems in value.message_dict.items())
        return " ".join(value.messages)
    return str(value)


class ImportFileError(ShownInReadersLanguage):
    """The file as a whole cannot be read."""


class RowError(ShownInReadersLanguage):
    """This row is refused; the message says why."""


class Done(ShownInReadersLanguage):
    """A row's report when it was imported: the record's slug, and a note."""


def text(value):
    return "" if value is None else str(value)


def cell_text(raw, column):
    """A cell as text: JSON may hold numbers and true/false, never a list or an object where text belongs."""
    if isinstance(raw, (list, dict)):
        message = (
            _("%(column)s: must be text, not a list")
            if isinstance(raw, list)
            else _("%(column)s: must be text, not an object")
        )
        raise RowError(message, column=column)
    return text(raw).strip()


def has_nul(value):
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, (list, dict)):
        return any(has_nul(item) for item in (value.values() if isinstance(value, dict) else value))
    return False


# Tags the rich text editor's conversion understands: it keeps those its field's features allow, drops the rest.
BLOCK_KEY = re.compile(r' data-block-key="[^"]*"')
EDITOR_TAGS = {"p", "br", "b", "strong", "i", "em", "a", "ol", "ul", "li", "h2", "h3", "h4", "h5", "h6"}


def editor_html(field, html):
    """Rich text as the admin's editor would save it: nh3 first makes it well-formed and drops scripts, event
    handlers, iframes, meta tags and javascript: links (the editor's converter expects well-formed HTML), then
    Wagtail's own converter keeps only what the field's features allow."""
    # Imported here: the sections' models import this module, and the editor's widgets need the models loaded.
    from wagtail.admin.rich_text import get_rich_text_editor_widget

    safe = nh3.clean(html, tags=EDITOR_TAGS, attributes={"a": {"href"}}, link_rel=None)
    if not strip_tags(safe).strip():
        return ""
    converter = get_rich_text_editor_widget(features=field.features).converter
    try:
        return converter.to_database_format(converter.from_database_format(safe))
    except (AssertionError, ValueError, KeyError):  # the converter's own complaints about the HTML
        raise RowError(_("%(column)s: cannot be read as rich text"), column=field.name) from None


def clean_text(model, column, raw, current=None):
    """A text cell as the admin's form field takes it: length, choices and NUL characters checked."""
    value = cell_text(raw, column)
    if not value or value == current:  # empty: the caller decides; what the page holds: as it is
        return value
    field = model._meta.get_field(column)
    if isinstance(field, RichTextField):
        value = editor_html(field, value)
        if current and BLOCK_KEY.sub("", value) == BLOCK_KEY.sub("", current):
            return current  # the same text: the editor's block keys are new on every conversion
    # URLField: https for an address given without a scheme, as Django 6 will assume.
    options = {"assume_scheme": "https"} if isinstance(field, models.URLField) else {}
    try:
        return field.formfield(**options).clean(value) if value else value
    except ValidationError as error:
        raise RowError(_("%(column)s: %(problem)s"), column=column, problem=error) from None


def parse_bool(raw, column):
    value = text(raw).strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise RowError(_("%(column)s: '%(value)s' is not true or false"), column=column, value=raw)


def parse_int(raw, column):
    value = text(raw).strip()
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        raise RowError(_("%(column)s: '%(value)s' is not a whole number"), column=column, value=raw) from None


def parse_date(raw, column):
    value = text(raw).strip()
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise RowError(_("%(column)s: '%(value)s' is not a date like 2026-11-28"), column=column, value=raw) from None


PARSERS = {"bool": parse_bool, "int": parse_int, "date": parse_date}
FORMATTERS = {
    "text": text,
    "bool": lambda value: "true" if value else "false",
    "int": lambda value: "" if value is None else str(value),
    "date": lambda value: value.isoformat() if value else "",
}


def split_list(raw):
    """The items of a list cell: "a;b; c" -> ["a", "b", "c"]."""
    return [item.strip() for item in text(raw).split(";") if item.strip()]


class ManyBySlug:
    """A many-to-many link column naming the linked records by slug: "st-policy;innovation-policy"."""

    def __init__(self, field, slug_field="slug"):
        self.field, self.slug_field = field, slug_field

    def import_value(self, page, raw):
        slugs = split_list(raw)
        related_model = page._meta.get_field(self.field).related_model
        found = list(related_model.objects.filter(**{f"{self.slug_field}__in": slugs}))
        unknown = set(slugs) - {getattr(record, self.slug_field) for record in found}
        if unknown:
            raise RowError(
                _("%(column)s: no %(kind)s '%(slug)s'"),
                column=self.field,
                kind=related_model._meta.verbose_name,
                slug=sorted(unknown)[0],
            )
        getattr(page, self.field).set(found)

    def export_value(self, page):
        return ";".join(sorted(getattr(record, self.slug_field) for record in getattr(page, self.field).all()))

    def canonical(self, page, raw):
        return ";".join(sorted(split_list(raw)))


@dataclass
class RecordKind:
    """A section's records as import and export see them: its page model and the columns it declares."""

    model: type

    def __post_init__(self):
        declared = self.model.record_columns
        self.translated, self.plain, self.links = declared.translated, declared.plain, declared.links

    @property
    def columns(self):
        columns = ["slug"]
        for name in self.translated:
            columns += [f"{name}_en", f"{name}_zh_hans"]
        return columns + list(self.plain) + list(self.links)

    @property
    def index_model(self):
        return self.model.allowed_parent_page_models()[0]

    def index(self):
        """The section's index page, where its records are created."""
        return self.index_model.objects.get()


def record_kinds():
    """{name: RecordKind} for every section that declares import and export columns."""
    return {model.section_key: RecordKind(model) for model in section_records() if model.record_columns}


# Reading files -------------------------------------------------------------------------------------------------


def read_rows(path):
    """The rows of a .csv or .json file as dicts, or ImportFileError saying what is wrong with the file."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as error:
        raise ImportFileError(_("Cannot read %(file)s: %(reason)s"), file=path, reason=error.strerror) from None
    return parse_rows(path, raw)


def parse_rows(path, raw):
    """The rows of a file's bytes, its name saying .csv or .json (a file uploaded in the admin, or read above)."""
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(
            _("%(file)s is not UTF-8 text. Save it as UTF-8 (CSV UTF-8 in Excel) and try again."), file=path
        ) from None
    if str(path).lower().endswith(".json"):
        try:
            rows = json.loads(content)
        except json.JSONDecodeError as error:
            raise ImportFileError(
                _("%(file)s is not valid JSON: %(reason)s at line %(line)s"),
                file=path,
                reason=error.msg,
                line=error.lineno,
            ) from None
        except RecursionError:
            raise ImportFileError(_("%(file)s nests its JSON too deeply to be records."), file=path) from None
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise ImportFileError(_("%(file)s must hold a JSON list of objects, one per record."), file=path)
        return rows
    if str(path).lower().endswith(".csv"):
        try:
            reader = csv.DictReader(io.StringIO(content, newline=""), strict=True)
            rows = [{column: restore(value) for column, value in row.items()} for row in reader]
        except csv.Error as error:
            raise ImportFileError(_("%(file)s is not valid CSV: %(reason)s"), file=path, reason=error) from None
        if not reader.fieldnames or "slug" not in reader.fieldnames:
            raise ImportFileError(_("%(file)s has no 'slug' column: the first line must name the columns."), file=path)
        return rows
    raise ImportFileError(_("%(file)s: the file name must end in .csv or .json."), file=path)


# Import --------------------------------------------------------------------------------------------------------


# A cell that empties its field on import (a blank cell leaves the field as it is).
CLEAR = "[clear]"


def given(row, column):
    """The row's cell for this column, if it says something: "" for [clear], None where it is missing or blank."""
    if column not in row or row[column] is None or text(row[column]).strip() == "":
        return None
    return "" if text(row[column]).strip().lower() == CLEAR else row[column]


def row_values(kind, row, page=None):
    """The row's known columns, parsed and cleaned; a column the row leaves out or blank keeps the page's value."""
    model, values = kind.model, {}
    text_columns = [f"{name}_{language}" for name in kind.translated for language in ("en", "zh_hans")]
    text_columns += [name for name, type_name in kind.plain.items() if type_name == "text"]
    for column in text_columns:
        if (cell := given(row, column)) is not None:
            current = text(getattr(page, column, None)) if page is not None else None
            values[column] = clean_text(model, column, cell, current)
    for name, type_name in kind.plain.items():
        if type_name != "text" and (cell := given(row, name)) is not None:
            values[name] = PARSERS[type_name](cell_text(cell, name), name)
    return values


def apply_links(kind, page, row):
    for column, link in kind.links.items():
        if (cell := given(row, column)) is not None:
            link.import_value(page, cell)


def import_row(kind, index, row, user=None, publish=True, dry_run=False):
    """Create or update one page from a row: returns ("created" | "updated" | "unchanged", page). Published at once
    (the command line; a moderator who chooses to), or saved as a draft by the user and submitted to moderation."""
    slug = text(row.get("slug")).strip()
    if not slug:
        raise RowError(_("slug is empty"))
    model = kind.model
    page = model.objects.child_of(index).filter(slug_en=slug).first()
    if page is not None:
        # A draft waiting for moderation is what the row is compared with and builds on (Wagtail's method gives the
        # page itself where there is none).
        page = page.get_latest_revision_as_object()
        current = export_row(kind, page)
        if current == {**current, **normalised(kind, row, page)}:
            return "unchanged", page
    created = page is None
    if created:
        page = model(slug=slug, slug_en=slug, slug_zh_hans=slug, owner=user, live=publish)
    for column, value in row_values(kind, row, page if not created else None).items():
        setattr(page, column, value)
    if not page.title_en:
        raise RowError(_("title_en is empty: every record needs an English title"))
    page.title = page.title_en
    apply_links(kind, page, row)
    try:
        if created:
            index.add_child(instance=page)
        else:
            page.full_clean()
        revision = page.save_revision(user=user, log_action=True)
    except ValidationError as error:
        raise RowError("%(problem)s", problem=error) from None
    if publish and not dry_run:  # a dry run is rolled back: nothing is published, nobody is told
        revision.publish(user=user)
    elif not publish and not dry_run and not page.workflow_in_progress and (workflow := page.get_workflow()):
        workflow.start(page, user)  # as the editor's "Submit for moderation" does; moderators are told by e-mail
    return ("created" if created else "updated"), page


def normalised(kind, row, page):
    """A row's known columns as export_row would write them, to tell an unchanged row."""
    values = row_values(kind, row, page)
    result = {}
    for column, value in values.items():
        type_name = kind.plain.get(column, "text")
        result[column] = FORMATTERS[type_name](value)
    for column, link in kind.links.items():
        if (cell := given(row, column)) is not None:
            result[column] = link.canonical(page, cell)  # as exported: a partner named by acronym, by its slug
    return result


def import_records(path, kind_name, dry_run=False, user=None, publish=True, rows=None):
    """Import a file (or rows already read); returns [(row number, outcome, message)]. Raises ImportFileError for
    an unreadable file. With a user, the pages are theirs: published if publish, else drafts submitted to
    moderation."""
    kind = record_kinds()[kind_name]
    rows = read_rows(path) if rows is None else rows
    report = []
    with translation.override("en"), transaction.atomic():
        index = kind.index()
        for number, row in enumerate(rows, start=1):
            try:
                unknown = check_row(kind, row)
                with transaction.atomic():
                    outcome, page = import_row(kind, index, row, user=user, publish=publish, dry_run=dry_run)
                if unknown:
                    done = Done(
                        _("%(slug)s (ignored unknown columns: %(columns)s)"), slug=page.slug_en, columns=unknown
                    )
                else:
                    done = Done("%(slug)s", slug=page.slug_en)
                report.append((number, outcome, done))
            except RowError as error:
                report.append((number, "refused", error))
            except (DatabaseError, ValueError, TypeError) as error:  # what no check above foresaw: this row only
                report.append((number, "refused", RowError(_("could not be saved: %(reason)s"), reason=error)))
        if dry_run:
            transaction.set_rollback(True)
    return report


def check_row(kind, row):
    """Refuse a row that cannot be a record whatever its values; the columns that will be ignored, as one text."""
    if None in row:  # csv.DictReader's key for fields beyond the header's
        raise RowError(_("it has more fields than the first line names"))
    if has_nul(row):
        raise RowError(_("it holds a NUL character"))
    unknown = sorted(set(row) - set(kind.columns))
    return ", ".join(unknown)


# Export --------------------------------------------------------------------------------------------------------


def export_row(kind, page):
    row = {"slug": page.slug_en}
    for name in kind.translated:
        for language in ("en", "zh_hans"):
            row[f"{name}_{language}"] = text(getattr(page, f"{name}_{language}"))
    for name, type_name in kind.plain.items():
        value = getattr(page, name)
        row[name] = FORMATTERS[type_name](value.code if name == "country" and value else value)
    for column, link in kind.links.items():
        row[column] = link.export_value(page)
    return row


def export_records(kind_name, output, file_format):
    kind = record_kinds()[kind_name]
    with translation.override("en"):
        pages = kind.model.objects.child_of(kind.index()).order_by("path")
        rows = [export_row(kind, page) for page in pages]
    if file_format == "json":
        json.dump(rows, output, ensure_ascii=False, indent=2)
        output.write("\n")
    else:
        writer = csv.DictWriter(output, fieldnames=kind.columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows({column: neutralise(value) for column, value in row.items()} for row in rows)
    return len(rows)
