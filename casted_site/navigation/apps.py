from django.apps import AppConfig


class NavigationConfig(AppConfig):
    name = "casted_site.navigation"
    label = "navigation"
    verbose_name = "Menus, breadcrumbs, language switch and search-engine files"
