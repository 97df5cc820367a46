"""docs/nginx-casted.conf, the documented proxy, run here in front of the production site under gunicorn: it serves
uploaded images from disk but never documents, passes the visitor's address and scheme, and waits for slow
clients itself, so that they never hold a worker. Needs Debian's nginx (CI installs it): missing, it is a skip
here and a failure in CI."""

import os
import shutil
import socket
import ssl
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.test_production_server import ROOT, free_port, gunicorn, production_env, wait_for_port  # noqa: F401

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
if not Path(NGINX).exists():
    if os.environ.get("CI"):
        pytest.fail("nginx is missing: CI installs Debian's nginx-light package.", pytrace=False)
    pytest.skip("nginx is not installed (apt-get install nginx-light); proxy tests skipped.", allow_module_level=True)

HOST = "casted.example.org"
SITE_CONFIG = ROOT / "docs" / "nginx-casted.conf"


@pytest.fixture(scope="module")
def proxy(production_env, tmp_path_factory):  # noqa: F811 - the fixture imported above
    work = tmp_path_factory.mktemp("nginx")
    media = Path(production_env["MEDIA_ROOT"])
    (media / "original_images").mkdir(parents=True, exist_ok=True)
    (media / "original_images" / "uploaded.png").write_bytes(PNG)
    (media / "documents").mkdir(parents=True, exist_ok=True)
    (media / "documents" / "private.pdf").write_bytes(b"%PDF-1.4 private")
    subprocess.run(  # noqa: S603
        [shutil.which("openssl") or "/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", f"/CN={HOST}",
         "-keyout", str(work / "key.pem"), "-out", str(work / "cert.pem")],
        check=True, capture_output=True,
    )  # fmt: skip
    with gunicorn(production_env, workers=2, log_path=work / "gunicorn.log") as app:
        http_port, https_port = free_port(), free_port()
        site = SITE_CONFIG.read_text()
        for documented, here in (
            ("listen 80;", f"listen 127.0.0.1:{http_port};"),
            ("listen 443 ssl;", f"listen 127.0.0.1:{https_port} ssl;"),
            ("server 127.0.0.1:8000;", f"server 127.0.0.1:{urlsplit(app).port};"),
            ("intl.casted.org.cn", HOST),
            ("/etc/ssl/certs/casted.pem", str(work / "cert.pem")),
            ("/etc/ssl/private/casted.key", str(work / "key.pem")),
            ("/srv/casted/media/", f"{media}/"),
        ):
            assert documented in site, documented
            site = site.replace(documented, here)
        temp_paths = " ".join(
            f"{kind}_temp_path {work / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        (work / "nginx.conf").write_text(
            f"user root; worker_processes 1; pid {work / 'nginx.pid'}; error_log {work / 'error.log'};\n"
            f"events {{}}\nhttp {{ include /etc/nginx/mime.types; access_log off; {temp_paths}\n{site}\n}}\n"
        )
        server = subprocess.Popen([NGINX, "-c", str(work / "nginx.conf"), "-g", "daemon off;"])  # noqa: S603
        try:
            wait_for_port(https_port)
            yield https_port
        finally:
            server.terminate()
            server.wait(timeout=10)


PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6300010000050001a5f645400000000049454e44ae426082"
)
# The test's own self-signed certificate, for a host name the request reaches at 127.0.0.1.
UNVERIFIED = ssl.create_default_context()
UNVERIFIED.check_hostname = False
UNVERIFIED.verify_mode = ssl.CERT_NONE


def get(port, path, timeout=30):
    request = urllib.request.Request(f"https://127.0.0.1:{port}{path}", headers={"Host": HOST})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout, context=UNVERIFIED) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_pages_come_through_the_proxy_as_https(proxy):
    status, headers, body = get(proxy, "/zh-hans/partners/")
    assert status == 200 and b'<html lang="zh-Hans">' in body
    assert headers["Strict-Transport-Security"].startswith("max-age=")  # the site saw X-Forwarded-Proto: https
    assert b'<link rel="canonical" href="https://casted.example.org/zh-hans/partners/">' in body


def test_uploaded_images_are_served_from_disk_and_documents_never(proxy):
    status, headers, body = get(proxy, "/media/original_images/uploaded.png")
    assert status == 200 and headers["Content-Type"] == "image/png" and body == PNG
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert get(proxy, "/media/documents/private.pdf")[0] == 404


def test_slow_clients_do_not_hold_the_workers(proxy):
    # Eight clients that connect and then send a request a byte at a time, never finishing: with two sync
    # workers and no proxy, they would hold both.
    stalled = [socket.create_connection(("127.0.0.1", proxy)) for _client in range(8)]
    try:
        for sock in stalled:
            sock.sendall(b"\x16\x03")  # the start of a TLS hello, and no more
        started = time.monotonic()
        assert get(proxy, "/en/", timeout=10)[0] == 200
        assert time.monotonic() - started < 5
    finally:
        for sock in stalled:
            sock.close()
