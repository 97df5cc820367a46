from django.utils.translation import gettext_lazy as _

from casted_site.core.models import SectionIndexPage


class PartnerIndexPage(SectionIndexPage):
    subpage_types = []

    class Meta:
        verbose_name = _("partner index page")


class MouIndexPage(SectionIndexPage):
    subpage_types = []

    class Meta:
        verbose_name = _("MOU index page")
