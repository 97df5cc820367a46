"""Admin login attempts are throttled after repeated failures (django-axes), by visitor: the client address, also
behind the proxy; a page's shared password and password-reset requests are throttled too."""

import pytest

from django.contrib.auth import get_user_model
from django.test import override_settings
from django.urls import resolve, reverse

from wagtail.admin.views.account import PasswordResetView
from wagtail.models import PageViewRestriction
from wagtail.views import authenticate_with_password

from tests.factories import make_partner

pytestmark = pytest.mark.django_db


def login(client, password):
    return client.post("/admin/login/", {"username": "staffer", "password": password}, REMOTE_ADDR="203.0.113.7")


def test_five_wrong_passwords_lock_the_account_for_that_address(client):
    get_user_model().objects.create_superuser("staffer", "s@example.org", "right-password-123")
    for _attempt in range(4):
        response = login(client, "wrong")
        assert response.status_code == 200  # the login form again, with its error
    response = login(client, "wrong")
    assert response.status_code == 429
    response = login(client, "right-password-123")
    assert response.status_code == 429
    assert "Too many failed logins" in response.content.decode()
    assert not client.get("/admin/").wsgi_request.user.is_authenticated


def test_a_right_password_resets_the_count(client):
    get_user_model().objects.create_superuser("staffer", "s@example.org", "right-password-123")
    for _attempt in range(3):
        login(client, "wrong")
    assert login(client, "right-password-123").status_code == 302
    client.logout()
    for _attempt in range(3):
        assert login(client, "wrong").status_code == 200


def test_a_chinese_browser_gets_the_lockout_page_in_chinese(client):
    get_user_model().objects.create_superuser("staffer", "s@example.org", "right-password-123")
    for _attempt in range(5):
        response = client.post(
            "/admin/login/",
            {"username": "staffer", "password": "wrong"},
            REMOTE_ADDR="203.0.113.8",
            HTTP_ACCEPT_LANGUAGE="zh-CN",
        )
    assert response.status_code == 429
    assert 'lang="zh-Hans"' in response.content.decode()


def test_a_locked_address_does_not_lock_the_user_out_elsewhere(client):
    get_user_model().objects.create_superuser("staffer", "s@example.org", "right-password-123")
    for _attempt in range(5):
        login(client, "wrong")
    assert login(client, "right-password-123").status_code == 429
    response = client.post(
        "/admin/login/", {"username": "staffer", "password": "right-password-123"}, REMOTE_ADDR="198.51.100.4"
    )
    assert response.status_code == 302


BEHIND_THE_PROXY = {  # production.py's, with PROXY_COUNT=1: the proxy appends the address it saw
    "AXES_IPWARE_PROXY_COUNT": 1,
    "AXES_IPWARE_PROXY_ORDER": "right-most",
    "AXES_IPWARE_META_PRECEDENCE_ORDER": ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"],
}
PROXY = "127.0.0.1"


def through_the_proxy(client, password, forwarded_for):
    return client.post(
        "/admin/login/",
        {"username": "staffer", "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


@override_settings(**BEHIND_THE_PROXY)
def test_behind_the_proxy_the_visitor_is_counted_not_the_proxy_nor_what_the_visitor_claims(client):
    get_user_model().objects.create_superuser("staffer", "s@example.org", "right-password-123")
    # The attacker sends a new made-up X-Forwarded-For each time; the proxy appends the address it really saw.
    for attempt in range(5):
        through_the_proxy(client, "wrong", f"10.0.0.{attempt}, 203.0.113.66")
    assert through_the_proxy(client, "right-password-123", "10.9.9.9, 203.0.113.66").status_code == 429
    # The real staff member, at another address behind the same proxy, still logs in.
    assert through_the_proxy(client, "right-password-123", "198.51.100.20").status_code == 302


@override_settings(**BEHIND_THE_PROXY)
def test_without_the_proxys_header_a_visitor_is_its_socket_address(client):
    get_user_model().objects.create_superuser("staffer", "s@example.org", "right-password-123")
    for _attempt in range(5):
        login(client, "wrong")
    assert login(client, "right-password-123").status_code == 429


def test_the_throttled_views_are_the_ones_wagtails_url_names_lead_to():
    restriction_url = reverse("wagtailcore_authenticate_with_password", args=[1, 2])
    assert resolve(reverse("wagtailadmin_password_reset")).func.__wrapped__.view_class is PasswordResetView
    assert resolve(restriction_url).func.__wrapped__ is authenticate_with_password


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_pages_shared_password_is_throttled_in_the_visitors_language(client, language):
    page = make_partner("private-partner")
    restriction = PageViewRestriction.objects.create(page=page, restriction_type="password", password="secret")
    url = f"/{language}/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    for _attempt in range(10):
        response = client.post(url, {"password": "guess", "return_url": "/"}, REMOTE_ADDR="203.0.113.9")
        assert response.status_code == 200  # the password form again
    response = client.post(url, {"password": "secret", "return_url": "/"}, REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    html = response.content.decode()
    assert ("请稍后再试" in html) if language == "zh-hans" else ("Please wait a while" in html)
    # Another visitor is not held back.
    response = client.post(url, {"password": "secret", "return_url": "/"}, REMOTE_ADDR="198.51.100.5")
    assert response.status_code == 302


def test_password_reset_requests_are_throttled(client):
    for _attempt in range(5):
        response = client.post("/admin/password_reset/", {"email": "s@example.org"}, REMOTE_ADDR="203.0.113.10")
        assert response.status_code == 302
    response = client.post("/admin/password_reset/", {"email": "s@example.org"}, REMOTE_ADDR="203.0.113.10")
    assert response.status_code == 429


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/", ""])
def test_a_login_with_an_unsafe_or_no_next_lands_on_the_site(client, next_url):
    get_user_model().objects.create_user("visitor", "v@example.org", "right-password-123")
    response = client.post(
        f"/en/_util/login/?next={next_url}", {"username": "visitor", "password": "right-password-123"}
    )
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get(response["Location"], follow=True).status_code == 200


@pytest.mark.parametrize(
    ("language", "lang_attr", "heading", "wrong"),
    [("zh-hans", "zh-Hans", "需要密码", "密码不正确"), ("en", "en", "Password required", "not right")],
)
def test_a_pages_password_form_is_the_sites_own_in_the_visitors_language(client, language, lang_attr, heading, wrong):
    page = make_partner("shared-partner", title="Shared partner")
    restriction = PageViewRestriction.objects.create(page=page, restriction_type="password", password="secret")
    html = client.get(f"/{language}/partners/shared-partner/").content.decode()
    assert f'<html lang="{lang_attr}"' in html and f"<h1>{heading}</h1>" in html and "Shared partner" not in html
    url = f"/{language}/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    wrong_answer = client.post(url, {"password": "guess", "return_url": f"/{language}/partners/shared-partner/"})
    assert wrong in wrong_answer.content.decode()
    right = client.post(url, {"password": "secret", "return_url": f"/{language}/partners/shared-partner/"})
    assert "Shared partner" in client.get(right["Location"]).content.decode()
