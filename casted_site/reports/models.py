from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class TranslationStep(models.Model):
    """Whether a page's or snippet's two languages are in step (casted_site/reports/translation_steps.py).

    `texts` holds each language's texts as last saved; `baselines` holds, for each language, the other language's
    texts as they were when this one last changed or was marked as reviewed. A language whose baseline differs from
    the other language's texts now may be out of date, and the difference is what changed since."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    texts = models.JSONField(default=dict)
    baselines = models.JSONField(default=dict)
    changed_at = models.JSONField(default=dict, help_text="When each language's texts last changed (ISO 8601).")
    reviewed_by = models.JSONField(default=dict, help_text="Who last marked each language as reviewed.")

    class Meta:
        verbose_name = _("translation step")
        constraints = [models.UniqueConstraint(fields=["content_type", "object_id"], name="one_step_per_object")]

    def __str__(self):
        return f"{self.content_type} {self.object_id}"
