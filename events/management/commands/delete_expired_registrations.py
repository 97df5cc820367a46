"""Delete the registrations whose events ended their retention period ago (EventPage.registration_retention_days):
run it daily (cron or a systemd timer: docs/deploy.md)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from events.models import Registration


class Command(BaseCommand):
    help = "Delete the registrations kept past their event's retention period."

    def handle(self, **options):
        deleted, _by_model = Registration.objects.filter(delete_after__lt=timezone.localdate()).delete()
        self.stdout.write(f"{deleted} registrations deleted.")
