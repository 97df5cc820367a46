"""Every side door holds the roles: an editor cannot change what the public site shows through an image, a document
or a snippet without a moderator. Editors may upload, and change their own uploads while no live page uses them."""

import pytest

from django.core.files.base import ContentFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction
from wagtail.permissions import policy_registry

from projects.models import ResearchField
from tests.factories import make_staff, publish
from tests.files import pdf_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("sample")]

PDF = pdf_bytes()


@pytest.fixture
def editor():
    return make_staff("erin", "Editors")


@pytest.fixture
def moderator():
    return make_staff("mo", "Moderators")


@pytest.fixture
def signed_pdf(sample, editor):
    """A PDF the editor uploaded, now the signed document of a live MOU."""
    document = get_document_model().objects.create(
        title="Signed MOU", file=ContentFile(PDF, name="signed.pdf"), uploaded_by_user=editor
    )
    sample.mou.document = document
    publish(sample.mou)
    return document


def image_of(user, title):
    return get_image_model().objects.create(title=title, file=get_test_image_file(), uploaded_by_user=user)


def allowed(response):
    """Wagtail answers a refused admin action with a redirect to the dashboard (and a message), or a 403."""
    return response.status_code == 200


def test_an_editor_cannot_replace_or_delete_a_document_a_live_page_uses(client, editor, signed_pdf):
    client.force_login(editor)
    edit, delete = (
        reverse("wagtaildocs:edit", args=[signed_pdf.pk]),
        reverse("wagtaildocs:delete", args=[signed_pdf.pk]),
    )
    assert not allowed(client.get(edit))
    client.post(edit, {"title": "Replaced"})
    client.post(delete)
    signed_pdf.refresh_from_db()
    with signed_pdf.file.open("rb") as file:
        assert signed_pdf.title == "Signed MOU" and file.read() == PDF


def test_a_moderator_may_replace_it(client, moderator, signed_pdf):
    client.force_login(moderator)
    assert allowed(client.get(reverse("wagtaildocs:edit", args=[signed_pdf.pk])))


def test_an_editor_may_change_an_own_upload_no_live_page_uses(client, editor):
    draft_only = get_document_model().objects.create(
        title="Draft", file=ContentFile(PDF, name="draft.pdf"), uploaded_by_user=editor
    )
    client.force_login(editor)
    assert allowed(client.get(reverse("wagtaildocs:edit", args=[draft_only.pk])))
    # The image edit view's question, asked directly (rendering it makes renditions, which leak a file upstream).
    policy = policy_registry.get_by_type(get_image_model())
    assert policy.user_has_permission_for_instance(editor, "change", image_of(editor, "Mine"))


def test_an_editor_cannot_edit_or_delete_another_persons_image(client, editor, moderator):
    theirs = image_of(moderator, "Theirs")
    client.force_login(editor)
    assert not allowed(client.get(reverse("wagtailimages:edit", args=[theirs.pk])))
    client.post(reverse("wagtailimages:edit", args=[theirs.pk]), {"title": "Mine now"})
    client.post(reverse("wagtailimages:delete", args=[theirs.pk]))
    theirs.refresh_from_db()
    assert theirs.title == "Theirs"


def test_an_editor_cannot_rename_a_research_field_every_project_page_shows(client, editor, moderator):
    field = ResearchField.objects.get(slug="st-statistics")
    url = reverse("wagtailsnippets_projects_researchfield:edit", args=[field.pk])
    form = {"name_en": "Renamed", "name_zh_hans": "改名", "slug": "st-statistics", "sort_order": "0"}
    client.force_login(editor)
    assert not allowed(client.get(url))
    client.post(url, form)
    field.refresh_from_db()
    assert field.name_en == "S&T statistics"
    client.force_login(moderator)
    assert allowed(client.get(url))


def download_status(client, url):
    response = client.get(url)
    if response.streaming:
        # Read to the end: the test client then closes the file, as a server would, and keeps the test's database
        # connection (response.close() called here would close that too).
        b"".join(response.streaming_content)
    return response.status_code


def test_a_document_only_a_private_page_uses_is_not_for_visitors(client, sample, signed_pdf, moderator):
    url = signed_pdf.url
    assert download_status(client, url) == 200  # the live MOU uses it
    PageViewRestriction.objects.create(page=sample.mou, restriction_type="password", password="secret")
    assert download_status(client, url) == 404
    client.force_login(moderator)
    assert download_status(client, url) == 200  # staff still may


def test_a_document_an_unpublished_page_uses_is_not_for_visitors(client, sample, signed_pdf):
    sample.mou.unpublish()
    assert download_status(client, signed_pdf.url) == 404
