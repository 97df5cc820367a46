"""Test runs: fast hashing, in-memory files, the database from DATABASE_URL or SQLite."""

import tempfile

from .base import *  # noqa: F403
from .base import os

SECRET_KEY = "test-only-secret-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="casted-test-media-")
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
LOGGING["root"]["level"] = os.environ.get("LOG_LEVEL", "WARNING")  # noqa: F405
# Tests change the database directly; the page cache is switched on only by the tests of the cache.
PAGE_CACHE_SECONDS = 0
