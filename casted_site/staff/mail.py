"""A failed e-mail is never silent. Django (password resets) and Wagtail (moderation notifications) log a failed
send and go on; this logging handler also keeps each failure in the database, and the admin dashboard shows those
of the last week to staff (wagtail_hooks.py), with the reason, so that someone fixes the mail settings."""

import logging

# The loggers Django and Wagtail report a failed send to (django/contrib/auth/forms.py, wagtail/admin/mail.py).
MAIL_LOGGERS = ("django.contrib.auth", "wagtail.admin")


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
