"""Run daily (cron): e-mail moderators the memoranda of understanding expiring within the notice period and those
recorded as active past their expiry date, each in their admin language. Nothing to report: nothing sent."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import ngettext

from wagtail.admin.utils import get_admin_base_url

from casted_site.staff.mail import mail_staff
from partners.models import EXPIRY_NOTICE_DAYS, mous_needing_attention


class Command(BaseCommand):
    help = "E-mail moderators the MOUs that expire soon or are shown as active past their expiry (run daily)."

    def handle(self, *args, **options):
        expiring, past_expiry = mous_needing_attention(timezone.localdate())
        if not expiring and not past_expiry:
            self.stdout.write("No memorandum needs attention.")
            return
        moderators = get_user_model().objects.filter(groups__name="Moderators", is_active=True).distinct()
        context = {
            "expiring": expiring,
            "past_expiry": past_expiry,
            "days": EXPIRY_NOTICE_DAYS,
            "base_url": get_admin_base_url(),
        }

        def subject_and_body():
            count = len(expiring) + len(past_expiry)
            subject = ngettext(
                "%(count)s memorandum of understanding needs attention",
                "%(count)s memoranda of understanding need attention",
                count,
            ) % {"count": count}
            return subject, render_to_string("partners/mou_expiry_email.txt", context)

        wanted = sum(1 for user in moderators if user.email)
        sent = mail_staff(moderators, subject_and_body)
        self.stdout.write(f"Sent to {sent} of {wanted} moderators with an e-mail address.")
        if sent < wanted:
            raise CommandError("Some e-mails could not be sent: see the log and the admin dashboard.")
