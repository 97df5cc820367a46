"""Uploads are checked, the signed MOU is a downloadable PDF, and scheduled publishing works for every page type."""

import datetime
from unittest import mock

import pytest

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from partners.models import MouPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("sample")]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png_bytes(width=40, height=30):
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (width, height), "navy").save(buffer, "PNG")
    return buffer.getvalue()


def test_an_image_upload_is_checked_for_type(admin_client):
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "Not an image", "file": SimpleUploadedFile("script.exe", b"MZ\x90\x00", "application/octet-stream")},
    )
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert not get_image_model().objects.exists()


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=1000)
def test_an_image_over_the_size_limit_is_refused(admin_client):
    response = admin_client.post(
        "/admin/images/add/", {"title": "Big", "file": SimpleUploadedFile("big.png", png_bytes(900, 900), "image/png")}
    )
    assert response.status_code == 200
    assert "too big" in " ".join(response.context["form"].errors["file"])
    assert not get_image_model().objects.exists()


def test_an_image_of_too_many_pixels_is_refused_at_upload(admin_client):
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("1", (6500, 6500)).save(buffer, "PNG")  # 42 megapixels, a few kilobytes
    response = admin_client.post(
        "/admin/images/add/", {"title": "Huge", "file": SimpleUploadedFile("huge.png", buffer.getvalue(), "image/png")}
    )
    assert response.status_code == 200
    assert "too many pixels" in " ".join(response.context["form"].errors["file"])
    assert not get_image_model().objects.exists()


@pytest.mark.filterwarnings("ignore::ResourceWarning", "ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_good_image_is_accepted_and_served_as_a_rendition(admin_client):
    response = admin_client.post(
        "/admin/images/add/", {"title": "Logo", "file": SimpleUploadedFile("logo.png", png_bytes(), "image/png")}
    )
    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert image.get_rendition("max-240x120").url.startswith("/media/images/")


def test_a_document_of_a_forbidden_type_is_refused(admin_client):
    response = admin_client.post(
        "/admin/documents/add/",
        {"title": "Tool", "file": SimpleUploadedFile("tool.exe", b"MZ", "application/octet-stream")},
    )
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert not get_document_model().objects.exists()


def test_the_signed_mou_pdf_is_downloadable_from_its_page(client):
    document = get_document_model().objects.create(
        title="Signed MOU with NISTEP", file=ContentFile(PDF, "mou-nistep.pdf")
    )
    mou = MouPage.objects.get(slug_en="mou-nistep")
    mou.document = document
    mou.save_revision().publish()
    html = client.get("/en/mous/mou-nistep/").content.decode()
    assert f'href="{document.url}"' in html and "Download the signed memorandum (PDF)" in html
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


def test_an_mou_refuses_a_document_that_is_not_a_pdf():
    from django.core.exceptions import ValidationError

    document = get_document_model().objects.create(title="Notes", file=ContentFile(b"notes", "notes.txt"))
    mou = MouPage.objects.get(slug_en="mou-nistep")
    mou.document = document
    with pytest.raises(ValidationError, match="must be a PDF"):
        mou.full_clean()


@pytest.mark.parametrize("slug", ["projects", "oecd", "mou-nistep", "china-us-forum", "phd-career-survey"])
def test_scheduled_publishing_and_revisions_work_for_every_page_type(slug):
    page = Page.objects.get(slug_en=slug).specific
    revisions = page.revisions.count()
    page.title_zh_hans = "定时发布的新标题"
    page.go_live_at = timezone.now() + datetime.timedelta(days=1)
    revision = page.save_revision()
    revision.publish()
    page.refresh_from_db()
    assert page.title_zh_hans != "定时发布的新标题" and page.revisions.count() == revisions + 1
    tomorrow = timezone.now() + datetime.timedelta(days=1, minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=tomorrow):
        call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert page.title_zh_hans == "定时发布的新标题"
