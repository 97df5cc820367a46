"""E-mail reaches a real SMTP server (aiosmtpd on loopback): password resets and moderation notifications. A send
that fails is logged and shown to staff on the admin dashboard, never silent."""

import pytest

from django.contrib.auth import get_user_model
from django.test import override_settings

from partners.models import PartnerIndexPage, PartnerPage
from tests.factories import make_staff, prefer_language
from tests.test_production_server import free_port
from tests.test_roles_and_workflow import partner_form

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("sample")]


def test_a_password_reset_reaches_the_staff_member(client, inbox):
    get_user_model().objects.create_user("staffer", "staffer@example.org", "old-password-123", is_superuser=True)
    response = client.post("/admin/password_reset/", {"email": "staffer@example.org"})
    assert response.status_code == 302
    [body] = inbox.bodies_to("staffer@example.org")
    assert "/admin/password_reset/confirm/" in body


def test_moderators_are_told_when_an_editor_submits_a_page(client, inbox):
    make_staff("mo", "Moderators")
    client.force_login(make_staff("erin", "Editors"))
    index = PartnerIndexPage.objects.get()
    client.post(f"/admin/pages/add/partners/partnerpage/{index.pk}/", partner_form())
    page = PartnerPage.objects.get(slug_en="swiss-institute")
    client.post(f"/admin/pages/{page.pk}/edit/", partner_form(**{"action-submit": "1"}))
    bodies = inbox.bodies_to("mo@example.org")
    assert bodies and "Swiss Federal Institute" in bodies[0]


def submitted_by(client, editor):
    client.force_login(editor)
    index = PartnerIndexPage.objects.get()
    client.post(f"/admin/pages/add/partners/partnerpage/{index.pk}/", partner_form(**{"action-submit": "1"}))
    return PartnerPage.objects.get(slug_en="swiss-institute")


def act_on(client, moderator, page, action):
    client.force_login(moderator)
    task_state = page.current_workflow_task_state
    url = f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/"
    return client.post(url, {"comment": "Checked against the seed text."})


def subjects_to(inbox, address):
    return [str(message["Subject"]) for to, message in inbox.messages if address in to]


def test_each_step_of_moderation_is_mailed_in_the_recipients_admin_language(client, inbox):
    """Submitted: the moderators (one reads the admin in Chinese); approved: the editor who submitted."""
    moderator = prefer_language(make_staff("wang", "Moderators"), "zh-hans")
    make_staff("mo", "Moderators")
    editor = make_staff("erin", "Editors")
    # Erin never chose a language: the admin she logs in to is in English, her browser's.
    assert client.post("/admin/login/", {"username": "erin", "password": "password"}, HTTP_ACCEPT_LANGUAGE="en")
    page = submitted_by(client, editor)
    [chinese] = subjects_to(inbox, "wang@example.org")
    [english] = subjects_to(inbox, "mo@example.org")
    assert "页面已经被提交" in chinese and "has been submitted" in english
    assert act_on(client, moderator, page, "approve").status_code == 302
    page.refresh_from_db()
    assert page.live
    [approved] = subjects_to(inbox, "erin@example.org")
    assert approved.strip() == 'The page "Swiss Federal Institute" has been approved in "Moderator approval".'


def test_an_editor_is_told_in_chinese_when_a_moderator_sends_the_page_back(client, inbox):
    page = submitted_by(client, prefer_language(make_staff("li", "Editors"), "zh-hans"))
    assert act_on(client, make_staff("mo", "Moderators"), page, "reject").status_code == 302
    page.refresh_from_db()
    assert not page.live
    [rejected] = subjects_to(inbox, "li@example.org")
    assert "被拒绝" in rejected or "已拒绝" in rejected, rejected
    [body] = inbox.bodies_to("li@example.org")
    assert "Checked against the seed text." in body  # the moderator's comment reaches the editor


def test_a_send_that_fails_is_logged_and_shown_on_the_dashboard(client, caplog):
    get_user_model().objects.create_superuser("staffer", "staffer@example.org", "old-password-123")
    closed = {"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": free_port(), "EMAIL_TIMEOUT": 2}
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend", **closed):
        response = client.post("/admin/password_reset/", {"email": "staffer@example.org"})
    assert response.status_code == 302  # the visitor learns nothing either way
    assert "Failed to send password reset email" in caplog.text
    client.force_login(get_user_model().objects.get(username="staffer"))
    dashboard = client.get("/admin/").content.decode()
    assert "E-mail could not be sent" in dashboard and "Failed to send password reset email" in dashboard
