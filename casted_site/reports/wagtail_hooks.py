from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from casted_site.caching.page_cache import cached_content
from casted_site.reports.translation_report import (
    MissingTranslationsReportView,
    missing_translations,
    snippets_missing_translations,
)


@hooks.register("register_admin_urls")
def register_missing_translations_urls():
    return [
        path(
            "reports/missing-translations/",
            MissingTranslationsReportView.as_view(),
            name="missing_translations",
        ),
        path(
            "reports/missing-translations/results/",
            MissingTranslationsReportView.as_view(results_only=True),
            name="missing_translations_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_missing_translations_menu_item():
    return MenuItem(
        _("Missing translations"),
        reverse("missing_translations"),
        name="missing-translations",
        icon_name="globe",
        order=50,
    )


class MissingTranslationsPanel(Component):
    """On the admin dashboard: how many pages lack a language, with a link to the report."""

    name = "missing_translations"
    template_name = "reports/missing_translations_panel.html"
    order = 90

    def get_context_data(self, parent_context):
        return {**dashboard_counts(), "url": reverse("missing_translations")}


def dashboard_counts():
    """Counting loads every page, so the dashboard keeps the count for a few minutes; publishing, unpublishing,
    moving, deleting or saving a snippet renews it at once (it shares the page cache's generation)."""

    def count():
        page_languages = list(missing_translations().values())
        snippet_languages = [languages for _snippet, languages in snippets_missing_translations()]
        missing = page_languages + snippet_languages
        return {
            "count": len(missing),
            "chinese": sum("zh_hans" in languages for languages in missing),
            "english": sum("en" in languages for languages in missing),
        }

    return cached_content("missing-translations-count", count, timeout=300, in_process=False)


@hooks.register("construct_homepage_panels")
def add_missing_translations_panel(request, panels):
    panels.append(MissingTranslationsPanel())
