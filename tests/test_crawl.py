"""Crawl the site as a visitor would, from each language's home page: every record is reached in both languages,
no link is broken, and nothing answers 500. Crawled over the real initial content, which this checks whole."""

import re
from html import unescape
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from django.core.management import call_command

from wagtail.models import Page

from casted_site.seed import initial_content

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]

HREF = re.compile(r'href="([^"]+)"')
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


class VisibleText(HTMLParser):
    """The text a visitor reads in the page's language: everything outside <head>, <script> and <style>, and
    outside elements marked lang="en" (names given in English on purpose, such as the switcher's 'English')."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__()
        self.parts, self.stack = [], []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        hidden = tag in ("head", "script", "style") or (dict(attrs).get("lang") or "").startswith("en")
        self.stack.append((tag, hidden))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not any(hidden for _tag, hidden in self.stack):
            self.parts.append(data)


def latin_words(html):
    parser = VisibleText()
    parser.feed(html)
    return set(re.findall(r"[A-Za-z][A-Za-z'-]+", " ".join(parser.parts)))


def crawl(client, start, limit=600, on_page=None):
    seen, queue, statuses = set(), [start], {}
    while queue and len(seen) < limit:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        statuses[path] = response.status_code
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        html = response.content.decode()
        if on_page:
            on_page(path, html)
        for href in HREF.findall(html):
            url = urlsplit(urljoin("http://testserver" + path, unescape(href)))
            if url.netloc not in ("", "testserver") or url.path.startswith(("/static/", "/admin/", "/documents/")):
                continue
            target = url.path + (f"?{url.query}" if url.query else "")
            if url.path.startswith(start) and target not in seen:
                queue.append(target)
    return statuses


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_every_record_is_reached_with_no_broken_link(client, language):
    statuses = crawl(client, f"/{language}/")
    broken = {path: status for path, status in statuses.items() if status != 200}
    assert broken == {}
    pages = {path.split("?")[0] for path in statuses}
    expected = {f"/{language}/{section['slug']}/" for section in initial_content.SECTIONS}
    expected |= {f"/{language}/partners/{partner['slug']}/" for partner in initial_content.PARTNERS}
    expected |= {f"/{language}/projects/{project['slug']}/" for project in initial_content.PROJECTS}
    expected |= {f"/{language}/mous/mou-{slug}/" for slug in initial_content.MOU_PARTNERS}
    expected |= {f"/{language}/events/{slug}/" for slug, *_ in initial_content.EVENTS}
    assert expected <= pages, sorted(expected - pages)
    assert len(expected) == Page.objects.live().filter(depth__gte=3).count()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_no_page_prints_a_fact_as_not_recorded(client, language):
    """A fact the content does not give is left out (the glossary's rule), never printed as missing."""
    found = {}

    def collect(path, html):
        text = re.sub(r"<[^>]+>", " ", html)
        if hits := [
            phrase for phrase in ("not recorded", "未记录", "recorded.") if phrase in text.lower() or phrase in text
        ]:
            found[path] = hits

    crawl(client, f"/{language}/", on_page=collect)
    assert found == {}


def test_chinese_pages_say_nothing_in_english_but_names(client):
    """Latin words on a Chinese page may only be names the content gives in Latin letters: acronyms and the
    institute's own mark, and the names of file formats; text marked lang="en" is English on purpose."""
    allowed = {"CASTED", "Fafo", "Fafo-AIS", "Atom", "iCal", "ics", "PDF"} | {
        p["acronym"][0] for p in initial_content.PARTNERS
    }
    found = {}

    def collect(path, html):
        for word in latin_words(html) - allowed:
            found.setdefault(word, path)

    crawl(client, "/zh-hans/", on_page=collect)
    assert found == {}


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_sample_news_and_publications_are_reached_with_no_broken_link(client, language):
    """With examples/news.csv and examples/publications.csv imported: their pages, the lists on the pages they
    link to, their citation files and their facets all answer."""
    for kind in ("news", "publications"):
        call_command("import_records", str(EXAMPLES / f"{kind}.csv"), "--kind", kind, stdout=StringIO())
    statuses = crawl(client, f"/{language}/", limit=900)
    assert {path: status for path, status in statuses.items() if status != 200} == {}
    pages = {path.split("?")[0] for path in statuses}
    for slug in ("example-report", "example-journal-article", "example-proceedings"):
        assert f"/{language}/publications/{slug}/" in pages
        assert (
            f"/{language}/publications/{slug}/cite.bib" in pages
            and f"/{language}/publications/{slug}/cite.ris" in pages
        )
    assert f"/{language}/news/example-delegation-visit/" in pages
