"""generate_scale_content: synthetic records, clearly marked, refused on a real database unless told."""

from io import StringIO

import pytest

from django.core.management import CommandError, call_command

from wagtail.models import Page

from events.models import EventPage
from news.models import NewsPage
from partners.models import MouPage, PartnerPage
from projects.models import ProjectPage
from publications.models import PublicationPage
from tests.factories import make_partner

pytestmark = pytest.mark.django_db


def generate(*args):
    call_command("generate_scale_content", *args, stdout=StringIO())


def test_refuses_a_database_with_real_content():
    make_partner("real-partner")
    with pytest.raises(CommandError, match="holds 1 real records"):
        generate("--partners", "2")
    assert not PartnerPage.objects.filter(slug_en__startswith="synthetic-").exists()


def test_adds_marked_records_linked_to_each_other_and_removes_only_them(client):
    kept = make_partner("real-partner")
    generate(
        *("--partners", "4", "--projects", "6", "--events", "5", "--mous", "2", "--news", "3", "--publications", "4"),
        "--allow-real-content",
    )
    synthetic = Page.objects.filter(slug_en__startswith="synthetic-")
    assert synthetic.count() == 24
    assert all(
        page.title_en.startswith("[Synthetic]") and page.title_zh_hans.startswith("[合成数据]") for page in synthetic
    )
    assert all(
        project.project_partners.exists() for project in ProjectPage.objects.filter(slug_en__startswith="synthetic-")
    )
    assert client.get("/zh-hans/projects/synthetic-project-000001/").status_code == 200
    for path in ("/zh-hans/news/synthetic-news-000001/", "/en/publications/synthetic-publication-000004/cite.ris"):
        assert client.get(path).status_code == 200, path
    # All 24 records match "synthetic" alike, more than a page of results, in no set order: the 6 projects fit.
    found = client.get("/en/search/?q=synthetic&kind=projects").content.decode()
    assert "/en/projects/synthetic-project-000001/" in found
    generate("--partners", "1", "--allow-real-content")
    assert PartnerPage.objects.filter(slug_en="synthetic-partner-000005").exists()
    generate("--remove")
    assert not Page.objects.filter(slug_en__startswith="synthetic-").exists()
    assert list(PartnerPage.objects.all()) == [kept]
    assert not ProjectPage.objects.exists() and not MouPage.objects.exists() and not EventPage.objects.exists()
    assert not NewsPage.objects.exists() and not PublicationPage.objects.exists()
