"""The admin's "Missing translations" report lists precisely the pages lacking a language."""

import csv
import io

import pytest
from openpyxl import load_workbook

from django.utils import translation

from partners.models import PartnerPage
from projects.models import ProjectPage, ResearchField
from tests.factories import make_project

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("sample")]

URL = "/admin/reports/missing-translations/"


def titles(admin_client, query=""):
    html = admin_client.get(URL + query).content.decode()
    return html


def strip_chinese(page, *fields):
    with translation.override("en"):
        for field in fields:
            setattr(page, f"{field}_zh_hans", "")
        page.save_revision().publish()


def test_a_fully_translated_site_lacks_no_translation(admin_client):
    response = admin_client.get(URL)
    assert response.status_code == 200
    assert "Every page has both its English and its Chinese version." in response.content.decode()


def test_lists_precisely_the_pages_lacking_a_language(admin_client):
    strip_chinese(PartnerPage.objects.get(slug_en="oecd"), "title")
    strip_chinese(ProjectPage.objects.get(slug_en="phd-career-survey"), "summary")
    make_project("chinese-only", title="Performance study", title_zh_hans="绩效研究", summary_zh_hans="只有中文摘要。")
    html = titles(admin_client)
    assert "Organisation for Economic Co-operation and Development" in html
    assert "PhD career survey" in html
    assert "Performance study" in html
    assert html.count('<td class="title">') == 3


def test_filters_by_language_and_section(admin_client):
    strip_chinese(PartnerPage.objects.get(slug_en="oecd"), "title")
    strip_chinese(ProjectPage.objects.get(slug_en="phd-career-survey"), "summary")
    partners_only = titles(admin_client, "?section=partners")
    assert "Organisation for Economic" in partners_only and "PhD career survey" not in partners_only
    assert titles(admin_client, "?language=en").count('<td class="title">') == 0
    assert titles(admin_client, "?language=zh_hans").count('<td class="title">') == 2
    assert admin_client.get(URL + "?language=klingon").status_code == 200


def test_exports_csv_and_xlsx(admin_client):
    strip_chinese(PartnerPage.objects.get(slug_en="oecd"), "title")
    response = admin_client.get(URL + "?export=csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert len(rows) == 1
    assert rows[0]["Language missing"] == "Chinese" and rows[0]["Section"] == "Partners"
    assert rows[0]["Edit"].startswith("http://testserver/admin/pages/")
    assert b"".join(admin_client.get(URL + "?export=csv").streaming_content).startswith(b"\xef\xbb\xbf")  # for Excel
    response = admin_client.get(URL + "?export=xlsx")
    sheet = load_workbook(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    ).active
    assert sheet.max_row == 2


def test_reports_menu_and_dashboard_show_it(admin_client):
    strip_chinese(PartnerPage.objects.get(slug_en="oecd"), "title")
    dashboard = admin_client.get("/admin/").content.decode()
    assert "1 record lacks a language" in dashboard
    assert URL in dashboard


def test_translated_snippets_lacking_a_language_are_listed_too(admin_client):
    field = ResearchField.objects.get(slug="st-statistics")
    field.name_zh_hans = ""
    field.save()
    html = titles(admin_client)
    assert "S&amp;T statistics" in html and "/admin/snippets/projects/researchfield/edit/" in html
    assert "S&amp;T statistics" in titles(admin_client, "?section=snippets")
    assert "S&amp;T statistics" not in titles(admin_client, "?section=partners")
    assert "S&amp;T statistics" not in titles(admin_client, "?language=en")
    rows = list(
        csv.DictReader(
            io.StringIO(b"".join(admin_client.get(URL + "?export=csv").streaming_content).decode("utf-8-sig"))
        )
    )
    assert [row["Title"] for row in rows] == ["S&T statistics"]


def test_the_count_and_the_report_follow_a_draft_not_only_a_publish(admin_client, sample):
    assert "Every page has both its English and its Chinese version." in admin_client.get("/admin/").content.decode()
    draft = PartnerPage.objects.get(pk=sample.oecd.pk)
    draft.title_zh_hans = ""
    draft.save_revision()  # a draft of a live page: the published page still has its Chinese title
    assert "1 record lacks a language" in admin_client.get("/admin/").content.decode()
    assert "Organisation for Economic" in titles(admin_client)


def test_the_csv_is_in_the_admins_language_with_its_dates(admin_client, admin_user):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "zh-hans"
    profile.save()
    strip_chinese(PartnerPage.objects.get(slug_en="oecd"), "title")
    text = b"".join(admin_client.get(URL + "?export=csv").streaming_content).decode("utf-8-sig")
    [row] = list(csv.DictReader(io.StringIO(text)))
    assert row["缺少的语言"] == "中文"
    assert "年" in row["最后编辑时间"] and "+00:00" not in row["最后编辑时间"]


def test_csv_export_writes_a_formula_looking_title_as_text(admin_client):
    make_project("formula", title='=HYPERLINK("http://example.com","x")', title_zh_hans="")
    response = admin_client.get(URL + "?export=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert [row["Title"] for row in rows] == ['\'=HYPERLINK("http://example.com","x")']
