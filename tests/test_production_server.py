"""The production settings under gunicorn, as deployed behind a TLS proxy: every section answers 200 in its
language, static files come hashed and compressed from WhiteNoise, and nothing answers 500."""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def production_env(tmp_path_factory):
    """The production settings on a new SQLite database with the initial content, and no shared cache."""
    workdir = tmp_path_factory.mktemp("production")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "casted_site.settings.production",
        "SECRET_KEY": "production-test-" + "k" * 60,
        "ALLOWED_HOSTS": "casted.example.org",
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "REDIS_URL": "",
    }
    for command in (["migrate", "--noinput"], ["load_initial_content"], ["collectstatic", "--noinput"]):
        manage(env, *command)
    return env


def manage(env, *command):
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True, timeout=300
    )


@pytest.fixture(scope="module")
def production_server(production_env, tmp_path_factory):
    # Three workers, as docs/deploy.md runs them.
    with gunicorn(production_env, workers=3, log_path=tmp_path_factory.mktemp("log") / "gunicorn.log") as base:
        yield base


@contextlib.contextmanager
def gunicorn(env, workers, log_path):
    """The site under gunicorn on a free loopback port, with this environment; yields its base URL."""
    port = free_port()
    with open(log_path, "wb") as log:
        server = subprocess.Popen(  # noqa: S603
            [str(BIN / "gunicorn"), "casted_site.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_for_port(port)
            yield f"http://127.0.0.1:{port}"
        finally:
            server.terminate()
            server.wait(timeout=10)


def wait_for_port(port):
    for _ in range(150):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"nothing listens on {port}")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(base, path, proto="https", **headers):
    request = urllib.request.Request(  # noqa: S310
        base + path, headers={"Host": "casted.example.org", "X-Forwarded-Proto": proto, **headers}
    )
    opener = urllib.request.build_opener(NoRedirect)
    try:
        # Generous: a worker's first request loads the templates, slow on a loaded CI machine (10 s was not enough).
        with opener.open(request, timeout=60) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode("utf-8", "replace")


@pytest.mark.parametrize("section", ["", "projects/", "partners/", "mous/", "events/"])
@pytest.mark.parametrize(("language", "lang_attr"), [("en", "en"), ("zh-hans", "zh-Hans")])
def test_pages_answer_in_their_language_behind_the_proxy(production_server, section, language, lang_attr):
    status, headers, html = fetch(production_server, f"/{language}/{section}")
    assert status == 200
    assert f'<html lang="{lang_attr}">' in html
    assert headers["Strict-Transport-Security"].startswith("max-age=")
    assert "default-src 'self'" in headers["Content-Security-Policy"]


def test_plain_http_is_redirected_to_https(production_server):
    status, headers, _ = fetch(production_server, "/en/", proto="http")
    assert status == 301
    assert headers["Location"] == "https://casted.example.org/en/"


def test_static_files_are_hashed_and_compressed(production_server):
    _, _, html = fetch(production_server, "/en/")
    stylesheet = html.split('rel="stylesheet" href="')[1].split('"')[0]
    assert stylesheet.startswith("/static/css/site.") and stylesheet != "/static/css/site.css"
    status, headers, _ = fetch(production_server, stylesheet, **{"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers.get("Content-Encoding") == "gzip"
    assert "immutable" in headers["Cache-Control"]


def test_unknown_host_and_unknown_page_are_refused_not_errors(production_server):
    assert fetch(production_server, "/en/no-such-page/")[0] == 404
    assert fetch(production_server, "/en/", Host="evil.example.com")[0] == 400


def test_several_workers_without_a_shared_cache_never_serve_a_page_made_private(production_server, production_env):
    canonical = '<link rel="canonical" href="https://casted.example.org/en/partners/oecd/">'
    for _request in range(12):  # every worker has served it
        assert canonical in fetch(production_server, "/en/partners/oecd/")[2]
    manage(
        production_env,
        "shell",
        "-c",
        "from wagtail.models import Page, PageViewRestriction; "
        "PageViewRestriction.objects.create(page=Page.objects.get(slug_en='oecd'), restriction_type='password', "
        "password='secret')",
    )
    pages = [fetch(production_server, "/en/partners/oecd/")[2] for _request in range(30)]
    assert not any(canonical in html for html in pages)
