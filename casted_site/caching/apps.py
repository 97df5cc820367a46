from django.apps import AppConfig


class CachingConfig(AppConfig):
    name = "casted_site.caching"
    label = "caching"
    verbose_name = "Page and data caches"

    def ready(self):
        from casted_site.caching import signals

        signals.connect()
