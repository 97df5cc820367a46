"""The home page: figures that lead to their listings, the latest records with links to all of them, no empty box."""

import re

import pytest

from tests.factories import days_from_today, make_event, make_project

pytestmark = pytest.mark.django_db


def test_each_figure_links_to_its_listing_with_the_sections_summary(client, home):
    make_project("p1")
    html = client.get("/zh-hans/").content.decode()
    figures = re.findall(r'<a class="figure" href="([^"]+)">\s*<span class="figure-number">(\d+)</span>', html)
    assert ("/zh-hans/projects/", "1") in figures
    assert not any(url == "/zh-hans/events/" for url, _number in figures)  # no events yet: no "0 events"
    assert 'id="sections-heading"' not in html  # no cards repeating the menu


def test_the_latest_projects_link_to_all_of_them(client, home):
    for number in range(4):
        make_project(f"p{number}")
    html = client.get("/en/").content.decode()
    assert '<p class="more-link"><a href="/en/projects/">All 4 projects</a></p>' in html
    assert '<a href="/zh-hans/projects/">全部 4 个项目</a>' in client.get("/zh-hans/").content.decode()


def test_with_no_event_announced_the_home_shows_the_latest_events_not_an_empty_box(client, home):
    html = client.get("/en/").content.decode()
    assert 'id="events-heading"' not in html  # no events at all: no block
    make_event("past", title="Past seminar", start_date=days_from_today(-30))
    make_event("undated", title="Undated forum")
    html = client.get("/en/").content.decode()
    block = html[html.index('id="events-heading"') :]
    assert block.startswith('id="events-heading">Conferences and events</h2>')
    assert block.index("Past seminar") < block.index("Undated forum")
    assert "No upcoming events" not in html
    assert '<a href="/en/events/">All 2 events</a>' in block
    make_event("next", title="Next workshop", start_date=days_from_today(10))
    block = client.get("/en/").content.decode().split('id="events-heading"')[1]
    assert block.startswith(">Upcoming events</h2>") and "Next workshop" in block and "Past seminar" not in block
