from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "casted_site.core"
    label = "core"
    verbose_name = "Site-wide pieces"

    def ready(self):
        from casted_site.core import signals

        signals.connect()
