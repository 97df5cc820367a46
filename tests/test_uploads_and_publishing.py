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
from wagtail.users.models import UserProfile

from partners.models import MouPage
from tests.files import docx_bytes, pdf_bytes, png_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("sample")]

PDF = pdf_bytes()


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


NOT_A = "The content of this file is not a .{} document. Upload the file itself, saved in that format."
FORBIDDEN = "Web pages, scripts and programs cannot be uploaded, whatever their name."


def upload_document(client, name, content, url="/admin/documents/add/"):
    return client.post(url, {"title": name, "file": SimpleUploadedFile(name, content, "application/octet-stream")})


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("fake.pdf", png_bytes(), NOT_A.format("pdf")),  # a PNG renamed
        (
            "broken.pdf",
            b"%PDF-1.7\n" + b"0" * 200,
            "This PDF cannot be read: it may be damaged. Save it again as a PDF and upload it.",
        ),
        ("minutes.docx", b"plain words", NOT_A.format("docx")),
        ("notes.txt", b"<!DOCTYPE html><html><script>alert(1)</script></html>", FORBIDDEN),
        ("list.csv", b"name,site\n<script>steal()</script>", FORBIDDEN),
        ("tool.pdf", b"MZ\x90\x00" + bytes(200), FORBIDDEN),
        ("photo.txt", png_bytes(), NOT_A.format("txt")),
    ],
)
def test_a_document_whose_content_is_not_what_its_name_says_is_refused(admin_client, name, content, message):
    response = upload_document(admin_client, name, content)
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [message]  # the reason, and only it
    assert not get_document_model().objects.exists()


def test_the_multiple_uploader_checks_the_content_too(admin_client):
    response = admin_client.post(
        "/admin/documents/multiple/add/", {"files[]": SimpleUploadedFile("fake.pdf", png_bytes(), "application/pdf")}
    )
    assert response.json()["success"] is False
    assert "not a .pdf document" in response.json()["error_message"]
    assert not get_document_model().objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", pdf_bytes(2)),
        ("minutes.docx", docx_bytes()),
        ("partners.csv", "名称,国家\n经合组织,法国\n".encode()),
        ("partners-excel.csv", "名称,国家\n经合组织,法国\n".encode("gb18030")),
        ("readme.txt", b"Plain notes about the meeting."),
    ],
)
def test_real_documents_are_accepted(admin_client, name, content):
    response = upload_document(admin_client, name, content)
    assert response.status_code == 302, response.context["form"].errors
    document = get_document_model().objects.get()
    with document.file.open("rb") as file:
        assert file.read() == content


def test_a_fake_pdf_is_refused_in_the_chinese_admin(admin_client, admin_user):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "zh-hans"
    profile.save()
    response = upload_document(admin_client, "fake.pdf", png_bytes())
    assert "这个文件的内容不是 .pdf 文档。" in response.content.decode()


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

    mou = MouPage.objects.get(slug_en="mou-nistep")
    for name, content in (("notes.txt", b"notes"), ("renamed.pdf", png_bytes())):  # the second from before the check
        mou.document = get_document_model().objects.create(title="Notes", file=ContentFile(content, name))
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
