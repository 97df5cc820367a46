"""The publications section: citable records. "Cite this" in GB/T 7714-2015, APA 7 and Chicago in both languages,
BibTeX and RIS that parse, Highwire citation_* tags, JSON-LD by type, checked identifiers and PDFs, the facets, and
the lists on the pages of the projects, events and partners a publication came from."""

import re
from html import unescape
from pathlib import Path

import pytest
from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
from citeproc.source.json import CiteProcJSON

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from wagtail.documents.models import Document

from publications import citations
from publications.identifiers import isbn_is_valid, issn_is_valid, normal_doi, validate_doi
from publications.models import PublicationPage
from tests.factories import make_partner, make_project, make_publication, publish
from tests.files import pdf_bytes

pytestmark = pytest.mark.django_db

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def citations_on(html):
    """{style label: reference as text} from a page's "Cite this"."""
    block = html[html.index('<dl class="citations">') : html.index("</dl>", html.index('<dl class="citations">'))]
    pairs = re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", block, re.S)
    return {label: re.sub(r"<[^>]+>", "", text).replace("&amp;", "&") for label, text in pairs}


def meta_tags(html, name):
    return re.findall(rf'<meta name="{name}" content="([^"]*)">', html)


def test_an_empty_publications_section_says_what_will_appear_there(client, home):
    assert '<p class="empty">The reports, working papers' in client.get("/en/publications/").content.decode()
    chinese = client.get("/zh-hans/publications/").content.decode()
    assert '<p class="empty">这里将发布' in chinese
    assert 'class="figure-label">publications' not in client.get("/en/").content.decode()


def test_a_publications_pdf_is_offered_with_its_size_and_a_page_without_one_is_cited_as_printed(client, home):
    pdf = Document.objects.create(title="Full text", file=ContentFile(pdf_bytes(), name="report.pdf"))
    pdf.file_size = pdf.file.size
    pdf.save()
    make_publication("with-pdf", title="A report", authors="OECD", year=2024)
    publication = PublicationPage.objects.get(slug_en="with-pdf")
    publication.pdf = pdf
    publish(publication)
    html = client.get("/en/publications/with-pdf/").content.decode()
    assert re.search(
        r'href="/documents/\d+/report\.pdf" type="application/pdf" download>Download the PDF \(\d+\xa0bytes\)', html
    )
    assert meta_tags(html, "citation_pdf_url")[0].startswith("http://testserver/documents/")
    assert "[R/OL]" in citations_on(html)["GB/T 7714—2015"]
    make_publication("printed", title="A printed report", authors="OECD", year=2024)
    assert (
        "A printed report[R]. 2024."
        in citations_on(client.get("/en/publications/printed/").content.decode())["GB/T 7714—2015"]
    )


def test_a_document_that_is_not_a_pdf_is_refused_as_the_full_text(home):
    fake = Document.objects.create(title="Fake", file=ContentFile(b"<html>not a pdf</html>", name="fake.pdf"))
    publication = make_publication("fake-pdf")
    publication.pdf = fake
    with pytest.raises(ValidationError) as refused:
        publication.full_clean()
    assert "pdf" in refused.value.message_dict


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("978-3-16-148410-0", True),
        ("9783161484100", True),
        ("0-306-40615-2", True),
        ("978-3-16-148410-1", False),
        ("12345", False),
    ],
)
def test_isbn_check_digits(value, valid):
    assert isbn_is_valid(value) is valid


@pytest.mark.parametrize(
    ("value", "valid"), [("1234-5679", True), ("0378-5955", True), ("1234-5678", False), ("12345679x", False)]
)
def test_issn_check_digits(value, valid):
    assert issn_is_valid(value) is valid


def test_a_doi_is_kept_as_the_doi_itself_whatever_form_it_is_pasted_in(home):
    assert normal_doi("https://doi.org/10.1787/9789264239012-en") == "10.1787/9789264239012-en"
    assert normal_doi(" doi:10.1787/abc ") == "10.1787/abc"
    with pytest.raises(ValidationError):
        validate_doi("not-a-doi")
    publication = make_publication("doi", doi="https://doi.org/10.1787/abc")
    publication.full_clean()
    assert publication.doi == "10.1787/abc"


def gb_t_reference(item):
    return unescape(re.sub(r"<[^>]+>", "", citations.references(item, "zh-CN")[0]["html"]))


def test_gb_t_7714_follows_the_standards_own_examples():
    """Two references as GB/T 7714-2015 prints them in its examples (a journal article with more than three authors,
    "等" after the third; an English book, family names in capitals)."""
    article = {
        "id": "a",
        "type": "article-journal",
        "title": "蓝田生物群：一个认识多细胞生物起源和早期演化的新窗口",
        "author": [{"literal": name} for name in ("袁训来", "陈哲", "肖书海", "万斌")],
        "issued": {"date-parts": [[2012]]},
        "container-title": "科学通报",
        "volume": "55",
        "issue": "34",
        "page": "3219",
        "language": "zh-CN",
    }
    assert gb_t_reference(article) == (
        "袁训来, 陈哲, 肖书海, 等. 蓝田生物群：一个认识多细胞生物起源和早期演化的新窗口[J]. 科学通报, 2012, 55(34): 3219."
    )
    book = {
        "id": "b",
        "type": "book",
        "title": "Future libraries: dreams, madness, & reality",
        "author": [{"family": "Crawfprd", "given": "W."}, {"family": "Gorman", "given": "M."}],
        "issued": {"date-parts": [[1995]]},
        "publisher": "American Library Association",
        "publisher-place": "Chicago",
        "language": "en-US",
    }
    assert gb_t_reference(book) == (
        "CRAWFPRD W, GORMAN M. Future libraries: dreams, madness, & reality[M]. Chicago: American Library Association, 1995."
    )


def plain_reference(style_name, item, fixed):
    style = citations.csl_style(style_name, "en-US", fixed=fixed)
    bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), formatter.plain)
    bibliography.register(Citation([CitationItem(item["id"])]))
    return str(bibliography.bibliography()[0])


def test_citeproc_still_needs_the_two_fixes():
    """citeproc-py (0.11) abbreviates Chicago's given names and drops GB/T's [J] from a printed article. When an
    upgrade stops doing either, this fails: remove the fix from publications/citations.py's CITEPROC_FIXES."""
    person = {"id": "p", "type": "book", "title": "T", "author": [{"family": "Smith", "given": "John"}]}
    assert plain_reference("chicago-author-date", person, fixed=False).startswith("Smith, J.")
    assert plain_reference("chicago-author-date", person, fixed=True).startswith("Smith, John.")
    article = {"id": "a", "type": "article-journal", "title": "T", "container-title": "J", "author": [{"literal": "X"}]}
    gb_t = "china-national-standard-gb-t-7714-2015-numeric"
    assert "[J]" not in plain_reference(gb_t, article, fixed=False)
    assert "T[J]. J" in plain_reference(gb_t, article, fixed=True)


def test_only_the_declared_page_files_are_routed(client, home):
    make_publication("report")
    assert client.get("/en/publications/report/cite.bib").status_code == 200
    assert client.get("/en/publications/report/cite.txt").status_code == 404
    assert client.get("/en/publications/report/cite.bib/").status_code == 404


def test_a_partner_that_co_published_lists_it_and_the_project_too(client, home):
    partner = make_partner("oecd", title="OECD")
    project = make_project("survey", partners=[partner], title="Survey")
    make_publication(
        "brief", title="A brief", publication_type="policy-brief", year=2026, partners=[partner], projects=[project]
    )
    for path in ("/en/partners/oecd/", "/en/projects/survey/"):
        html = client.get(path).content.decode()
        assert '<a href="/en/publications/brief/">A brief</a> <span class="muted">Policy brief · 2026</span>' in html


def test_a_projects_outputs_that_are_publications_become_publications_listed_on_it(client, home):
    from importlib import import_module

    from django.apps import apps

    from projects.models import ProjectPage
    from publications.outputs import move_outputs_to_publications
    from tests.files import docx_bytes

    pdf = Document.objects.create(title="Final report", file=ContentFile(pdf_bytes(), name="final.pdf"))
    slides = Document.objects.create(title="Slides", file=ContentFile(docx_bytes(), name="slides.docx"))
    project = make_project("survey", title="Survey")
    project.outputs_en = [
        ("link", {"title": "OECD working paper", "url": "https://www.oecd.org/paper"}),
        ("document", {"document": pdf, "title": ""}),
        ("document", {"document": slides, "title": "Workshop slides"}),
    ]
    project.outputs_zh_hans = [("link", {"title": "经合组织工作论文", "url": "https://www.oecd.org/paper"})]
    publish(project)
    migration = import_module("publications.migrations.0002_projects_outputs")
    migration.move(apps, None)  # as the migration runs it, today's models standing in for its state's
    moved = {page.title_en: page for page in PublicationPage.objects.live()}
    assert set(moved) == {"OECD working paper", "Final report"}
    paper = moved["OECD working paper"]
    assert (paper.title_zh_hans, paper.external_url, list(paper.projects.all())) == (
        "经合组织工作论文",
        "https://www.oecd.org/paper",
        [ProjectPage.objects.get(pk=project.pk)],
    )
    assert moved["Final report"].pdf == pdf
    project = ProjectPage.objects.get(pk=project.pk)
    assert [block.value["title"] for block in project.outputs_en] == ["Workshop slides"]  # not a publication
    assert list(project.outputs_zh_hans) == []
    html = client.get("/en/projects/survey/").content.decode()
    assert ">Publications</h2>" in html and f'<a href="/en/publications/{paper.slug}/">OECD working paper</a>' in html
    assert "Workshop slides" in html
    assert move_outputs_to_publications() == 0  # once


def test_a_draft_previews_in_both_languages_with_its_unsaved_links_and_citation(home):
    from tests.factories import make_event, make_news

    partner = make_partner("oecd", title="OECD", title_zh_hans="经济合作与发展组织")
    publication = make_publication("draft", title="A draft report", title_zh_hans="报告草稿", language="zh-en")
    publication.partners = [partner]  # in memory only, as the editor's form hands it to the preview
    news = make_news("draft-news", title="A draft item", title_zh_hans="新闻草稿")
    news.partners = [partner]
    project = make_project("survey", title="Survey", title_zh_hans="调查")
    event = make_event("forum", title="Forum")
    event.related_projects = [project]
    for mode, cite, title, partner_name in (
        ("en", "Cite this", "A draft report", "OECD"),
        ("zh-hans", "引用本文", "报告草稿", "经济合作与发展组织"),
    ):
        html = publication.make_preview_request(preview_mode=mode).content.decode()
        assert f">{cite}</h2>" in html and f"{title}[R]" in html and f">{partner_name}</a>" in html
        assert f">{partner_name}</a>" in news.make_preview_request(preview_mode=mode).content.decode()
        assert ("Survey" if mode == "en" else "调查") in event.make_preview_request(preview_mode=mode).content.decode()
