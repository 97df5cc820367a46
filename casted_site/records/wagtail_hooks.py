from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from casted_site.records.admin_views import ImportView, export_url, export_view, kinds_for


@hooks.register("register_admin_urls")
def register_records_urls():
    return [
        path("records/import/", ImportView.as_view(), name="records_import"),
        path("records/export/<slug:kind_name>/<slug:file_format>/", export_view, name="records_export"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(kinds_for(request.user))


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(_("Import"), reverse("records_import"), name="records-import", icon_name="upload", order=850)


@hooks.register("register_page_header_buttons")
def section_import_and_export_buttons(page, user, view_name, next_url=None):
    """On a section's index page in the page explorer: export its records, or import some."""
    for name, kind in kinds_for(user).items():
        if page.specific_class is not kind.index_model:
            continue
        yield Button(_("Export as CSV"), url=export_url(name, "csv"), icon_name="download", priority=80)
        yield Button(_("Export as JSON"), url=export_url(name, "json"), icon_name="download", priority=81)
        yield Button(
            _("Import records"), url=f"{reverse('records_import')}?kind={name}", icon_name="upload", priority=82
        )
