from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "casted_site.reports"
    label = "reports"
    verbose_name = "Staff reports"
