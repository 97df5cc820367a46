"""load_initial_content: the page tree it builds, and that running it again changes nothing."""

import pytest

from django.core.management import call_command
from django.utils import translation

from wagtail.models import Page, Site

from casted_site.home.models import HomePage
from events.models import EventPage
from partners.models import MouPage, PartnerPage
from projects.models import ProjectPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]


@pytest.fixture
def home(seeded):
    return seeded


def test_home_page_is_the_default_sites_root(home):
    site = Site.objects.get(is_default_site=True)
    assert site.root_page_id == home.pk
    assert home.title_en == "International Exchange and Cooperation"
    assert home.title_zh_hans == "国际交流与合作"


def test_each_section_has_one_index_page_under_home(home):
    children = {page.slug_en: page.specific_class.__name__ for page in home.get_children()}
    assert children == {
        "projects": "ProjectIndexPage",
        "partners": "PartnerIndexPage",
        "mous": "MouIndexPage",
        "events": "EventIndexPage",
        "news": "NewsIndexPage",
        "publications": "PublicationIndexPage",
    }
    for page in home.get_children().specific():
        assert page.live
        assert page.title_zh_hans and page.summary_zh_hans
        # The text says nothing of news or publications: their listings start empty, and say what will appear.
        assert bool(page.intro_en) == bool(page.intro_zh_hans) == (page.slug_en not in ("news", "publications"))


def test_wagtails_welcome_placeholder_is_gone():
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()


def test_running_twice_changes_nothing():
    before = list(Page.objects.order_by("path").values_list("path", "title_en", "title_zh_hans", "latest_revision_id"))
    call_command("load_initial_content", verbosity=0)
    after = list(Page.objects.order_by("path").values_list("path", "title_en", "title_zh_hans", "latest_revision_id"))
    assert after == before


def test_an_editors_change_survives_a_second_run(home):
    projects = home.get_children().get(slug_en="projects").specific
    with translation.override("en"):
        projects.title_zh_hans = "编辑修改过的标题"
        projects.save_revision().publish()
    call_command("load_initial_content", verbosity=0)
    projects.refresh_from_db()
    assert projects.title_zh_hans == "编辑修改过的标题"
    assert HomePage.objects.count() == 1


def test_a_deleted_section_is_restored(home):
    home.get_children().get(slug_en="events").delete()
    call_command("load_initial_content", verbosity=0)
    assert home.get_children().filter(slug_en="events").count() == 1


def test_an_editors_change_to_a_record_survives_a_second_run():
    partner = PartnerPage.objects.get(slug_en="nistpass")
    with translation.override("en"):
        partner.title_zh_hans = "越南国家科学技术政策与战略研究院"
        partner.save_revision().publish()
    project = ProjectPage.objects.get(slug_en="phd-career-survey")
    project.project_partners.filter(partner__slug_en="uis").delete()
    call_command("load_initial_content", verbosity=0)
    partner.refresh_from_db()
    assert partner.title_zh_hans == "越南国家科学技术政策与战略研究院"
    assert list(project.project_partners.values_list("partner__slug_en", flat=True)) == ["oecd"]
    assert PartnerPage.objects.filter(slug_en="nistpass").count() == 1


# The relations the seed text states, shown from both sides.


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


JOINT_PROJECTS = [  # project, partner, its role in English and in Chinese
    ("monitoring-social-and-economic-development-in-western-china", "fafo-ais", "Partner", "合作伙伴"),
    ("proprietary-innovation-strategy-for-western-china", "idrc", "Partner", "合作伙伴"),
    ("research-institute-performance-study", "nsf", "Funder or sponsor", "资助方"),
    ("female-scientists-roles-in-technology-research", "eu", "Funder or sponsor", "资助方"),
]


def test_each_joint_project_of_the_seed_shows_its_partner_with_its_role(client):
    # One test for all four: each test loads the whole seed.
    for project, partner, role_en, role_zh in JOINT_PROJECTS:
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


def test_each_mou_partner_has_one_mou_linked_both_ways(client):
    for partner in ("nistep", "kistep", "stepi", "fafo-ais", "nistpass"):
        mou = MouPage.objects.get(partner__slug_en=partner)
        assert mou.live
        assert f'href="/en/partners/{partner}/"' in html(client, f"/en/mous/{mou.slug_en}/")
        assert f'href="/zh-hans/mous/{mou.slug_en}/"' in html(client, f"/zh-hans/partners/{partner}/")


def test_the_stable_partners_are_the_ones_the_text_names():
    stable = PartnerPage.objects.filter(stable_partnership=True).values_list("slug_en", flat=True)
    assert set(stable) == {"unesco", "unido", "undp", "oecd", "world-bank"}


def test_the_seed_has_every_record_it_names():
    assert PartnerPage.objects.count() == 17
    assert ProjectPage.objects.filter(status="completed").count() == 5
    assert MouPage.objects.count() == 5
    assert EventPage.objects.count() == 11


def test_no_invented_facts_in_the_seed():
    assert not EventPage.objects.filter(start_date__isnull=False).exists()
    assert not EventPage.objects.filter(venue_en__gt="").exists()
    assert not MouPage.objects.filter(date_signed__isnull=False).exists()
    assert not MouPage.objects.exclude(status="").exists()
    assert not ProjectPage.objects.filter(start_year__isnull=False).exists()


def test_no_two_records_share_a_summary_and_no_intro_repeats_another():
    """A sentence on every card says nothing: records the content says nothing particular of have no summary."""
    for model in (ProjectPage, PartnerPage, MouPage, EventPage):
        summaries = [summary for summary in model.objects.values_list("summary_en", flat=True) if summary]
        assert len(summaries) == len(set(summaries)), model
    intros = [page.specific.intro_en for page in Page.objects.filter(depth=3) if page.specific.intro_en]
    assert len(intros) == len(set(intros))
