from django.apps import AppConfig


class SchemaConfig(AppConfig):
    """Holds the migrate command only: listed before wagtail-modeltranslation's, so that ours is the one run."""

    name = "casted_site.schema"
    label = "casted_schema"
    verbose_name = "Database indexes"
