from django.apps import AppConfig


class CachingConfig(AppConfig):
    name = "casted_site.caching"
    label = "caching"
    verbose_name = "Page and data caches"

    def ready(self):
        from casted_site.caching import checks, signals  # noqa: F401 (checks registers itself)

        signals.connect()
