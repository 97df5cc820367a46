"""Admin login attempts are throttled after repeated failures (django-axes)."""

import pytest

from django.contrib.auth import get_user_model

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
