from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InstitutionConfig(AppConfig):
    name = "casted_site.institution"
    label = "institution"
    verbose_name = _("Institution")
