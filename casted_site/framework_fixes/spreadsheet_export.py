"""Wagtail's spreadsheet export (SpreadsheetExportMixin, behind every IndexView's CSV and XLSX buttons), made safe
for personal data typed by visitors. Its XLSX keeps a cell that looks like a formula as text; its CSV does not:
a registrant named "=HYPERLINK(…)" becomes a live formula when staff open the file (CSV injection). Here a CSV
cell that starts with = + - @, a tab or a carriage return gets a leading apostrophe (OWASP's advice), and the file
starts with a byte order mark, without which Excel reads UTF-8 Chinese as mojibake.

Touches: SpreadsheetExportMixin.write_csv_row and stream_csv (not documented; tests/test_framework_fixes.py holds
their source)."""

from wagtail.admin.views.generic import IndexView

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class FormulaSafeIndexView(IndexView):
    def write_csv_row(self, writer, row_dict):
        return super().write_csv_row(writer, {field: formula_safe(value) for field, value in row_dict.items()})

    def stream_csv(self, queryset):
        yield "\ufeff"
        yield from super().stream_csv(queryset)
