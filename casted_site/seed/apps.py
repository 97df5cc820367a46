from django.apps import AppConfig


class SeedConfig(AppConfig):
    name = "casted_site.seed"
    label = "seed"
    verbose_name = "Initial and synthetic content"
