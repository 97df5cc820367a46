from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from casted_site.core.blocks import BodyBlock
from casted_site.core.seo import casted_organisation


class HomePage(Page):
    """The site root: introduces CASTED's international cooperation and leads to each section."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("The opening paragraph under the site's title."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "projects.ProjectIndexPage",
        "partners.PartnerIndexPage",
        "partners.MouIndexPage",
        "events.EventIndexPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def structured_data(self, request):
        return casted_organisation(request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_children().live().public().specific()
        return context
