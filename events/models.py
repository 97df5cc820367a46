from django.utils.translation import gettext_lazy as _

from casted_site.core.models import SectionIndexPage


class EventIndexPage(SectionIndexPage):
    subpage_types = []

    class Meta:
        verbose_name = _("event index page")
