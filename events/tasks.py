"""The registration confirmation e-mail, sent by a worker from the database-backed task queue (django-tasks' "mail"
backend: `manage.py db_worker --backend mail`), so that a slow or failing mail server never holds up or loses a
registration. A failed send is tried again later, up to MAX_ATTEMPTS; every failure is kept on the registration
(the Registrations screen shows it) and logged to casted_site.mail (the dashboard's list of failed e-mails)."""

import datetime
import logging

from django_tasks import task

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation

logger = logging.getLogger("casted_site.mail")

MAX_ATTEMPTS = 5
RETRY_AFTER_MINUTES = (1, 5, 30, 120)  # after the 1st, 2nd, 3rd and 4th failure


@task(backend="mail")
def send_registration_confirmation(registration_id):
    from events.models import Registration

    registration = Registration.objects.filter(pk=registration_id).select_related("event").first()
    if registration is None or registration.confirmation_sent_at:  # deleted meanwhile, or sent already
        return
    try:
        with translation.override(registration.language):
            subject, body = confirmation_message(registration)
        send_mail(subject, body, None, [registration.email])
    except Exception as error:  # noqa: BLE001 - any failure of the mail server: kept, and tried again
        note_failure(registration, error)
        return
    registration.confirmation_sent_at = timezone.now()
    registration.confirmation_error = ""
    registration.save(update_fields=["confirmation_sent_at", "confirmation_error"])


def note_failure(registration, error):
    registration.confirmation_attempts += 1
    registration.confirmation_error = f"{type(error).__name__}: {error}"[:500]
    registration.save(update_fields=["confirmation_attempts", "confirmation_error"])
    attempt = registration.confirmation_attempts
    again = attempt < MAX_ATTEMPTS
    logger.error(
        "Failed to send the registration e-mail to registration %s for %s (attempt %s of %s%s)",
        registration.pk,
        registration.event,
        attempt,
        MAX_ATTEMPTS,
        ", tried again later" if again else ", given up",
        exc_info=error,
    )
    if again:
        run_after = timezone.now() + datetime.timedelta(minutes=RETRY_AFTER_MINUTES[attempt - 1])
        send_registration_confirmation.using(run_after=run_after).enqueue(registration.pk)


def confirmation_message(registration):
    """The subject and text of the confirmation, in the active language (the registrant's)."""
    event = registration.event
    context = {
        "registration": registration,
        "event": event,
        "url": event.get_full_url(),
        "online_url": event.online_url if event.attendance != "in-person" else "",
    }
    subject = render_to_string("events/mail/confirmation_subject.txt", context).strip()
    return subject, render_to_string("events/mail/confirmation.txt", context)
