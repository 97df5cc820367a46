"""When the database is unreachable: a 503 in the visitor's language with Retry-After, never a stack trace, and
recovery without a restart. /healthz tells load balancers."""

import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from unittest import mock

import pytest

from django.core.exceptions import PermissionDenied
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import override_settings

from tests.test_production_server import ROOT, fetch, free_port, gunicorn

pytestmark = pytest.mark.django_db

REDIS_PORT = 6379  # the machine's Redis, which CI starts


def database_down():
    """Every new query fails as it does when the server is stopped or the port is closed."""
    return mock.patch.object(
        BaseDatabaseWrapper, "_cursor", side_effect=OperationalError("could not connect to server: Connection refused")
    )


@pytest.fixture
def client_without_exceptions(client):
    client.raise_request_exception = False
    return client


@pytest.mark.parametrize(
    ("path", "text"), [("/en/partners/", "temporarily unavailable"), ("/zh-hans/partners/", "暂时无法访问")]
)
def test_visitors_get_a_503_in_their_language_then_the_site_recovers(client_without_exceptions, path, text):
    client = client_without_exceptions
    with database_down():
        response = client.get(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert text in html and "Traceback" not in html and "OperationalError" not in html
    assert client.get(path).status_code == 200  # the database is back: no restart needed


def test_healthz_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok", "database": "ok", "cache": "local"}
    with database_down():
        response = client.get("/healthz")
    assert response.status_code == 503 and response.json()["database"] == "unreachable"
    assert client.get("/healthz").status_code == 200


def test_other_errors_still_get_the_500_page(client_without_exceptions):
    with mock.patch("casted_site.home.models.HomePage.get_context", side_effect=RuntimeError("bug")):
        response = client_without_exceptions.get("/zh-hans/")
    assert response.status_code == 500
    assert "服务器出错了" in response.content.decode()


class TcpProxy:
    """A local port forwarded to PostgreSQL. Closing it is what a stopped database server looks like to the site:
    new connections are refused and open ones are cut. Opening it again on the same port brings the server back."""

    def __init__(self, target_port):
        self.target_port = target_port
        self.port = free_port()
        self.sockets = []
        self.stalled = False

    def open(self):
        self.listener = socket.create_server(("127.0.0.1", self.port))
        threading.Thread(target=self.accept, args=(self.listener,), daemon=True).start()

    def accept(self, listener):
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                return  # closed
            if self.stalled:
                self.sockets.append(client)  # accepted, and never a byte back: a database host that hangs
                continue
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            self.sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self.pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def pump(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def stall(self):
        """Cut the open connections and accept new ones without ever answering."""
        self.stalled = True
        self.cut()

    def close(self):
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes the accepting thread, or the port stays open
        self.listener.close()
        self.cut()

    def cut(self):
        for sock in self.sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        self.sockets = []


@pytest.fixture
def site_behind_a_database_proxy(tmp_path):
    """The production settings under gunicorn, reaching this run's PostgreSQL test database through TcpProxy."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("a database server to cut off: this runs when the tests run on PostgreSQL, as CI's second run does")
    database = connection.settings_dict
    proxy = TcpProxy(int(database["PORT"] or 5432))
    proxy.open()
    credentials = database["USER"] + (f":{database['PASSWORD']}" if database["PASSWORD"] else "")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "casted_site.settings.production",
        "SECRET_KEY": "outage-test-" + "k" * 60,
        "ALLOWED_HOSTS": "casted.example.org",
        "DATABASE_URL": f"postgres://{credentials}@127.0.0.1:{proxy.port}/{database['NAME']}",
        "STATIC_ROOT": str(tmp_path / "static"),
        "PAGE_CACHE_SECONDS": "600",
        # The shared cache production runs with (without one, production keeps no page): this test's own keys.
        "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/0",
        "REDIS_KEY_PREFIX": uuid.uuid4().hex,
    }
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "collectstatic", "--noinput"], cwd=ROOT, env=env, check=True, capture_output=True
    )
    with gunicorn(env, workers=1, log_path=tmp_path / "gunicorn.log") as base:
        yield base, proxy
    proxy.close()


def test_a_real_database_outage_gives_503s_and_cached_pages_then_recovers_without_a_restart(
    site_behind_a_database_proxy,
):
    base, proxy = site_behind_a_database_proxy
    assert fetch(base, "/healthz")[0] == 200
    assert fetch(base, "/en/partners/")[0] == 200  # now in the page cache

    proxy.close()  # the database server is gone: connections cut, port closed
    status, headers, html = fetch(base, "/zh-hans/mous/")
    assert status == 503 and headers["Retry-After"] == "30"
    assert "暂时无法访问" in html and "Traceback" not in html
    status, headers, html = fetch(base, "/en/events/")
    assert status == 503 and "temporarily unavailable" in html
    assert fetch(base, "/healthz")[0] == 503
    status, headers, _html = fetch(base, "/en/partners/")
    assert status == 200 and headers["X-Page-Cache"] == "hit"

    proxy.open()  # the database is back on the same port: no restart
    assert fetch(base, "/healthz")[0] == 200
    status, _headers, html = fetch(base, "/zh-hans/mous/")
    assert status == 200 and "合作备忘录" in html


def test_a_hanging_database_gives_a_quick_503_while_cached_pages_and_healthz_answer(site_behind_a_database_proxy):
    base, proxy = site_behind_a_database_proxy
    assert fetch(base, "/en/partners/")[0] == 200  # now in the page cache

    proxy.stall()  # the database host accepts connections and then says nothing
    started = time.monotonic()
    status, headers, html = fetch(base, "/zh-hans/mous/")
    assert status == 503 and "暂时无法访问" in html
    assert time.monotonic() - started < 10  # DB_CONNECT_TIMEOUT (3 s), not gunicorn's 30 s worker timeout
    status, headers, _html = fetch(base, "/en/partners/")
    assert status == 200 and headers["X-Page-Cache"] == "hit"
    started = time.monotonic()
    assert fetch(base, "/healthz")[0] == 503
    assert time.monotonic() - started < 10


# The cache (Redis) down or gone, and faults before the site's middleware has chosen the language.


def redis_through(proxy):
    return override_settings(
        CACHES={
            "default": {
                "BACKEND": "casted_site.caching.resilient_redis.ResilientRedisCache",
                "LOCATION": f"redis://127.0.0.1:{proxy.port}/0",
                "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
                "KEY_PREFIX": uuid.uuid4().hex,  # this test's own keys: other runs may share the machine's Redis
            }
        },
        PAGE_CACHE_SECONDS=600,
    )


@pytest.fixture
def redis_proxy():
    proxy = TcpProxy(REDIS_PORT)
    proxy.open()
    yield proxy
    proxy.close()


def test_with_the_cache_down_pages_are_served_uncached_and_healthz_says_so(client, sample, redis_proxy):
    with redis_through(redis_proxy):
        assert client.get("/healthz").json() == {"status": "ok", "database": "ok", "cache": "ok"}
        redis_proxy.close()
        for path in ("/en/", "/zh-hans/partners/", "/en/projects/phd-career-survey/", "/zh-hans/search/?q=合作"):
            response = client.get(path)
            assert response.status_code == 200, path
            assert response["X-Page-Cache"] == "miss"  # tried to keep it, could not: served anyway
        response = client.get("/healthz")
        assert response.status_code == 200
        assert response.json() == {"status": "degraded", "database": "ok", "cache": "unreachable"}


def test_a_publish_while_the_cache_is_down_is_not_undone_when_it_comes_back(client, sample, redis_proxy):
    with redis_through(redis_proxy):
        assert "PhD career survey" in client.get("/en/projects/phd-career-survey/").content.decode()
        assert client.get("/en/projects/phd-career-survey/")["X-Page-Cache"] == "hit"
        redis_proxy.close()
        survey = sample.survey
        survey.title_en = "Renamed while Redis was down"
        survey.save_revision().publish()
        redis_proxy.open()
        for _request in range(2):  # the first may meet a connection the outage left broken
            html = client.get("/en/projects/phd-career-survey/").content.decode()
            assert "Renamed while Redis was down" in html


@pytest.mark.parametrize(("path", "text"), [("/zh-hans/", "服务器出错了"), ("/en/", "Something went wrong")])
def test_a_fault_before_the_language_is_chosen_still_answers_in_it_with_the_security_headers(
    client_without_exceptions, path, text
):
    with mock.patch("casted_site.caching.page_cache.stored_generation", side_effect=RuntimeError("fault")):
        response = client_without_exceptions.get(path)
    assert response.status_code == 500 and text in response.content.decode()
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY" and response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("path", "status", "text"),
    [
        ("/zh-hans/no-such-page/", 404, "页面未找到"),
        ("/en/no-such-page/", 404, "Page not found"),
    ],
)
def test_error_pages_speak_the_visitors_language_and_carry_the_security_headers(client, path, status, text):
    response = client.get(path)
    assert response.status_code == status and text in response.content.decode()
    assert "default-src 'self'" in response["Content-Security-Policy"]


@pytest.mark.parametrize(("language", "text"), [("zh-hans", "无法理解"), ("en", "could not be understood")])
def test_a_bad_host_gets_the_400_page_in_the_visitors_language(client_without_exceptions, language, text):
    response = client_without_exceptions.get(f"/{language}/", HTTP_HOST="evil.example")
    assert response.status_code == 400 and text in response.content.decode()
    assert "default-src 'self'" in response["Content-Security-Policy"]


@pytest.mark.parametrize(("language", "text"), [("zh-hans", "没有权限"), ("en", "You do not have permission")])
def test_the_403_page_speaks_the_visitors_language(client_without_exceptions, language, text):
    with mock.patch("casted_site.home.models.HomePage.serve", side_effect=PermissionDenied):
        response = client_without_exceptions.get(f"/{language}/")
    assert response.status_code == 403 and text in response.content.decode()
