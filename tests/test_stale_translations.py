"""The "Translations out of date" report: a record whose one language changed after the other last did, with the
change as a diff, until someone marks it as reviewed or the other language changes too."""

import csv
import io

import pytest

from django.utils import translation

from casted_site.reports.translation_steps import out_of_date
from partners.models import PartnerPage
from projects.models import ResearchField
from tests.factories import make_staff, publish

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("sample")]

URL = "/admin/reports/stale-translations/"


def edit(page, draft=False, **fields):
    page = type(page).objects.get(pk=page.pk)
    with translation.override("en"):
        for name, value in fields.items():
            setattr(page, name, value)
        if draft:
            page.save_revision()
        else:
            publish(page)


def rows(admin_client, query=""):
    return admin_client.get(URL + query).content.decode()


def test_nothing_is_out_of_date_while_both_languages_change_together(admin_client, sample):
    edit(sample.oecd, summary="A new summary.", summary_zh_hans="新的摘要。")
    html = rows(admin_client)
    assert "Every page's English and Chinese are in step" in html


def test_an_english_edit_leaves_the_chinese_out_of_date_with_the_change_shown(admin_client, sample):
    edit(sample.oecd, summary="An intergovernmental organisation of 38 member countries.")
    edit(sample.oecd, draft=True, summary="An intergovernmental organisation of 38 countries, founded in 1961.")
    html = rows(admin_client)
    assert "Organisation for Economic Co-operation and Development" in html
    assert "Chinese may be out of date" in html
    # The change since the Chinese last changed (the sample's summary), word by word.
    assert (
        "An <del>international organisation.</del> <ins>intergovernmental organisation of 38 countries, "
        "founded in 1961.</ins>"
    ) in html
    assert "English may be out of date" not in html


def test_a_chinese_edit_leaves_the_english_out_of_date(admin_client, sample):
    edit(sample.oecd, summary_zh_hans="经合组织是政府间国际组织。")
    html = rows(admin_client)
    assert "English may be out of date" in html and "<ins>" in html


def test_updating_the_other_language_or_marking_as_reviewed_clears_it(admin_client, sample):
    edit(sample.oecd, summary="An intergovernmental organisation.")
    edit(sample.uis, summary="The UNESCO Institute for Statistics, in Montreal.")
    edit(sample.oecd, summary_zh_hans="政府间国际组织。")  # the translator caught up
    html = rows(admin_client)
    assert "Organisation for Economic" not in html and "UNESCO Institute for Statistics" in html
    step = admin_client.get(URL).context["object_list"][0].step
    response = admin_client.post(f"{URL}{step.pk}/zh_hans/reviewed/", {"next": URL})
    assert response.status_code == 302
    assert "UNESCO Institute for Statistics" not in rows(admin_client)
    edit(sample.uis, summary="The UNESCO Institute for Statistics.")  # a later English change counts again
    assert "UNESCO Institute for Statistics" in rows(admin_client)


def test_a_visitor_or_a_person_who_may_not_edit_cannot_mark_it_reviewed(client, sample):
    from casted_site.reports.models import TranslationStep

    edit(sample.oecd, summary="An intergovernmental organisation.")
    step = TranslationStep.objects.get(object_id=str(sample.oecd.pk))
    response = client.post(f"{URL}{step.pk}/zh_hans/reviewed/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.create_user("visitor", "v@example.org", "password"))  # no admin
    assert client.post(f"{URL}{step.pk}/zh_hans/reviewed/").status_code == 302
    client.force_login(make_staff("erin", "Editors"))
    client.post(f"{URL}{step.pk}/klingon/reviewed/")
    step.refresh_from_db()
    assert step.reviewed_by == {} and "zh_hans" in out_of_date(step)


def test_a_change_in_the_main_text_counts_too(admin_client, sample):
    from wagtail.rich_text import RichText

    project = type(sample.survey).objects.get(pk=sample.survey.pk)
    project.body_en = [("paragraph", RichText("<p>The survey covers doctoral graduates.</p>"))]
    project.body_zh_hans = [("paragraph", RichText("<p>调查覆盖博士毕业生。</p>"))]
    publish(project)
    project = type(project).objects.get(pk=project.pk)
    project.body_en = [("paragraph", RichText("<p>The survey covers doctoral graduates in six countries.</p>"))]
    project.save_revision()
    html = rows(admin_client)
    assert "Chinese may be out of date" in html and "PhD career survey" in html
    assert "<ins>in six countries.</ins>" in html or "<ins>graduates in six countries.</ins>" in html


def test_snippets_are_followed_too(admin_client):
    field = ResearchField.objects.get(slug="st-statistics")
    field.name = "Science and technology statistics"
    field.save()
    html = rows(admin_client)
    assert "Science and technology statistics" in html and "Chinese may be out of date" in html
    assert "Science and technology statistics" in rows(admin_client, "?section=snippets")
    assert "Science and technology statistics" not in rows(admin_client, "?section=partners")


def test_filters_and_exports_like_the_missing_translations_report(admin_client, sample):
    edit(sample.oecd, summary="An intergovernmental organisation.")
    edit(sample.uis, summary_zh_hans="联合国教科文组织统计研究所。")
    assert "UNESCO" not in rows(admin_client, "?language=zh_hans") and "Organisation for" in rows(
        admin_client, "?language=zh_hans"
    )
    assert "UNESCO" in rows(admin_client, "?language=en")
    response = admin_client.get(URL + "?export=csv")
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    table = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert {row["May be out of date"] for row in table} == {"Chinese", "English"}
    assert all(row["Section"] == "Partners" for row in table)


def test_the_dashboard_counts_them(admin_client, sample):
    edit(sample.oecd, summary="An intergovernmental organisation.")
    assert "1 record has a language that may be out of date" in admin_client.get("/admin/").content.decode()


def test_a_deleted_page_leaves_the_report(admin_client, sample):
    edit(sample.oecd, summary="An intergovernmental organisation.")
    PartnerPage.objects.get(pk=sample.oecd.pk).delete()
    assert "Organisation for Economic" not in rows(admin_client)


def test_marking_a_page_deleted_since_as_reviewed_is_a_404_not_a_500(admin_client, sample):
    from casted_site.reports.models import TranslationStep

    edit(sample.oecd, summary="An intergovernmental organisation.")
    step = TranslationStep.objects.get(object_id=str(sample.oecd.pk))
    PartnerPage.objects.get(pk=sample.oecd.pk).delete()
    assert admin_client.post(f"{URL}{step.pk}/zh_hans/reviewed/", follow=True).status_code == 404
