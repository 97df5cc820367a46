from django.utils.translation import gettext_lazy as _

from casted_site.core.models import SectionIndexPage


class ProjectIndexPage(SectionIndexPage):
    subpage_types = []

    class Meta:
        verbose_name = _("project index page")
