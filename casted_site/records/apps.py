from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "casted_site.records"
    label = "records"
    verbose_name = "Import and export of records"
