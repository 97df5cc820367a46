"""`manage.py check --deploy`: a site whose staff cannot get a password reset or a moderation notice says so."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def mail_server(app_configs, **kwargs):
    if settings.EMAIL_BACKEND.endswith("smtp.EmailBackend") and not settings.EMAIL_HOST:
        return [
            checks.Warning(
                "EMAIL_HOST is not set: password resets and moderation notifications cannot be sent.",
                hint="Set EMAIL_HOST and the other EMAIL_ variables (docs/deploy.md).",
                id="casted.W002",
            )
        ]
    return []
