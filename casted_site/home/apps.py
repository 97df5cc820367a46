from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "casted_site.home"
    label = "home"
    verbose_name = "Home page"
