"""`manage.py check --deploy`: a production site without a shared cache is correct but slow, and says so."""

from django.conf import settings
from django.core import checks

SHARED_BACKENDS = ("RedisCache", "PyMemcacheCache", "PyLibMCCache", "DatabaseCache")


@checks.register(checks.Tags.caches, deploy=True)
def shared_cache(app_configs, **kwargs):
    backend = settings.CACHES[settings.PAGE_CACHE_ALIAS]["BACKEND"]
    if backend.endswith(SHARED_BACKENDS):
        return []
    return [
        checks.Warning(
            f"The cache is {backend.rsplit('.', 1)[-1]}, not one every worker shares: pages and the data built from "
            "published content are built anew on each request, and the throttles of page passwords and password "
            "resets count nothing.",
            hint="Set REDIS_URL (docs/deploy.md).",
            id="casted.W001",
        )
    ]
