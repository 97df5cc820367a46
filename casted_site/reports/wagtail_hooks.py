from django.urls import path, re_path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from casted_site.caching.page_cache import cached_content
from casted_site.reports.stale_translations import StaleTranslationsReportView, mark_as_reviewed, out_of_date_count
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
        path("reports/stale-translations/", StaleTranslationsReportView.as_view(), name="stale_translations"),
        path(
            "reports/stale-translations/results/",
            StaleTranslationsReportView.as_view(results_only=True),
            name="stale_translations_results",
        ),
        re_path(
            r"^reports/stale-translations/(?P<step_id>\d+)/(?P<language>en|zh_hans)/reviewed/$",
            mark_as_reviewed,
            name="stale_translation_reviewed",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_stale_translations_menu_item():
    return MenuItem(
        _("Translations out of date"),
        reverse("stale_translations"),
        name="stale-translations",
        icon_name="globe",
        order=51,
    )


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
        return {
            **dashboard_counts(),
            "url": reverse("missing_translations"),
            "out_of_date_url": reverse("stale_translations"),
        }


def dashboard_counts():
    """Counting loads every page, so the dashboard keeps the count for a few minutes; every save renews it at once:
    a page's (a new revision: the latest revision's id is part of the key) and a publish, move, deletion or
    snippet's (the page cache's generation, part of every key)."""
    from wagtail.models import Revision

    def count():
        page_languages = list(missing_translations().values())
        snippet_languages = [languages for _snippet, languages in snippets_missing_translations()]
        missing = page_languages + snippet_languages
        return {
            "count": len(missing),
            "chinese": sum("zh_hans" in languages for languages in missing),
            "english": sum("en" in languages for languages in missing),
            "out_of_date": out_of_date_count(),
        }

    latest = Revision.objects.order_by("-pk").values_list("pk", flat=True).first()
    return cached_content("missing-translations-count", count, timeout=300, in_process=False, revision=latest)


@hooks.register("construct_homepage_panels")
def add_missing_translations_panel(request, panels):
    panels.append(MissingTranslationsPanel())
