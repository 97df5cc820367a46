"""A failed e-mail is never silent. Django (password resets) and Wagtail (moderation notifications) log a failed
send and go on; this logging handler also keeps each failure in the database, and the admin dashboard shows those
of the last week to staff (wagtail_hooks.py), with the reason, so that someone fixes the mail settings."""

import logging

# The loggers Django and Wagtail report a failed send to (django/contrib/auth/forms.py, wagtail/admin/mail.py),
# and ours (mail_staff, below).
MAIL_LOGGERS = ("django.contrib.auth", "wagtail.admin", "casted_site.mail")
logger = logging.getLogger("casted_site.mail")


def mail_staff(users, subject_and_body):
    """E-mail each active user with an address, in their admin language: subject_and_body() is called with that
    language active. Returns how many were sent; a failure is logged (and so shown on the dashboard)."""
    from django.core.mail import send_mail
    from django.utils import translation

    from wagtail.users.models import UserProfile

    sent = 0
    for user in users:
        if not user.is_active or not user.email:
            continue
        with translation.override(UserProfile.get_for_user(user).get_preferred_language()):
            subject, body = subject_and_body()
        try:
            sent += send_mail(subject, body, None, [user.email])
        except Exception:  # noqa: BLE001 - any failure of the mail server: logged, and the others still tried
            logger.exception("Failed to send e-mail to %s", user.get_username())
    return sent


class MailFailureHandler(logging.Handler):
    def emit(self, record):
        message = record.getMessage()
        if "mail" not in message.lower():
            return
        reason = f"{record.exc_info[1]}" if record.exc_info and record.exc_info[1] else ""
        try:
            from casted_site.staff.models import MailFailure  # a handler is made before the models are loaded

            MailFailure.objects.create(message=message[:500], reason=reason[:500])
        except Exception:  # noqa: BLE001 - the database may be what failed; the log line stays
            self.handleError(record)
