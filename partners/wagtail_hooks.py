"""The admin dashboard's MOU panel: memoranda expiring within the notice period, and those still recorded as active
though their expiry date has passed (manage.py notify_mou_expiry mails the same list to moderators daily)."""

from django.utils import timezone

from wagtail import hooks
from wagtail.admin.ui.components import Component

from partners.models import EXPIRY_NOTICE_DAYS, mous_needing_attention


class MouExpiryPanel(Component):
    name = "mou_expiry"
    template_name = "partners/mou_expiry_panel.html"
    order = 95

    def get_context_data(self, parent_context):
        expiring, past_expiry = mous_needing_attention(timezone.localdate())
        return {"expiring": expiring, "past_expiry": past_expiry, "days": EXPIRY_NOTICE_DAYS}


@hooks.register("construct_homepage_panels")
def add_mou_expiry_panel(request, panels):
    panels.append(MouExpiryPanel())
