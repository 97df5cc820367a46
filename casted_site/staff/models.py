from django.db import models
from django.utils.translation import gettext_lazy as _


class MailFailure(models.Model):
    """An e-mail that could not be sent (casted_site.staff.mail)."""

    logged_at = models.DateTimeField(_("logged at"), auto_now_add=True, db_index=True)
    message = models.CharField(_("message"), max_length=500)
    reason = models.CharField(_("reason"), max_length=500, blank=True)

    class Meta:
        ordering = ["-logged_at"]
        verbose_name = _("e-mail failure")

    def __str__(self):
        return self.message
