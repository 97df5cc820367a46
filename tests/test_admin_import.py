"""Import and export from the admin: a dry run shows what each row would do, then the import; an editor's rows
become drafts submitted to moderation, a moderator may publish at once; each section's listing exports."""

import csv
import io
import json
from pathlib import Path

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile

from partners.models import PartnerIndexPage, PartnerPage
from tests.factories import make_staff

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("sample")]

URL = "/admin/records/import/"
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def upload(name="partners.csv", content=None):
    content = (EXAMPLES / name).read_bytes() if content is None else content
    return SimpleUploadedFile(name, content, "text/csv")


def test_an_editor_checks_a_file_then_imports_it_as_drafts_submitted_to_moderation(client, inbox):
    make_staff("mo", "Moderators")
    client.force_login(make_staff("erin", "Editors"))
    page = client.get(URL).content.decode()
    assert "Import records" in page and "Publish at once" not in page  # editors cannot publish
    checked = client.post(URL, {"kind": "partners", "file": upload()}).content.decode()
    assert checked.count("Will be created") == 2 and "example-policy-institute" in checked
    assert not PartnerPage.objects.filter(slug_en="example-policy-institute").exists()  # a dry run
    assert not inbox.messages
    done = client.post(URL, {"confirm": "1"}).content.decode()
    assert "2 records imported as drafts and submitted for moderation." in done
    partner = PartnerPage.objects.get(slug_en="example-policy-institute")
    assert not partner.live and partner.workflow_in_progress
    assert partner.owner.username == "erin"
    assert inbox.bodies_to("mo@example.org")  # the moderators are told, as for a page submitted in the editor
    assert client.get("/en/partners/example-policy-institute/").status_code == 404


def test_a_moderator_may_publish_at_once(client):
    client.force_login(make_staff("mo", "Moderators"))
    client.post(URL, {"kind": "partners", "file": upload(), "publish": "on"})
    done = client.post(URL, {"confirm": "1"}).content.decode()
    assert "2 records imported and published." in done
    assert PartnerPage.objects.get(slug_en="example-policy-institute").live
    assert client.get("/en/partners/example-policy-institute/").status_code == 200


def test_an_editor_asking_to_publish_still_gets_drafts(client):
    client.force_login(make_staff("erin", "Editors"))
    client.post(URL, {"kind": "partners", "file": upload(), "publish": "on"})
    client.post(URL, {"confirm": "1"})
    assert not PartnerPage.objects.get(slug_en="example-policy-institute").live


def test_a_bad_file_or_row_is_explained_and_nothing_is_written(client):
    client.force_login(make_staff("erin", "Editors"))
    response = client.post(URL, {"kind": "partners", "file": upload("notes.txt", b"hello")})
    assert "The file: the file name must end in .csv or .json." in response.content.decode()
    rows = b"slug,title_en,kind\nok-partner,A partner,university\n,No slug,university\n"
    checked = client.post(URL, {"kind": "partners", "file": upload("p.csv", rows)}).content.decode()
    assert "Will be created" in checked and "Refused" in checked and "slug is empty" in checked
    client.post(URL, {"confirm": "1"})
    assert PartnerPage.objects.filter(slug_en="ok-partner").exists()


def test_confirming_with_nothing_checked_says_so(client):
    client.force_login(make_staff("erin", "Editors"))
    response = client.post(URL, {"confirm": "1"}, follow=True)
    assert "Nothing to import: choose the file again." in response.content.decode()


def test_only_staff_who_may_add_records_import_or_export(client):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    assert client.get(URL).status_code == 302  # to the login page
    assert client.get("/admin/records/export/partners/csv/").status_code == 302
    user = get_user_model().objects.create_user("viewer", "viewer@example.org", "password")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    refused = client.get(URL, follow=True)
    assert "Sorry, you do not have permission to access this area." in refused.content.decode()
    assert client.get("/admin/records/export/partners/csv/", follow=True).status_code == 404
    assert "records-import" not in client.get("/admin/").content.decode()  # no menu item either


def test_each_section_exports_from_its_listing_as_csv_and_json(client):
    client.force_login(make_staff("erin", "Editors"))
    index = PartnerIndexPage.objects.get()
    explorer = client.get(f"/admin/pages/{index.pk}/").content.decode()
    assert "/admin/records/export/partners/csv/" in explorer and "/admin/records/import/?kind=partners" in explorer
    response = client.get("/admin/records/export/partners/csv/")
    assert response["Content-Disposition"].startswith('attachment; filename="partners-')
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert {row["slug"] for row in rows} == {"oecd", "uis", "nistep"}
    data = json.loads(client.get("/admin/records/export/partners/json/").content)
    assert {row["slug"] for row in data} == {"oecd", "uis", "nistep"}
    assert client.get("/admin/records/export/partners/xml/", follow=True).status_code == 404


def test_an_exported_file_imports_back_unchanged_through_the_admin(client):
    client.force_login(make_staff("mo", "Moderators"))
    exported = client.get("/admin/records/export/partners/csv/").content
    checked = client.post(URL, {"kind": "partners", "file": upload("partners.csv", exported)}).content.decode()
    assert checked.count("Unchanged") == 3 and "Will be" not in checked


def test_a_moderator_reading_the_admin_in_chinese_gets_the_report_in_chinese(client):
    from tests.factories import prefer_language

    client.force_login(prefer_language(make_staff("wang", "Moderators"), "zh-hans"))
    rows = b"slug,title_en,kind,start\nok-partner,A partner,university,x\n,No slug,university,\nbad,Bad,no-such-kind,\n"
    checked = client.post(URL, {"kind": "partners", "file": upload("p.csv", rows)}).content.decode()
    assert "将新建" in checked and "已拒绝" in checked
    assert "slug 为空" in checked  # our own reason, in Chinese
    assert "选择一个有效的选项" in checked  # and Django's, in Chinese too
    assert "忽略未知的列：start" in checked
    refused = client.post(URL, {"kind": "partners", "file": upload("notes.txt", b"hello")}).content.decode()
    assert "该文件：文件名必须以 .csv 或 .json 结尾。" in refused
