from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "casted_site.reports"
    label = "reports"
    verbose_name = "Staff reports"

    def ready(self):
        from casted_site.reports import translation_steps

        translation_steps.connect()
