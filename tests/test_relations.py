"""Every relation is stored once and shown from both sides, as the seed text states it."""

import pytest

from wagtail.models import Page

from partners.models import MouPage, PartnerPage
from projects.models import ProjectPage

pytestmark = pytest.mark.django_db


def html(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_phd_career_survey_links_oecd_and_uis_and_they_link_back(client, language):
    project = html(client, f"/{language}/projects/phd-career-survey/")
    assert f'href="/{language}/partners/oecd/"' in project
    assert f'href="/{language}/partners/uis/"' in project
    for partner in ("oecd", "uis"):
        assert f'href="/{language}/projects/phd-career-survey/"' in html(client, f"/{language}/partners/{partner}/")


@pytest.mark.parametrize(
    ("project", "partner", "role_en", "role_zh"),
    [
        ("monitoring-social-and-economic-development-in-western-china", "fafo-ais", "Partner", "合作伙伴"),
        ("proprietary-innovation-strategy-for-western-china", "idrc", "Partner", "合作伙伴"),
        ("research-institute-performance-study", "nsf", "Funder or sponsor", "资助方"),
        ("female-scientists-roles-in-technology-research", "eu", "Funder or sponsor", "资助方"),
    ],
)
def test_each_joint_project_shows_its_partner_with_its_role(client, project, partner, role_en, role_zh):
    english = html(client, f"/en/projects/{project}/")
    assert f'href="/en/partners/{partner}/"' in english and role_en in english
    chinese = html(client, f"/zh-hans/projects/{project}/")
    assert f'href="/zh-hans/partners/{partner}/"' in chinese and role_zh in chinese
    assert f'href="/en/projects/{project}/"' in html(client, f"/en/partners/{partner}/")


def test_female_scientists_project_names_the_eu_sixth_framework_programme(client):
    assert "EU Sixth Framework Programme" in html(
        client, "/en/projects/female-scientists-roles-in-technology-research/"
    )
    assert "欧盟第六框架计划" in html(client, "/zh-hans/projects/female-scientists-roles-in-technology-research/")


@pytest.mark.parametrize("partner", ["nistep", "kistep", "stepi", "fafo-ais", "nistpass"])
def test_each_mou_partner_has_one_mou_linked_both_ways(client, partner):
    mou = MouPage.objects.get(partner__slug_en=partner)
    assert mou.live
    mou_html = html(client, f"/en/mous/{mou.slug_en}/")
    assert f'href="/en/partners/{partner}/"' in mou_html
    partner_html = html(client, f"/zh-hans/partners/{partner}/")
    assert f'href="/zh-hans/mous/{mou.slug_en}/"' in partner_html
    assert "备忘录合作伙伴" in partner_html


@pytest.mark.parametrize("partner", ["unesco", "unido", "undp", "oecd", "world-bank"])
def test_stable_partners_say_so(client, partner):
    assert PartnerPage.objects.get(slug_en=partner).stable_partnership
    assert "Stable partnership" in html(client, f"/en/partners/{partner}/")


def test_the_seed_has_every_record_it_names():
    assert PartnerPage.objects.count() == 17
    assert ProjectPage.objects.filter(status="completed").count() == 5
    assert MouPage.objects.count() == 5
    assert Page.objects.type(*_event_types()).count() == 11


def _event_types():
    from events.models import EventPage

    return (EventPage,)


def test_no_invented_facts_in_the_seed():
    from events.models import EventPage

    assert not EventPage.objects.filter(start_date__isnull=False).exists()
    assert not EventPage.objects.filter(venue_en__gt="").exists()
    assert not MouPage.objects.filter(date_signed__isnull=False).exists()
    assert not MouPage.objects.exclude(status="").exists()
    assert not ProjectPage.objects.filter(start_year__isnull=False).exists()


def test_event_shows_its_partners_and_projects_and_they_show_it(client):
    from tests.factories import make_event

    project = ProjectPage.objects.get(slug_en="phd-career-survey")
    oecd = PartnerPage.objects.get(slug_en="oecd")
    make_event("oecd-statistics-workshop", partners=[oecd], projects=[project], title="OECD statistics workshop")
    event = html(client, "/en/events/oecd-statistics-workshop/")
    assert 'href="/en/partners/oecd/"' in event and 'href="/en/projects/phd-career-survey/"' in event
    assert 'href="/en/events/oecd-statistics-workshop/"' in html(client, "/en/partners/oecd/")
    assert 'href="/en/events/oecd-statistics-workshop/"' in html(client, "/en/projects/phd-career-survey/")


def test_an_unpublished_record_is_not_linked_from_the_other_side(client):
    project = ProjectPage.objects.get(slug_en="phd-career-survey")
    project.unpublish()
    assert "/projects/phd-career-survey/" not in html(client, "/en/partners/oecd/")
