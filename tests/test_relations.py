"""Every relation is stored once and shown from both sides. (The seed's own relations: test_initial_content.py.)"""

import pytest

from wagtail.models import PageViewRestriction

from partners.models import PartnerPage, PartnerRole
from tests.factories import make_event, make_mou, make_partner, make_project

pytestmark = pytest.mark.django_db


def html(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


@pytest.fixture
def survey():
    """A project with two partners in different roles."""
    oecd = make_partner("oecd", title="Organisation for Economic Co-operation and Development")
    nsf = make_partner("nsf", title="National Science Foundation")
    return make_project("phd-career-survey", partners=[oecd, (nsf, PartnerRole.SPONSOR)], title="PhD career survey")


@pytest.mark.parametrize(
    ("language", "partner", "role"),
    [
        ("en", "oecd", "Partner"),
        ("en", "nsf", "Funder or sponsor"),
        ("zh-hans", "oecd", "合作伙伴"),
        ("zh-hans", "nsf", "资助方"),
    ],
)
def test_a_project_links_its_partners_with_their_roles_and_they_link_back(client, survey, language, partner, role):
    project = html(client, f"/{language}/projects/phd-career-survey/")
    assert f'href="/{language}/partners/{partner}/"' in project and role in project
    assert f'href="/{language}/projects/phd-career-survey/"' in html(client, f"/{language}/partners/{partner}/")


def test_an_mou_and_its_partner_link_to_each_other(client):
    nistep = make_partner("nistep", title="National Institute of Science and Technology Policy")
    make_mou("mou-nistep", nistep)
    assert 'href="/en/partners/nistep/"' in html(client, "/en/mous/mou-nistep/")
    partner_html = html(client, "/zh-hans/partners/nistep/")
    assert 'href="/zh-hans/mous/mou-nistep/"' in partner_html
    assert "备忘录合作伙伴" in partner_html


def test_a_stable_partner_says_so_and_another_does_not(client):
    make_partner("unesco", stable_partnership=True)
    make_partner("occasional")
    assert "Stable partnership" in html(client, "/en/partners/unesco/")
    assert "Stable partnership" not in html(client, "/en/partners/occasional/")


def test_event_shows_its_partners_and_projects_and_they_show_it(client, survey):
    project = survey
    oecd = PartnerPage.objects.get(slug_en="oecd")
    make_event("oecd-statistics-workshop", partners=[oecd], projects=[project], title="OECD statistics workshop")
    event = html(client, "/en/events/oecd-statistics-workshop/")
    assert 'href="/en/partners/oecd/"' in event and 'href="/en/projects/phd-career-survey/"' in event
    assert 'href="/en/events/oecd-statistics-workshop/"' in html(client, "/en/partners/oecd/")
    assert 'href="/en/events/oecd-statistics-workshop/"' in html(client, "/en/projects/phd-career-survey/")


def test_an_unpublished_record_is_not_linked_from_the_other_side(client, survey):
    assert "/projects/phd-career-survey/" in html(client, "/en/partners/oecd/")
    survey.unpublish()
    assert "/projects/phd-career-survey/" not in html(client, "/en/partners/oecd/")


@pytest.mark.parametrize("hide", ["unpublish", "restrict"])
def test_an_mou_neither_names_nor_links_a_partner_visitors_may_not_see(client, hide):
    nistep = make_partner("nistep", title="National Institute of Science and Technology Policy")
    make_mou("mou-nistep", nistep, title="MOU with a hidden partner")
    if hide == "unpublish":
        nistep.unpublish()
    else:
        PageViewRestriction.objects.create(page=nistep, restriction_type="password", password="secret")
    for path in ("/en/mous/mou-nistep/", "/en/mous/", "/zh-hans/mous/"):
        page = html(client, path)
        assert "/partners/nistep/" not in page and "National Institute of Science" not in page, path
    assert "MOU with a hidden partner" in html(client, "/en/mous/")
