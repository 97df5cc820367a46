"""Who publishes the site: the institution's names, logo, address and contact, the share image, and the filing
numbers a site hosted in mainland China shows in its footer. Staff edit them in Settings → Institution, both
languages side by side; what is left empty is left out of the pages."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


def optional_image(verbose_name, help_text):
    """An image the settings may leave empty; deleting the image empties it."""
    return models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
    )


@register_setting(icon="home")
class InstitutionSettings(BaseSiteSetting):
    name = models.CharField(
        _("institution's name"),
        max_length=200,
        blank=True,
        help_text=_("Empty: Chinese Academy of Science and Technology for Development / 中国科学技术发展战略研究院."),
    )
    short_name = models.CharField(
        _("short name"), max_length=40, blank=True, help_text=_("Empty: CASTED. Shown in the logo's place.")
    )
    site_name = models.CharField(
        _("site's name"),
        max_length=120,
        blank=True,
        help_text=_("The office's name under the institution's. Empty: International Exchange and Cooperation."),
    )
    logo = optional_image(
        _("logo"),
        _("Shown 48 px high in the header. Empty: the short name as a wordmark."),
    )
    address = models.TextField(_("postal address"), blank=True)
    email = models.EmailField(_("contact e-mail"), blank=True)
    telephone = models.CharField(_("telephone"), max_length=40, blank=True)
    main_site_url = models.URLField(_("main site"), blank=True, help_text=_("The institution's own website."))
    copyright = models.CharField(
        _("copyright line"), max_length=200, blank=True, help_text=_("Empty: © the year and the institution's name.")
    )
    privacy_note = models.TextField(_("privacy note"), blank=True, help_text=_("One or two sentences in the footer."))
    share_image = optional_image(
        _("default share image"),
        _(
            "Shown when a page is shared and has no image of its own: cropped to 1200×630 and to a square. "
            "Empty: the site's own share image."
        ),
    )
    icp_number = models.CharField(
        _("ICP filing number (ICP备案号)"),
        max_length=60,
        blank=True,
        help_text=_("As filed, for example 京ICP备12345678号-1. Linked to beian.miit.gov.cn."),
    )
    public_security_number = models.CharField(
        _("public security filing number (公安备案号)"),
        max_length=60,
        blank=True,
        help_text=_("As filed, for example 京公网安备11010802000000号. Linked to its record at beian.mps.gov.cn."),
    )
    public_security_badge = optional_image(
        _("public security filing badge"),
        _("The badge the filing system issues, shown before the number."),
    )
    website_code = models.CharField(
        _("website identification code (网站标识码)"),
        max_length=30,
        blank=True,
        validators=[RegexValidator(r"^[A-Za-z0-9]+$", _("Letters and digits only."))],
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("site_name"), FieldPanel("logo")],
            heading=_("Identity"),
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("email"), FieldPanel("telephone"), FieldPanel("main_site_url")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("copyright"), FieldPanel("privacy_note"), FieldPanel("share_image")],
            heading=_("Footer and sharing"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("icp_number"),
                FieldPanel("public_security_number"),
                FieldPanel("public_security_badge"),
                FieldPanel("website_code"),
            ],
            heading=_("Filing numbers (mainland China)"),
        ),
    ]

    class Meta:
        verbose_name = _("institution")
