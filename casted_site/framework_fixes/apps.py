from django.apps import AppConfig


class FrameworkFixesConfig(AppConfig):
    name = "casted_site.framework_fixes"
    label = "framework_fixes"
    verbose_name = "Fixes to framework behaviour"

    def ready(self):
        from casted_site.framework_fixes import apply

        apply()
