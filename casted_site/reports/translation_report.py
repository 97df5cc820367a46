"""The admin's translation reports, on one base (BilingualReportView): a row per page or translated snippet with
the languages concerned, the section, the last editor and a link to edit it; filtered by section and language;
exported as CSV (with a byte-order mark, so that Excel reads the Chinese, formula-safe cells and dates in the
admin's language) and XLSX (dates in the site's time zone).

- "Missing translations": every page whose English or Chinese title, summary or main text is empty while the
  other language has it (a missing title always counts).
- "Translations out of date" (stale_translations.py): a language the other one changed after."""

import datetime

import django_filters

from django.utils import formats, timezone, translation
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from modeltranslation.translator import translator
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from casted_site.records.csv_cells import neutralise

LANGUAGES = [("en", _("English")), ("zh_hans", _("Chinese"))]
CHECKED_FIELDS = ("title", "summary", "intro", "body", "description", "scope")


def has_text(value):
    if hasattr(value, "raw_data"):  # a StreamField: it has text when it has blocks
        return len(value) > 0
    return bool(strip_tags(str(value or "")).strip())


def checked_fields(model):
    translated = translator.get_options_for_model(model).all_fields
    return [name for name in CHECKED_FIELDS if name in translated]


def languages_missing(record, fields, names=("title", "name")):
    """The languages of a record lacking a text the other language has; an empty title or name always counts."""
    missing = []
    for language, other in (("en", "zh_hans"), ("zh_hans", "en")):
        for name in fields:
            mine, theirs = has_text(getattr(record, f"{name}_{language}")), has_text(getattr(record, f"{name}_{other}"))
            if not mine and (theirs or name in names):
                missing.append(language)
                break
    return missing


def missing_translations():
    """{page id: ["en" and/or "zh_hans"]} for every page of the site lacking a language, as last saved: a live
    page's draft (its latest revision) counts, not only what is published."""
    pages = Page.objects.filter(depth__gt=1).specific()
    return {
        page.pk: missing
        for page in pages
        if (missing := languages_missing(page.get_latest_revision_as_object(), checked_fields(type(page))))
    }


SNIPPETS_SECTION = "snippets"


def section_choices():
    sections = [(page.slug_en, page.title) for page in Page.objects.filter(depth=3).order_by("path")]
    return [*sections, (SNIPPETS_SECTION, _("Snippets"))]


class TranslationReportFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=LANGUAGES, method="filter_language", empty_label=_("Either")
    )
    section = django_filters.ChoiceFilter(
        label=_("Section"), choices=section_choices, method="filter_section", empty_label=_("All sections")
    )

    class Meta:
        model = Page
        fields = []

    def filter_language(self, queryset, _name, value):
        languages = self.request.report_languages
        return queryset.filter(pk__in=[pk for pk, codes in languages.items() if value in codes])

    def filter_section(self, queryset, _name, value):
        section = Page.objects.filter(depth=3, slug_en=value).first()
        return queryset.filter(path__startswith=section.path) if section else queryset.none()


class SnippetRow:
    """A translated snippet in a report, shaped like a decorated page row."""

    def __init__(self, snippet, languages):
        from wagtail.admin.admin_url_finder import AdminURLFinder

        self.snippet = snippet
        self.pk = snippet.pk
        self.title = str(snippet)
        self.section = str(_("%(snippets)s (snippets)") % {"snippets": snippet._meta.verbose_name_plural})
        self.type_label = snippet._meta.verbose_name
        self.languages = languages
        self.last_editor = ""
        self.latest_revision_created_at = None
        self.admin_url = AdminURLFinder().get_edit_url(snippet)


def translated_snippet_models():
    """[(snippet model, its translated text fields)] for every registered snippet model that modeltranslation
    translates."""
    from wagtail.snippets.models import get_snippet_models

    registered = set(translator.get_registered_models())
    return [
        (model, sorted(translator.get_options_for_model(model).fields))
        for model in get_snippet_models()
        if model in registered
    ]


def snippets_missing_translations():
    """[(snippet, ["en" and/or "zh_hans"])] for the translated snippets (research fields, say) lacking a language."""
    return [
        (snippet, missing)
        for model, fields in translated_snippet_models()
        for snippet in model.objects.all()
        if (missing := languages_missing(snippet, fields))
    ]


class BilingualReportView(ReportView):
    """A report of pages and snippets, each with the languages it concerns: a subclass gives page_languages
    ({page id: [languages]}) and snippet_languages ([(snippet, [languages])])."""

    header_icon = "globe"
    filterset_class = TranslationReportFilterSet
    paginate_by = 50
    language_heading = _("Language")
    list_export = ["title", "section", "languages_display", "last_editor", "latest_revision_created_at", "edit_url"]

    @property
    def export_headings(self):
        return {
            "title": _("Title"),
            "section": _("Section"),
            "languages_display": self.language_heading,
            "last_editor": _("Last edited by"),
            "latest_revision_created_at": _("Last edited at"),
            "edit_url": _("Edit"),
        }

    def page_languages(self):
        raise NotImplementedError

    def snippet_languages(self):
        raise NotImplementedError

    def decorate(self, row):
        """A subclass's own attributes on a row (pages and snippets alike)."""

    def get_queryset(self):
        self.request.report_languages = self.languages
        return (
            Page.objects.filter(pk__in=self.languages)
            .select_related("latest_revision__user", "content_type")
            .order_by("path")
        )

    @cached_property
    def languages(self):
        return self.page_languages()

    def get_filtered_queryset(self):
        """The pages the filters pick, then the snippets they pick (snippets have no section but their own)."""
        pages = list(super().get_filtered_queryset())
        data = self.filters.form.cleaned_data if self.filters and self.filters.is_valid() else {}
        if data.get("section") not in (None, "", SNIPPETS_SECTION):
            return pages
        if data.get("section") == SNIPPETS_SECTION:
            pages = []
        language = data.get("language")
        snippets = [
            SnippetRow(snippet, languages)
            for snippet, languages in self.snippet_languages()
            if not language or language in languages
        ]
        return pages + snippets

    def decorate_paginated_queryset(self, rows):
        from django.urls import reverse

        rows = list(rows)
        sections = {page.path: page.title for page in Page.objects.filter(depth=3)}
        labels = dict(LANGUAGES)
        for row in rows:
            if not isinstance(row, SnippetRow):
                row.type_label = row.content_type.model_class()._meta.verbose_name
                row.admin_url = reverse("wagtailadmin_pages:edit", args=(row.pk,))
                row.languages = self.languages.get(row.pk, [])
                row.section = sections.get(row.path[:12], "") if row.depth >= 3 else ""
                revision = row.latest_revision
                row.last_editor = revision.user.get_username() if revision and revision.user else ""
            row.language_labels = [labels[language] for language in row.languages]
            row.languages_display = ", ".join(str(label) for label in row.language_labels)
            row.edit_url = self.request.build_absolute_uri(row.admin_url)
            self.decorate(row)
        return rows

    # Exports

    def preprocess_field_value(self, field, value, export_format):
        if isinstance(value, datetime.datetime):
            value = timezone.localtime(value)  # the site's time zone, not UTC
            if export_format == self.FORMAT_CSV:
                return formats.date_format(value, "DATETIME_FORMAT")
            return timezone.make_naive(value)
        value = super().preprocess_field_value(field, value, export_format)
        # Wagtail's XLSX export already writes formula-looking cells as text; its CSV export does not.
        return neutralise(value) if export_format == self.FORMAT_CSV else value

    def write_csv_response(self, queryset):
        self.csv_language = translation.get_language()  # the admin's, while the view runs
        return super().write_csv_response(queryset)

    def stream_csv(self, queryset):
        """A UTF-8 byte-order mark first (Excel reads the file as Chinese, not as Latin-1), and every row in the
        admin's language: the rows are written after the view has returned, when its language is no longer on."""
        language = self.csv_language
        yield "\ufeff"
        rows = super().stream_csv(queryset)
        while True:
            with translation.override(language):
                row = next(rows, None)
            if row is None:
                return
            yield row

    def get_filename(self):
        return f"{self.index_url_name.replace('_', '-')}-{datetime.date.today():%Y-%m-%d}"


class MissingTranslationsReportView(BilingualReportView):
    page_title = _("Missing translations")
    results_template_name = "reports/missing_translations_results.html"
    index_url_name = "missing_translations"
    index_results_url_name = "missing_translations_results"
    language_heading = _("Language missing")

    def page_languages(self):
        return missing_translations()

    def snippet_languages(self):
        return snippets_missing_translations()
