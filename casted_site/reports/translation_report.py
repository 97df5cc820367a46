"""The "Missing translations" report: every page whose English or Chinese title, summary or main text is empty
while the other language has it (a missing title always counts), with the language missing, the section, the
last editor and a link to edit it. Filterable by section and language, exportable as CSV and XLSX."""

import datetime

import django_filters

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
    """{page id: ["en" and/or "zh_hans"]} for every page of the site lacking a language."""
    pages = Page.objects.filter(depth__gt=1).specific()
    return {page.pk: missing for page in pages if (missing := languages_missing(page, checked_fields(type(page))))}


SNIPPETS_SECTION = "snippets"


def section_choices():
    sections = [(page.slug_en, page.title) for page in Page.objects.filter(depth=3).order_by("path")]
    return [*sections, (SNIPPETS_SECTION, _("Snippets"))]


class MissingTranslationsFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(
        label=_("Language missing"), choices=LANGUAGES, method="filter_language", empty_label=_("Either")
    )
    section = django_filters.ChoiceFilter(
        label=_("Section"), choices=section_choices, method="filter_section", empty_label=_("All sections")
    )

    class Meta:
        model = Page
        fields = []

    def filter_language(self, queryset, _name, value):
        missing = self.request.missing_translations
        return queryset.filter(pk__in=[pk for pk, languages in missing.items() if value in languages])

    def filter_section(self, queryset, _name, value):
        section = Page.objects.filter(depth=3, slug_en=value).first()
        return queryset.filter(path__startswith=section.path) if section else queryset.none()


class SnippetRow:
    """A translated snippet lacking a language, shaped like a decorated page row."""

    def __init__(self, snippet, missing, labels):
        from wagtail.admin.admin_url_finder import AdminURLFinder

        self.title = str(snippet)
        self.section = str(_("%(snippets)s (snippets)") % {"snippets": snippet._meta.verbose_name_plural})
        self.type_label = snippet._meta.verbose_name
        self.missing_languages = [labels[language] for language in missing]
        self.missing_display = ", ".join(str(label) for label in self.missing_languages)
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


class MissingTranslationsReportView(ReportView):
    page_title = _("Missing translations")
    header_icon = "globe"
    results_template_name = "reports/missing_translations_results.html"
    index_url_name = "missing_translations"
    index_results_url_name = "missing_translations_results"
    filterset_class = MissingTranslationsFilterSet
    paginate_by = 50
    list_export = ["title", "section", "missing_display", "last_editor", "latest_revision_created_at", "edit_url"]
    export_headings = {
        "title": _("Title"),
        "section": _("Section"),
        "missing_display": _("Language missing"),
        "last_editor": _("Last edited by"),
        "latest_revision_created_at": _("Last edited at"),
        "edit_url": _("Edit"),
    }

    def preprocess_field_value(self, field, value, export_format):
        # Wagtail's XLSX export already writes formula-looking cells as text; its CSV export does not.
        value = super().preprocess_field_value(field, value, export_format)
        return neutralise(value) if export_format == self.FORMAT_CSV else value

    def get_filename(self):
        return f"missing-translations-{datetime.date.today():%Y-%m-%d}"

    @cached_property
    def missing(self):
        return missing_translations()

    def get_queryset(self):
        self.request.missing_translations = self.missing
        return (
            Page.objects.filter(pk__in=self.missing)
            .select_related("latest_revision__user", "content_type")
            .order_by("path")
        )

    def get_filtered_queryset(self):
        """The pages the filters pick, then the snippets they pick (snippets have no section but their own)."""
        pages = list(super().get_filtered_queryset())
        data = self.filters.form.cleaned_data if self.filters and self.filters.is_valid() else {}
        if data.get("section") not in (None, "", SNIPPETS_SECTION):
            return pages
        if data.get("section") == SNIPPETS_SECTION:
            pages = []
        labels = dict(LANGUAGES)
        language = data.get("language")
        snippets = [
            SnippetRow(snippet, missing, labels)
            for snippet, missing in snippets_missing_translations()
            if not language or language in missing
        ]
        return pages + snippets

    def decorate_paginated_queryset(self, pages):
        from django.urls import reverse

        pages = list(pages)
        sections = {page.path: page.title for page in Page.objects.filter(depth=3)}
        labels = dict(LANGUAGES)
        for page in pages:
            if isinstance(page, SnippetRow):
                page.edit_url = self.request.build_absolute_uri(page.admin_url)
                continue
            page.type_label = page.content_type.model_class()._meta.verbose_name
            page.admin_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
            page.missing_languages = [labels[language] for language in self.missing.get(page.pk, [])]
            page.missing_display = ", ".join(str(label) for label in page.missing_languages)
            page.section = sections.get(page.path[:12], "") if page.depth >= 3 else ""
            revision = page.latest_revision
            page.last_editor = revision.user.get_username() if revision and revision.user else ""
            page.edit_url = self.request.build_absolute_uri(page.admin_url)
        return pages
