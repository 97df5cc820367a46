"""The two sections added on the section interface, as staff meet them: the admin's import (an editor's rows are
drafts in moderation), the editor's form, moderation, and the translation reports, found without their naming."""

from pathlib import Path

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from wagtail.models import Page

from news.models import NewsPage
from publications.models import PublicationPage
from tests.factories import make_news, make_publication, make_staff

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.mark.parametrize(("kind", "model", "count"), [("news", NewsPage, 3), ("publications", PublicationPage, 7)])
def test_an_editors_import_makes_drafts_for_moderation(client, inbox, kind, model, count):
    make_staff("mo", "Moderators")
    client.force_login(make_staff("erin", "Editors"))
    upload = SimpleUploadedFile(f"{kind}.csv", (EXAMPLES / f"{kind}.csv").read_bytes(), "text/csv")
    checked = client.post("/admin/records/import/", {"kind": kind, "file": upload}).content.decode()
    assert checked.count("Will be created") == count
    done = client.post("/admin/records/import/", {"confirm": "1"}).content.decode()
    assert f"{count} records imported as drafts and submitted for moderation." in done
    assert not model.objects.live().exists() and all(page.workflow_in_progress for page in model.objects.all())
    assert inbox.bodies_to("mo@example.org")


def test_an_editor_adds_a_publication_in_the_admin_and_it_waits_for_a_moderator(client):
    client.force_login(make_staff("erin", "Editors"))
    index = Page.objects.get(slug_en="publications")
    form = client.get(f"/admin/pages/add/publications/publicationpage/{index.pk}/")
    assert form.status_code == 200
    html = form.content.decode()
    for label in ("Authors (English)", "Authors (中文)", "Bibliographic details", "Language of the publication"):
        assert label in html
    chinese = client.get(
        f"/admin/pages/add/news/newspage/{Page.objects.get(slug_en='news').pk}/", HTTP_ACCEPT_LANGUAGE="zh-hans"
    )
    assert chinese.status_code == 200


def test_the_translation_reports_list_news_and_publications(admin_client):
    with translation.override("en"):
        make_news("english-only", title="An English-only item")
        publication = make_publication(
            "pub", title="A report", title_zh_hans="一份报告", summary="A summary.", summary_zh_hans="摘要。"
        )
    missing = admin_client.get("/admin/reports/missing-translations/").content.decode()
    assert "An English-only item" in missing
    publication.summary = "A summary, changed in English only."
    publication.save_revision().publish()
    stale = admin_client.get("/admin/reports/stale-translations/").content.decode()
    assert "A report" in stale and "Chinese may be out of date" in stale


def test_a_citation_file_is_kept_in_the_page_cache_and_follows_publishing(client):
    from django.test import override_settings

    from tests.test_page_cache import locmem

    with override_settings(PAGE_CACHE_SECONDS=600, CACHES=locmem()):
        publication = make_publication("pub", title="A report", authors="OECD", year=2024)
        assert client.get("/en/publications/pub/cite.ris")["X-Page-Cache"] == "miss"
        second = client.get("/en/publications/pub/cite.ris")
        assert second["X-Page-Cache"] == "hit" and b"TI  - A report" in second.content
        publication.title = "A renamed report"
        publication.save_revision().publish()
        assert b"TI  - A renamed report" in client.get("/en/publications/pub/cite.ris").content
