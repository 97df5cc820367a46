"""Settings shared by every environment. Deploy-specific values come from the environment."""

import os
from pathlib import Path

import dj_database_url

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    """A comma-separated environment variable as a list, blanks dropped."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def database_from_env(default_url):
    url = os.environ.get("DATABASE_URL") or default_url
    try:
        # Health checks: a kept connection that died with the database is replaced on the next request.
        database = dj_database_url.parse(
            url, conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")), conn_health_checks=True
        )
    except ValueError as error:
        raise ImproperlyConfigured(f"DATABASE_URL is not a database URL we can use: {error}") from error
    if database["ENGINE"] == "django.db.backends.postgresql":
        # A database that hangs must not hold a worker until gunicorn kills it: libpq gives up connecting after
        # DB_CONNECT_TIMEOUT seconds, and the server cancels a statement after DB_STATEMENT_TIMEOUT milliseconds
        # (0: never, for a long migration). Either raises OperationalError, which visitors meet as the 503 page.
        database.setdefault("OPTIONS", {}).update(
            connect_timeout=int(os.environ.get("DB_CONNECT_TIMEOUT", "3")),
            options=f"-c statement_timeout={int(os.environ.get('DB_STATEMENT_TIMEOUT', '10000'))}",
        )
    elif database["ENGINE"] == "django.db.backends.sqlite3":
        # Development: the admin's autosave and a save write at once. WAL lets reads go on during a write; an
        # IMMEDIATE transaction takes the write lock when it begins, so a second writer waits for it (up to 20 s)
        # instead of failing with "database is locked" when its transaction, begun as a read, tries to write.
        database.setdefault("OPTIONS", {}).update(
            init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            transaction_mode="IMMEDIATE",
            timeout=20,
        )
    return database


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Our migrate: wagtail-modeltranslation's, then the indexes on Wagtail's tables (casted_site/schema).
    "casted_site.schema",
    # wagtail-modeltranslation patches Page and overrides makemigrations/migrate: it goes first after that.
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    # Replacements of framework behaviour, applied once every page model exists: after wagtail-modeltranslation.
    "casted_site.framework_fixes",
    "casted_site.caching",
    "casted_site.navigation",
    "casted_site.reports",
    "casted_site.records",
    "casted_site.staff",
    "casted_site.seed",
    "casted_site.institution",
    "casted_site.home",
    "projects",
    "partners",
    "events",
    "news",
    "publications",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_countries",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside everything that can fail (the page cache reads Redis): every answer carries the headers, error pages too.
    "casted_site.operations.middleware.SecurityHeadersMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "casted_site.caching.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "casted_site.framework_fixes.site.CachedSiteMiddleware",
    # A 404 for a page's URL with another language's slugs: redirected to its URL in this language.
    "casted_site.navigation.middleware.OtherLanguageSlugMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its own answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "casted_site.urls"
WSGI_APPLICATION = "casted_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {"default": database_from_env(f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Where a login with no (or an unsafe) ?next= lands: the site, not Django's /accounts/profile/ (a 404 here).
LOGIN_REDIRECT_URL = "/"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # counts failed logins and refuses a locked-out one
    "django.contrib.auth.backends.ModelBackend",
]
# Admin login: after 5 failures for one user name from one address, that pair waits an hour.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes_lockout.html"
AXES_VERBOSE = False
# Who a visitor is, for axes and for casted_site/operations/throttle.py alike (django-ipware): with no proxy in
# front, the socket's address only; a header a visitor sends proves nothing. production.py trusts its proxy.
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English is the default and the fallback for any untranslated field.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("zh-hans", _("Simplified Chinese"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["casted_site.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Shanghai"
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "zh-hans")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
# Both languages side by side in the editor, always: no picker (it finds a field's language by the "[en]" suffix
# of its label, which the label below replaces).
WAGTAILMODELTRANSLATION_LOCALE_PICKER = False


def label_in_language(verbose_name, language):
    """A translated field's label in the admin: "Title (English)", "标题（中文）", each language by its own name."""
    from django.utils.translation import get_language

    own_name = {"en": "English", "zh_hans": "中文", "zh-hans": "中文"}.get(language, language)
    if (get_language() or "").startswith("zh"):
        return f"{verbose_name}（{own_name}）"
    return f"{verbose_name} ({own_name})"


MODELTRANSLATION_BUILD_LOCALIZED_VERBOSE_NAME = label_in_language

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = _("CASTED International Cooperation")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # avatars are uploaded here or the default one: nothing from abroad
WAGTAIL_I18N_ENABLED = False  # one page tree; the languages live in modeltranslation's columns
# SEARCH_CONFIG: PostgreSQL stems English words ("workshops" finds "workshop"); SQLite's stemming is the porter
# tokenizer our migrate gives its full-text table (casted_site/schema). After a change, run update_index.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "casted_site.framework_fixes.search_backend", "SEARCH_CONFIG": "english"}
}
# A page shared with a password asks for it in the site's own layout and language.
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "password_required.html"  # noqa: S105 - a template name
# Every document's content is checked against its extension, on every upload path (casted_site/staff/uploads.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "casted_site.staff.uploads.CheckedDocumentForm"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "pptx", "txt", "csv"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# An image over 40 megapixels is refused at upload (a 121-megapixel one took 8 s to open in the admin).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]

# Security headers every environment sends; production adds HTTPS-only ones.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Every asset of the public site is self-hosted and no inline script is used.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "font-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'"
)
# The Wagtail admin still relies on inline scripts and styles.
CONTENT_SECURITY_POLICY_ADMIN = (
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self' 'unsafe-inline'; font-src 'self' data:; frame-ancestors 'self'; "
    "base-uri 'self'; form-action 'self'; object-src 'none'"
)

# E-mail (password resets, moderation notifications) through an SMTP server from the environment. A failed send
# is logged (django.contrib.auth, wagtail.admin) and shown to staff on the dashboard (casted_site.staff.mail).
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Tasks (django-tasks, which Wagtail 8 brings): Wagtail's own run at once, as before; e-mail to visitors goes
# through a queue in the database, worked by `manage.py db_worker --backend mail` (events/tasks.py).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "mail": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}

# Caches: Redis shared by every app server when REDIS_URL is set, this process's memory otherwise.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's RedisCache, degrading to uncached pages while Redis is down or slow (half a second at most).
            "BACKEND": "casted_site.caching.resilient_redis.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
            "KEY_PREFIX": os.environ.get("REDIS_KEY_PREFIX", ""),  # for sites (or test runs) sharing one Redis
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "casted"}}
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_EXCLUDED_PATHS = ("/admin/", "/documents/", "/healthz", "/media/", "/static/")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "mail_failures": {"class": "casted_site.staff.mail.MailFailureHandler", "level": "ERROR"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # A failed e-mail, also kept for the admin dashboard (casted_site.staff.mail).
        "django.contrib.auth": {"handlers": ["console", "mail_failures"], "level": "INFO", "propagate": False},
        "wagtail.admin": {"handlers": ["console", "mail_failures"], "level": "INFO", "propagate": False},
        "casted_site.mail": {"handlers": ["console", "mail_failures"], "level": "INFO", "propagate": False},
    },
}
