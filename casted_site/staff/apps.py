from django.apps import AppConfig


class StaffConfig(AppConfig):
    name = "casted_site.staff"
    label = "staff"
    verbose_name = "Staff roles and accounts"

    def ready(self):
        from casted_site.staff import accounts, checks, uploads  # noqa: F401 (checks registers itself)

        uploads.register()
        accounts.connect()
