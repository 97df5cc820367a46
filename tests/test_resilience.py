"""When the database is unreachable: a 503 in the visitor's language with Retry-After, never a stack trace, and
recovery without a restart. /healthz tells load balancers."""

from unittest import mock

import pytest

from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper

pytestmark = pytest.mark.django_db


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
    assert response.status_code == 200 and response.json() == {"status": "ok", "database": "ok"}
    with database_down():
        response = client.get("/healthz")
    assert response.status_code == 503 and response.json()["database"] == "unreachable"
    assert client.get("/healthz").status_code == 200


def test_other_errors_still_get_the_500_page(client_without_exceptions):
    with mock.patch("casted_site.home.models.HomePage.get_context", side_effect=RuntimeError("bug")):
        response = client_without_exceptions.get("/zh-hans/")
    assert response.status_code == 500
    assert "服务器出错了" in response.content.decode()
