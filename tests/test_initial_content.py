"""load_initial_content: the page tree it builds, and that running it again changes nothing."""

import pytest

from django.core.management import call_command
from django.utils import translation

from wagtail.models import Page, Site

from casted_site.home.models import HomePage

pytestmark = pytest.mark.django_db


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
    }
    for page in home.get_children().specific():
        assert page.live
        assert page.title_zh_hans and page.intro_en and page.intro_zh_hans


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
    from partners.models import PartnerPage
    from projects.models import ProjectPage

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
