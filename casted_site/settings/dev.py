"""Local development: DEBUG on, SQLite by default, a throwaway secret key."""

from .base import *  # noqa: F403
from .base import os

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-never-used-in-production"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0"))  # see edits at once while developing
