"""What machines read: sitemap, robots.txt, meta tags, JSON-LD, Atom feeds and iCalendar files, all parsed."""

import datetime
import json
import re
import xml.etree.ElementTree as ET

import pytest
from icalendar import Calendar

from wagtail.models import Page

from tests.factories import days_from_today, make_event, make_partner, make_project

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("sample")]

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
ATOM = "{http://www.w3.org/2005/Atom}"


def sitemap_entries(client):
    """Every <url> of every sitemap the index at /sitemap.xml names."""
    index = ET.fromstring(client.get("/sitemap.xml").content)
    urls = []
    for location in index.iter(f"{SITEMAP}loc"):
        urls += ET.fromstring(client.get(location.text.replace("http://testserver", "")).content).findall(
            f"{SITEMAP}url"
        )
    return urls


def test_sitemap_index_names_paginated_sitemaps(client):
    from casted_site.navigation.seo import PageSitemap

    for number in range(PageSitemap.limit):  # pages; with the seed's, more than one sitemap holds
        make_partner(f"many-{number}")
    index = ET.fromstring(client.get("/sitemap.xml").content)
    pages = [location.text for location in index.iter(f"{SITEMAP}loc")]
    assert pages == ["http://testserver/sitemap-pages.xml", "http://testserver/sitemap-pages.xml?p=2"]
    first = ET.fromstring(client.get("/sitemap-pages.xml").content)
    assert len(first.findall(f"{SITEMAP}url")) == 2 * PageSitemap.limit  # each page in both languages
    assert client.get("/sitemap-pages.xml?p=99").status_code == 404


def test_sitemap_lists_every_public_page_in_both_languages_with_alternates(client):
    root = ET.Element("all")
    root.extend(sitemap_entries(client))
    entries = {url.find(f"{SITEMAP}loc").text: url for url in root.findall(f"{SITEMAP}url")}
    public_pages = Page.objects.live().public().filter(depth__gt=1).count()
    assert len(entries) == 2 * public_pages
    entry = entries["http://testserver/zh-hans/partners/oecd/"]
    alternates = {link.get("hreflang"): link.get("href") for link in entry.findall(f"{XHTML}link")}
    assert alternates == {
        "en": "http://testserver/en/partners/oecd/",
        "zh-hans": "http://testserver/zh-hans/partners/oecd/",
        "x-default": "http://testserver/en/partners/oecd/",
    }


def test_sitemap_leaves_out_unpublished_pages(client):
    Page.objects.get(slug_en="phd-career-survey").unpublish()
    locations = [url.find(f"{SITEMAP}loc").text for url in sitemap_entries(client)]
    assert locations and not any("phd-career-survey" in location for location in locations)


def test_sitemap_follows_publishing_though_its_pages_are_kept(client):

    def locations(**host):
        first = ET.fromstring(client.get("/sitemap-pages.xml", **host).content)
        return [url.find(f"{SITEMAP}loc").text for url in first.findall(f"{SITEMAP}url")]

    before = locations()
    assert "http://testserver/en/projects/phd-career-survey/" in before
    Page.objects.get(slug_en="phd-career-survey").unpublish()
    make_partner("sitemap-newcomer")
    after = locations()
    assert not any("phd-career-survey" in location for location in after)
    assert "http://testserver/zh-hans/partners/sitemap-newcomer/" in after
    assert len(after) == len(before)  # one page out, one in
    # Each host gets its own URLs, not those of the host asked first.
    assert all(location.startswith("http://localhost/") for location in locations(HTTP_HOST="localhost"))


def test_sitemap_gives_each_page_the_day_it_was_last_published(client):
    from django.utils import timezone

    response = client.get("/sitemap-pages.xml")
    page = Page.objects.get(slug_en="phd-career-survey")
    entries = ET.fromstring(response.content).findall(f"{SITEMAP}url")
    entry = next(url for url in entries if url.find(f"{SITEMAP}loc").text.endswith("/en/projects/phd-career-survey/"))
    assert entry.find(f"{SITEMAP}lastmod").text == timezone.localdate(page.last_published_at).isoformat()
    assert response["Last-Modified"]


def test_robots_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def json_ld(html):
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/en/", "Organization"),
        ("/zh-hans/partners/nistep/", "Organization"),
        ("/en/projects/phd-career-survey/", "ResearchProject"),
        ("/zh-hans/events/china-us-forum/", "Event"),
    ],
)
def test_pages_carry_title_description_canonical_open_graph_and_json_ld(client, path, kind):
    html = client.get(path).content.decode()
    assert f'<link rel="canonical" href="http://testserver{path}">' in html
    assert re.search(r'<meta name="description" content="[^"]+">', html)
    assert '<meta property="og:title" content="' in html
    assert f'<meta property="og:url" content="http://testserver{path}">' in html
    data = json_ld(html)
    assert data["@context"] == "https://schema.org" and data["@type"] == kind


def test_project_json_ld_names_its_partners(client):
    data = json_ld(client.get("/en/projects/phd-career-survey/").content.decode())
    assert {member["name"] for member in data["member"]} == {
        "Organisation for Economic Co-operation and Development",
        "UNESCO Institute for Statistics",
    }


@pytest.mark.parametrize(("language", "title"), [("en", "Projects"), ("zh-hans", "项目")])
def test_projects_feed_is_valid_atom_in_the_visitors_language(client, language, title):
    response = client.get(f"/{language}/projects/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.find(f"{ATOM}title").text == title
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 1
    links = {entry.find(f"{ATOM}link").get("href") for entry in entries}
    assert f"http://testserver/{language}/projects/phd-career-survey/" in links


def test_events_feed_only_has_published_events(client):
    make_event("kept-forum", title="Kept forum")
    Page.objects.get(slug_en="china-us-forum").unpublish()
    root = ET.fromstring(client.get("/en/events/feed/").content)
    titles = [entry.find(f"{ATOM}title").text for entry in root.findall(f"{ATOM}entry")]
    assert titles == ["Kept forum"]


def test_events_index_links_a_subscribable_calendar(client):
    html = client.get("/zh-hans/events/").content.decode()
    assert '<link rel="alternate" type="text/calendar"' in html and 'href="/zh-hans/events/calendar/"' in html


def test_calendar_has_every_dated_published_event_in_the_visitors_language(client):
    make_event(
        "dated",
        title="Dated forum",
        title_zh_hans="有日期的论坛",
        start_date=datetime.date(2027, 5, 6),
        end_date=datetime.date(2027, 5, 7),
        city="Oslo",
        country="NO",
    )
    hidden = make_event("hidden", title="Hidden forum", start_date=days_from_today(10))
    hidden.unpublish()
    response = client.get("/zh-hans/events/calendar/")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert [str(event["summary"]) for event in events] == ["有日期的论坛"]
    event = events[0]
    assert event.decoded("dtstart") == datetime.date(2027, 5, 6)
    assert event.decoded("dtend") == datetime.date(2027, 5, 8)
    assert "挪威" in str(event["location"])
    assert str(event["url"]) == "http://testserver/zh-hans/events/dated/"


def test_calendar_follows_publishing_though_it_is_kept(client):
    def summaries(language):
        return [
            str(event["summary"])
            for event in Calendar.from_ical(client.get(f"/{language}/events/calendar/").content).walk("VEVENT")
        ]

    make_event("dated", title="Dated forum", title_zh_hans="有日期的论坛", start_date=datetime.date(2027, 5, 6))
    english, chinese = summaries("en"), summaries("zh-hans")
    assert english == ["Dated forum"] and chinese == ["有日期的论坛"]  # each language keeps its own
    event = make_event("late-addition", title="Late addition", start_date=datetime.date(2031, 1, 1))
    assert summaries("en") == [*english, "Late addition"]
    event.unpublish()
    assert summaries("en") == english


def test_a_large_calendar_keeps_the_latest_events_in_date_order(client, monkeypatch):
    monkeypatch.setattr("events.models.CALENDAR_EVENTS", 2)
    for day in (1, 2, 3):
        make_event(f"day-{day}", title=f"Day {day}", start_date=datetime.date(2030, 1, day))
    calendar = Calendar.from_ical(client.get("/en/events/calendar/").content)
    assert [str(event["summary"]) for event in calendar.walk("VEVENT")] == ["Day 2", "Day 3"]


def test_each_dated_event_offers_an_ics_download(client):
    make_event("dated", title="Dated forum", start_date=datetime.date(2027, 5, 6))
    html = client.get("/en/events/dated/").content.decode()
    assert 'href="/en/events/dated/ical/"' in html
    response = client.get("/en/events/dated/ical/")
    assert response["Content-Disposition"] == 'attachment; filename="dated.ics"'
    assert len(Calendar.from_ical(response.content).walk("VEVENT")) == 1


def test_an_undated_event_has_no_ics_and_its_ics_url_is_404(client):
    html = client.get("/en/events/china-us-forum/").content.decode()
    assert "/ical/" not in html
    assert client.get("/en/events/china-us-forum/ical/").status_code == 404


def test_feed_summaries_are_declared_plain_text(client):
    make_project("angle-brackets", summary="Costs < benefits & more")
    root = ET.fromstring(client.get("/en/projects/feed/").content)
    summaries = {
        entry.find(f"{ATOM}summary").text: entry.find(f"{ATOM}summary").get("type")
        for entry in root.iter(f"{ATOM}entry")
    }
    assert summaries["Costs < benefits & more"] == "text"
