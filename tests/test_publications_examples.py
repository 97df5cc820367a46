"""A publication imported from examples/publications.csv, over the real content: what the issue asks of it."""

import re
from io import StringIO
from pathlib import Path

import bibtexparser
import pytest
import rispy

from django.core.management import call_command

from publications.models import PublicationPage
from tests.test_publications import citations_on, meta_tags
from tests.test_seo_and_feeds import json_ld

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def import_examples():
    out = StringIO()
    call_command("import_records", str(EXAMPLES / "publications.csv"), "--kind", "publications", stdout=out)
    return out.getvalue()


class TestTheExampleFile:
    """What the issue asks of a publication imported from examples/publications.csv, over the real content."""

    @pytest.fixture(autouse=True)
    def imported(self):
        report = import_examples()
        assert "7 created" in report and "0 refused" in report

    def test_each_type_is_there_once_and_live(self):
        types = sorted(PublicationPage.objects.live().values_list("publication_type", flat=True))
        assert types == sorted(
            ["report", "working-paper", "journal-article", "book", "chapter", "policy-brief", "proceedings"]
        )

    def test_the_report_shows_its_citation_in_three_styles_in_both_languages(self, client):
        english = citations_on(client.get("/en/publications/example-report/").content.decode())
        assert list(english) == ["GB/T 7714—2015", "APA 7th edition", "Chicago 18th edition (author-date)"]
        assert english["GB/T 7714—2015"].startswith(
            "EXAMPLE A, SAMPLE S. Example report on doctorate holders' careers (sample record)[R/OL]. Paris: "
            "Example Publisher, 2025."
        )
        assert english["APA 7th edition"].startswith("Example, A., & Sample, S. (2025). Example report on doctorate")
        assert english["APA 7th edition"].endswith("https://doi.org/10.5555/casted-sample-0001")
        assert english["Chicago 18th edition (author-date)"].startswith("Example, Author, and Second Sample. 2025.")
        chinese_page = client.get("/zh-hans/publications/example-report/").content.decode()
        assert ">引用本文</h2>" in chinese_page
        # An English report is cited in English on the Chinese page too: as it is printed.
        chinese = citations_on(chinese_page)
        assert list(chinese) == ["GB/T 7714—2015", "APA格式（第7版）", "芝加哥格式（第18版，著者-出版年制）"]
        assert list(chinese.values()) == list(english.values())

    def test_a_chinese_article_is_cited_in_chinese_with_its_type_code(self, client):
        for language in ("en", "zh-hans"):
            cited = citations_on(client.get(f"/{language}/publications/example-journal-article/").content.decode())
            assert cited["GB/T 7714—2015"] == (
                "王小明, 李华. 科技统计示例论文（示例记录）[J]. 示例科技政策学报, 2023, 12(3): 15-32."
            )
            assert list(cited.values())[1].startswith(
                "王小明, & 李华. (2023). 科技统计示例论文（示例记录）. 示例科技政策学报, 12(3)"
            )

    def test_a_book_in_both_languages_is_cited_in_the_pages_language(self, client):
        english = citations_on(client.get("/en/publications/example-book/").content.decode())
        chinese = citations_on(client.get("/zh-hans/publications/example-book/").content.decode())
        assert (
            "Example book on international S&T cooperation (sample record)[M]. Beijing: Example Press, 2022."
            in (english["GB/T 7714—2015"])
        )
        assert "国际科技合作示例著作（示例记录）[M]. 北京: 示例出版社, 2022." in chinese["GB/T 7714—2015"]

    def test_the_bibtex_download_parses(self, client):
        response = client.get("/en/publications/example-report/cite.bib")
        assert response.status_code == 200 and response["Content-Type"] == "application/x-bibtex; charset=utf-8"
        assert response["Content-Disposition"] == 'attachment; filename="example-report.bib"'
        library = bibtexparser.parse_string(response.content.decode())
        assert not library.failed_blocks
        (entry,) = library.entries
        assert entry.entry_type == "techreport"
        assert entry["author"] == "Example, Author and Sample, Second"
        assert entry["year"] == "2025" and entry["doi"] == "10.5555/casted-sample-0001"
        assert entry["institution"] == "Example Publisher"
        chinese = bibtexparser.parse_string(
            client.get("/zh-hans/publications/example-journal-article/cite.bib").content.decode()
        )
        (article,) = chinese.entries
        assert article.entry_type == "article" and article["journal"] == "示例科技政策学报"
        assert article["author"] == "{王小明} and {李华}" and article["pages"] == "15--32"

    def test_the_ris_download_parses(self, client):
        response = client.get("/zh-hans/publications/example-journal-article/cite.ris")
        assert response["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
        (entry,) = rispy.loads(response.content.decode())
        assert entry["type_of_reference"] == "JOUR"
        assert entry["authors"] == ["王小明", "李华"]
        assert entry["title"] == "科技统计示例论文（示例记录）"
        assert (entry["volume"], entry["number"], entry["start_page"], entry["end_page"]) == ("12", "3", "15", "32")
        assert entry["issn"] == "1234-5679"
        (report,) = rispy.loads(client.get("/en/publications/example-report/cite.ris").content.decode())
        assert report["type_of_reference"] == "RPRT" and report["doi"] == "10.5555/casted-sample-0001"

    def test_the_highwire_tags_are_there_for_scholar_indexes(self, client):
        html = client.get("/en/publications/example-journal-article/").content.decode()
        assert meta_tags(html, "citation_title") == ["科技统计示例论文（示例记录）"]
        assert meta_tags(html, "citation_author") == ["王小明", "李华"]
        assert meta_tags(html, "citation_publication_date") == ["2023"]
        assert meta_tags(html, "citation_journal_title") == ["示例科技政策学报"]
        assert meta_tags(html, "citation_firstpage") == ["15"] and meta_tags(html, "citation_lastpage") == ["32"]
        report = client.get("/en/publications/example-report/").content.decode()
        assert meta_tags(report, "citation_doi") == ["10.5555/casted-sample-0001"]
        assert meta_tags(report, "citation_publication_date") == ["2025/06/30"]

    def test_it_appears_on_its_projects_partners_and_events_pages(self, client):
        for language, heading in (("en", "Publications"), ("zh-hans", "研究成果")):
            project = client.get(f"/{language}/projects/phd-career-survey/").content.decode()
            assert f">{heading}</h2>" in project
            assert f'<a href="/{language}/publications/example-report/">' in project
            partner = client.get(f"/{language}/partners/oecd/").content.decode()
            assert f'<a href="/{language}/publications/example-report/">' in partner
        event = client.get("/en/events/international-st-assessment-workshop/").content.decode()
        assert '<a href="/en/publications/example-proceedings/">' in event
        report = client.get("/en/publications/example-report/").content.decode()
        assert '<a href="/en/projects/phd-career-survey/">' in report and '<a href="/en/partners/oecd/">' in report

    def test_the_structured_data_is_typed_by_the_kind_of_publication(self, client):
        kinds = {
            "example-report": "Report",
            "example-journal-article": "ScholarlyArticle",
            "example-book": "Book",
            "example-book-chapter": "Chapter",
            "example-policy-brief": "Report",
        }
        for slug, kind in kinds.items():
            data = json_ld(client.get(f"/en/publications/{slug}/").content.decode())
            assert data["@type"] == kind, slug
        article = json_ld(client.get("/en/publications/example-journal-article/").content.decode())
        assert article["isPartOf"] == {
            "@type": "Periodical",
            "name": "Example Journal of S&T Policy",
            "issn": "1234-5679",
        }
        report = json_ld(client.get("/en/publications/example-report/").content.decode())
        assert report["identifier"]["value"] == "10.5555/casted-sample-0001"

    def test_the_listing_filters_by_type_year_language_project_and_partner(self, client):
        html = client.get("/en/publications/").content.decode()
        assert "7 records" in html
        for query, expected in [
            ("type=book", {"example-book"}),
            ("year=2022", {"example-book", "example-book-chapter"}),
            ("language=zh", {"example-journal-article"}),
            ("project=phd-career-survey", {"example-report"}),
            ("partner=oecd", {"example-report"}),
        ]:
            listed = set(
                re.findall(
                    r'<h3><a href="/en/publications/([\w-]+)/"',
                    client.get(f"/en/publications/?{query}").content.decode(),
                )
            )
            assert listed == expected, query
        chinese = client.get("/zh-hans/publications/").content.decode()
        assert "工作论文" in chinese and "政策简报" in chinese

    def test_the_home_page_counts_them_and_the_feed_lists_them(self, client):
        html = client.get("/en/").content.decode()
        assert re.search(r'<span class="figure-number">7</span> <span class="figure-label">publications</span>', html)
        feed = client.get("/zh-hans/publications/feed/").content.decode()
        assert feed.count("<entry>") == 7 and "科技统计示例论文（示例记录）" in feed

    def test_export_then_import_leaves_them_unchanged(self, tmp_path):
        file = tmp_path / "publications.csv"
        call_command("export_records", "--kind", "publications", "--output", str(file), stdout=StringIO())
        before = file.read_text(encoding="utf-8")
        out = StringIO()
        call_command("import_records", str(file), "--kind", "publications", stdout=out)
        assert "0 created, 0 updated" in out.getvalue() and "0 refused" in out.getvalue()
        call_command("export_records", "--kind", "publications", "--output", str(file), stdout=StringIO())
        assert file.read_text(encoding="utf-8") == before
