"""Settings come from the environment; production passes Django's deployment checklist."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "casted_site.settings.production",
    "SECRET_KEY": "x" * 20 + "-a-long-random-production-secret-for-tests-only-" + "y" * 20,
    "ALLOWED_HOSTS": "casted.example.org,www.casted.example.org",
    "DATABASE_URL": "sqlite:///:memory:",
}


def run_python(code, **env):
    """Run code in a fresh interpreter, so settings are read from the given environment."""
    full_env = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "SECRET_KEY"}}
    full_env.update(env)
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=120
    )


def settings_value(expression, **env):
    env.setdefault("DJANGO_SETTINGS_MODULE", "casted_site.settings.dev")
    code = f"import django; django.setup(); from django.conf import settings; print(repr(({expression})))"
    result = run_python(code, **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_database_url_selects_postgresql():
    url = "postgres://casted:secret@db.internal:5433/casted"
    engine = settings_value(
        "settings.DATABASES['default']['ENGINE'], settings.DATABASES['default']['HOST']", DATABASE_URL=url
    )
    assert engine == "('django.db.backends.postgresql', 'db.internal')"


def test_postgresql_gives_up_connecting_and_cancels_long_statements():
    """What a hanging database is met with (tests/test_resilience.py has it hang for real on PostgreSQL)."""
    url = "postgres://casted:secret@db.internal:5433/casted?sslmode=require"
    options = settings_value("settings.DATABASES['default']['OPTIONS']", DATABASE_URL=url)
    assert options == "{'sslmode': 'require', 'connect_timeout': 3, 'options': '-c statement_timeout=10000'}"
    options = settings_value(
        "settings.DATABASES['default']['OPTIONS']", DATABASE_URL=url, DB_CONNECT_TIMEOUT="5", DB_STATEMENT_TIMEOUT="0"
    )
    assert options == "{'sslmode': 'require', 'connect_timeout': 5, 'options': '-c statement_timeout=0'}"


def test_sqlite_is_the_default_database():
    value = settings_value("settings.DATABASES['default']['ENGINE'], str(settings.DATABASES['default']['NAME'])")
    assert "sqlite3" in value and "db.sqlite3" in value


SIMULTANEOUS_WRITES = """
import threading, time, django
django.setup()
from django.db import connection, transaction
with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE IF NOT EXISTS note (id INTEGER PRIMARY KEY, text TEXT)")
errors = []
def save(text, pause):
    try:
        with transaction.atomic():  # as a save does: read first, then write
            with connection.cursor() as cursor:
                cursor.execute("SELECT COUNT(*) FROM note")
                time.sleep(pause)
                cursor.execute("INSERT INTO note (text) VALUES (%s)", [text])
    except Exception as error:
        errors.append(repr(error))
    finally:
        connection.close()
threads = [threading.Thread(target=save, args=(text, 0.5)) for text in ("save draft", "autosave", "publish")]
[thread.start() for thread in threads]
[thread.join() for thread in threads]
with connection.cursor() as cursor:
    cursor.execute("SELECT COUNT(*) FROM note")
    print(errors, cursor.fetchone()[0])
    cursor.execute("PRAGMA journal_mode")
    print(cursor.fetchone()[0])
"""


def test_sqlite_lets_simultaneous_saves_wait_for_each_other(tmp_path):
    """Development's SQLite: three saves at once, each reading before it writes (as the admin's save draft and its
    autosave do), all succeed; without IMMEDIATE transactions two of them failed with "database is locked"."""
    result = run_python(
        SIMULTANEOUS_WRITES, DJANGO_SETTINGS_MODULE="casted_site.settings.dev", DATABASE_URL=f"sqlite:///{tmp_path}/db"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["[]", "3", "wal"]


def test_allowed_hosts_media_and_static_roots_come_from_the_environment(tmp_path):
    value = settings_value(
        "settings.ALLOWED_HOSTS, str(settings.MEDIA_ROOT), str(settings.STATIC_ROOT)",
        ALLOWED_HOSTS=" a.example.org, b.example.org ,",
        MEDIA_ROOT=str(tmp_path / "media"),
        STATIC_ROOT=str(tmp_path / "static"),
    )
    assert value == str((["a.example.org", "b.example.org"], str(tmp_path / "media"), str(tmp_path / "static")))


def test_production_refuses_to_start_without_a_secret_key():
    result = run_python(
        "import django; django.setup()",
        **{**PRODUCTION_ENV, "SECRET_KEY": ""},
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def check_deploy(**env):
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**os.environ, **PRODUCTION_ENV, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_passes_the_deployment_checklist():
    result = check_deploy(REDIS_URL="redis://cache.internal:6379/0", EMAIL_HOST="mail.internal")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_without_a_shared_cache_keeps_nothing_between_requests_and_the_checklist_says_so():
    backend = settings_value("settings.CACHES['default']['BACKEND']", **PRODUCTION_ENV, REDIS_URL="")
    assert backend == "'django.core.cache.backends.dummy.DummyCache'"
    result = check_deploy(REDIS_URL="", EMAIL_HOST="mail.internal")
    assert result.returncode != 0 and "casted.W001" in result.stderr and "Set REDIS_URL" in result.stderr


def test_production_without_a_mail_server_fails_the_checklist():
    result = check_deploy(REDIS_URL="redis://cache.internal:6379/0", EMAIL_HOST="")
    assert result.returncode != 0 and "casted.W002" in result.stderr


def test_production_trusts_the_proxy_and_serves_hashed_compressed_static_files():
    value = settings_value(
        "settings.SECURE_PROXY_SSL_HEADER, settings.STORAGES['staticfiles']['BACKEND'], settings.SECURE_HSTS_SECONDS > 0",
        **PRODUCTION_ENV,
    )
    assert value == str(
        (("HTTP_X_FORWARDED_PROTO", "https"), "casted_site.operations.static_storage.StaticFilesStorage", True)
    )


def test_production_static_storage_is_whitenoises_working_out_each_url_once(tmp_path):
    from unittest import mock

    from whitenoise.storage import CompressedManifestStaticFilesStorage

    from casted_site.operations.static_storage import StaticFilesStorage

    storage = StaticFilesStorage(location=tmp_path)
    assert isinstance(storage, CompressedManifestStaticFilesStorage)
    with mock.patch.object(
        CompressedManifestStaticFilesStorage, "url", return_value="/static/css/site.0123.css"
    ) as url:
        assert storage.url("css/site.css") == storage.url("css/site.css") == "/static/css/site.0123.css"
    assert url.call_count == 1


@pytest.mark.django_db
def test_no_model_change_lacks_a_migration():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_redis_cache_when_redis_url_is_set():
    value = settings_value(
        "settings.CACHES['default']['BACKEND'], settings.CACHES['default']['LOCATION']",
        REDIS_URL="redis://cache:6379/2",
    )
    assert value == str(("casted_site.caching.resilient_redis.ResilientRedisCache", "redis://cache:6379/2"))
    assert "LocMemCache" in settings_value("settings.CACHES['default']['BACKEND']")


def test_media_on_s3_compatible_storage_when_a_bucket_is_named():
    value = settings_value(
        "settings.STORAGES['default']['BACKEND'], settings.AWS_S3_ENDPOINT_URL, settings.AWS_QUERYSTRING_AUTH",
        **PRODUCTION_ENV,
        AWS_STORAGE_BUCKET_NAME="casted-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.net",
    )
    assert value == str(("storages.backends.s3.S3Storage", "https://s3.example.net", False))
    assert "FileSystemStorage" in settings_value("settings.STORAGES['default']['BACKEND']", **PRODUCTION_ENV)


def test_cdn_purging_when_a_purge_url_is_set():
    value = settings_value(
        "settings.WAGTAILFRONTENDCACHE['cdn']['LOCATION'], 'wagtail.contrib.frontend_cache' in settings.INSTALLED_APPS",
        **PRODUCTION_ENV,
        FRONTEND_CACHE_PURGE_URL="http://varnish.internal:6081",
    )
    assert value == str(("http://varnish.internal:6081", True))


def test_login_throttling_counts_the_visitor_behind_the_proxy():
    value = settings_value("settings.AXES_FAILURE_LIMIT, settings.AXES_IPWARE_PROXY_COUNT", **PRODUCTION_ENV)
    assert value == str((5, 1))
