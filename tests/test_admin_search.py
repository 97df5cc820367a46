"""Admin search: every search box staff meet (pages, the page chooser, images, documents, snippets) answers on
SQLite and PostgreSQL, and finds what the public search finds: acronyms and Chinese names."""

import re

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("sample")]


@pytest.fixture
def staff_client(client):
    user = get_user_model().objects.create_superuser("searcher", "searcher@example.org", "password")
    client.force_login(user)
    call_command("update_index", verbosity=0)
    return client


ADMIN_SEARCHES = [
    "/admin/pages/search/",
    "/admin/choose-page/search/",
    "/admin/images/",
    "/admin/documents/",
    "/admin/snippets/projects/researchfield/",
]


@pytest.mark.parametrize("url", ADMIN_SEARCHES)
@pytest.mark.parametrize("query", ["OECD", "经合组织", "经济合作与发展组织", "科技政策", "policy", '"*(', "x" * 300])
def test_every_admin_search_answers(staff_client, url, query):
    response = staff_client.get(url, {"q": query})
    assert response.status_code == 200


def page_chooser_titles(client, query):
    response = client.get("/admin/choose-page/search/", {"q": query})
    assert response.status_code == 200
    return re.findall(r'data-title="([^"]*)"', response.content.decode())


@pytest.mark.parametrize(
    "query, title",
    [
        ("OECD", "Organisation for Economic Co-operation and Development"),
        ("经合组织", "Organisation for Economic Co-operation and Development"),
        ("经济合作与发展组织", "Organisation for Economic Co-operation and Development"),
        ("经济合作", "Organisation for Economic Co-operation and Development"),
        ("科技政策", "China-U.S. Forum on Science and Technology Policy"),
    ],
)
def test_the_page_chooser_finds_acronyms_and_chinese_names(staff_client, query, title):
    assert title in page_chooser_titles(staff_client, query)


@pytest.mark.parametrize("query", ["OECD", "经合组织", "经济合作与发展组织"])
def test_search_all_pages_finds_acronyms_and_chinese_names(staff_client, query):
    response = staff_client.get("/admin/pages/search/", {"q": query})
    assert "Organisation for Economic Co-operation and Development" in response.content.decode()
