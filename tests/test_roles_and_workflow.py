"""Editors submit, moderators approve and publish: the roles and workflow load_initial_content sets up."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text

from casted_site.home.models import HomePage
from partners.models import PartnerIndexPage, PartnerPage
from tests.factories import make_staff

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("sample")]


def partner_form(**extra):
    return nested_form_data(
        {
            "title_en": "Swiss Federal Institute",
            "title_zh_hans": "瑞士联邦研究所",
            "slug_en": "swiss-institute",
            "slug_zh_hans": "swiss-institute",
            "kind": "research-institute",
            "description_en": rich_text(""),
            "description_zh_hans": rich_text(""),
            **extra,
        }
    )


def test_the_workflow_covers_the_home_page_and_so_every_section():
    home = HomePage.objects.get()
    workflow = home.get_workflow()
    assert workflow.name == "Moderator approval" and workflow.active
    task = workflow.tasks.get().specific
    assert [group.name for group in task.groups.all()] == ["Moderators"]
    assert PartnerPage.objects.get(slug_en="oecd").get_workflow() == workflow


def test_an_editor_can_create_and_submit_but_not_publish(client):
    client.force_login(make_staff("erin", "Editors"))
    index = PartnerIndexPage.objects.get()
    response = client.post(
        f"/admin/pages/add/partners/partnerpage/{index.pk}/", partner_form(**{"action-publish": "1"})
    )
    assert response.status_code == 302
    page = PartnerPage.objects.get(slug_en="swiss-institute")
    assert not page.live  # saved as a draft: the publish button is not the editor's
    assert client.get("/en/partners/swiss-institute/").status_code == 404

    response = client.post(f"/admin/pages/{page.pk}/edit/", partner_form(**{"action-submit": "1"}))
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_an_editor_cannot_publish_an_existing_page(client):
    client.force_login(make_staff("erin", "Editors"))
    oecd = PartnerPage.objects.get(slug_en="oecd")
    page_perms = oecd.permissions_for_user(get_user_model().objects.get(username="erin"))
    assert page_perms.can_edit() and not page_perms.can_publish()
    assert client.get(f"/admin/pages/{oecd.pk}/edit/").status_code == 200


def test_a_moderator_approves_and_the_page_goes_live(client):
    editor_client, moderator_client = client, type(client)()
    editor_client.force_login(make_staff("erin", "Editors"))
    moderator = make_staff("mo", "Moderators")
    moderator_client.force_login(moderator)
    index = PartnerIndexPage.objects.get()
    editor_client.post(f"/admin/pages/add/partners/partnerpage/{index.pk}/", partner_form(**{"action-submit": "1"}))
    page = PartnerPage.objects.get(slug_en="swiss-institute")
    state = page.current_workflow_state
    task_state = state.current_task_state
    assert task_state.task.specific.user_can_access_editor(page, moderator)
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    response = moderator_client.post(url, {"comment": "Checked both languages."})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert moderator_client.get("/zh-hans/partners/swiss-institute/").status_code == 200


def test_a_moderator_can_publish_directly(client):
    client.force_login(make_staff("mo", "Moderators"))
    oecd = PartnerPage.objects.get(slug_en="oecd")
    assert oecd.permissions_for_user(get_user_model().objects.get(username="mo")).can_publish()


def test_both_roles_may_upload_images_and_documents():
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.permissions import policy_registry

    for name, group in (("erin", "Editors"), ("mo", "Moderators")):
        user = make_staff(name, group)
        for model in (get_image_model(), get_document_model()):
            assert policy_registry.get_by_type(model).user_has_permission(user, "add"), (group, model)


def test_preview_in_either_language():
    oecd = PartnerPage.objects.get(slug_en="oecd")
    assert [mode for mode, _label in oecd.preview_modes] == ["en", "zh-hans"]
    for mode, heading in (
        ("en", "Organisation for Economic Co-operation and Development"),
        ("zh-hans", "经济合作与发展组织"),
    ):
        response = oecd.make_preview_request(preview_mode=mode)
        assert response.status_code == 200
        assert f"<h1>{heading}" in response.content.decode()
    events = Page.objects.get(slug_en="events").specific  # a routable page previews in its language too
    assert "<h1>活动</h1>" in events.make_preview_request(preview_mode="zh-hans").content.decode()


def test_the_editors_preview_panel_may_frame_the_preview_and_nothing_else_may(admin_client):
    """The panel shows the preview in a frame of the editor: its answer may be framed by the site itself only
    (a public page may not be framed at all)."""
    oecd = PartnerPage.objects.get(slug_en="oecd")
    url = f"/admin/pages/{oecd.pk}/edit/preview/"
    form = admin_client.get(f"/admin/pages/{oecd.pk}/edit/").context["form"]
    data = {name: value for name, value in form.initial.items() if isinstance(value, str | int)}
    assert admin_client.post(url, data).json()["is_valid"]
    for mode, heading in (("en", "Organisation for Economic"), ("zh-hans", "经济合作与发展组织")):
        response = admin_client.get(url, {"mode": mode, "in_preview_panel": "true"})
        assert heading in response.content.decode()
        assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
        assert response["X-Frame-Options"] == "SAMEORIGIN"
    public = admin_client.get("/en/partners/oecd/")
    assert "frame-ancestors 'none'" in public["Content-Security-Policy"] and public["X-Frame-Options"] == "DENY"


def test_running_the_loader_again_keeps_the_roles_single():
    from django.core.management import call_command

    call_command("load_initial_content", verbosity=0)
    assert Group.objects.filter(name="Editors").count() == 1
    assert Page.objects.get(depth=2).specific.get_workflow().name == "Moderator approval"


def test_create_staff_makes_an_editor_and_a_moderator():
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command(
        "create_staff", "ed", "--role", "editor", "--email", "ed@example.org", "--name", "Erin Example", stdout=out
    )
    call_command(
        "create_staff",
        "mod",
        "--role=moderator",
        "--email=wang@example.org",
        "--name=王伟",
        "--language=zh-hans",
        stdout=out,
    )
    password = out.getvalue().split("password: ")[1].split()[0]
    users = get_user_model().objects
    editor, moderator = users.get(username="ed"), users.get(username="mod")
    assert list(editor.groups.values_list("name", flat=True)) == ["Editors"]
    assert list(moderator.groups.values_list("name", flat=True)) == ["Moderators"]
    assert editor.check_password(password)
    assert (editor.first_name, editor.last_name, editor.email) == ("Erin", "Example", "ed@example.org")
    assert (moderator.last_name, moderator.first_name) == ("王", "伟")
    assert moderator.wagtail_userprofile.preferred_language == "zh-hans"


@pytest.mark.parametrize(
    ("arguments", "complaint"),
    [
        (["--name", "Erin Example"], "--email"),
        (["--email", "ed@example.org"], "--name"),
        (["--email", "not-an-address", "--name", "Erin Example"], "is not an e-mail address"),
        (["--email", "ed@example.org", "--name", "Erin"], "a given and a family name"),
    ],
)
def test_create_staff_refuses_an_account_without_a_name_or_an_address(arguments, complaint):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match=complaint):
        call_command("create_staff", "ed", "--role", "editor", *arguments)
    assert not get_user_model().objects.filter(username="ed").exists()


def test_a_new_staff_member_can_save_their_account_preferences(client):
    from django.core.management import call_command

    call_command("create_staff", "ed", "--role", "editor", "--email", "ed@example.org", "--name", "Erin Example")
    client.force_login(get_user_model().objects.get(username="ed"))
    form = {
        "name_email-first_name": "Erin",
        "name_email-last_name": "Example",
        "name_email-email": "ed@example.org",
        "locale-preferred_language": "zh-hans",
        "locale-current_time_zone": "Asia/Shanghai",
        "theme-theme": "system",
        "theme-density": "default",
        "theme-contrast": "system",
        "theme-keyboard_shortcuts": "on",
    }
    response = client.post("/admin/account/", form)
    assert response.status_code == 302, response.context and [p.form.errors for p in response.context["panels"]]
    assert get_user_model().objects.get(username="ed").wagtail_userprofile.preferred_language == "zh-hans"


def test_avatars_are_local_not_gravatar(client):
    client.force_login(make_staff("erin", "Editors"))
    html = client.get("/admin/").content.decode()
    assert "gravatar" not in html.lower()
