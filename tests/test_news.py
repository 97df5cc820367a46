"""The news section: its listing and empty state, its items linked to partners, projects, MOUs and events and
listed on their pages, the home page's latest news, the Atom feed and the structured data."""

import datetime
import re
import xml.etree.ElementTree as ET
from io import StringIO
from pathlib import Path

import pytest

from django.core.management import call_command

from news.models import NewsPage
from tests.factories import make_event, make_mou, make_news, make_partner, make_project, publish
from tests.test_seo_and_feeds import json_ld

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.mark.parametrize(
    ("language", "says"),
    [("en", "News of CASTED&#x27;s international cooperation will appear here"), ("zh-hans", "这里将发布")],
)
def test_an_empty_news_section_says_what_will_appear_there(client, home, language, says):
    html = client.get(f"/{language}/news/").content.decode()
    assert f'<p class="empty">{says}' in html
    assert 'class="listing no-filters"' in html  # nothing to filter by
    home_html = client.get(f"/{language}/").content.decode()
    assert 'id="news-heading"' not in home_html  # no empty box on the home page


def test_an_item_is_listed_on_the_pages_of_what_it_concerns_in_both_languages(client, home):
    partner = make_partner("oecd", title="OECD", title_zh_hans="经济合作与发展组织")
    project = make_project("survey", partners=[partner], title="PhD career survey")
    mou = make_mou("mou-oecd", partner)
    event = make_event("forum", title="Policy forum", start_date=datetime.date(2026, 5, 1))
    make_news(
        "visit",
        title="Delegation visits CASTED",
        title_zh_hans="代表团访问中国科学技术发展战略研究院",
        date=datetime.date(2026, 11, 2),
        kind="delegation-visit",
        partners=[partner],
        projects=[project],
        mous=[mou],
        events=[event],
    )
    for path in ("/en/partners/oecd/", "/en/projects/survey/", "/en/mous/mou-oecd/", "/en/events/forum/"):
        html = client.get(path).content.decode()
        assert '<h2 id="newspage-' in html and ">News</h2>" in html, path
        assert '<a href="/en/news/visit/">Delegation visits CASTED</a>' in html, path
        assert "2 November 2026" in html and "Delegation visit" in html, path
    chinese = client.get("/zh-hans/partners/oecd/").content.decode()
    assert ">新闻动态</h2>" in chinese
    assert '<a href="/zh-hans/news/visit/">代表团访问中国科学技术发展战略研究院</a>' in chinese
    assert "2026年11月2日" in chinese
    item = client.get("/en/news/visit/").content.decode()
    for text in ('href="/en/partners/oecd/"', 'href="/en/projects/survey/"', 'href="/en/mous/mou-oecd/"'):
        assert text in item
    assert 'href="/en/events/forum/"' in item


def test_a_partner_with_many_items_lists_the_latest_and_links_to_them_all(client, home):
    partner = make_partner("oecd", title="OECD")
    for day in range(1, 13):
        make_news(f"item-{day}", title=f"Item {day}", date=datetime.date(2026, 3, day), partners=[partner])
    html = client.get("/en/partners/oecd/").content.decode()
    listed = re.findall(r'<a href="/en/news/item-(\d+)/">', html)
    assert listed == [str(day) for day in range(12, 2, -1)]  # the ten latest, latest first
    assert '<a href="/en/news/?partner=oecd">See them all</a>' in html
    everything = client.get("/en/news/?partner=oecd").content.decode()
    assert "12 records" in everything


def test_the_listing_filters_by_kind_and_year_with_counts(client, home):
    make_news("a", date=datetime.date(2025, 6, 1), kind="signing")
    make_news("b", date=datetime.date(2026, 6, 1), kind="signing")
    make_news("c", date=datetime.date(2026, 7, 1), kind="announcement")
    html = client.get("/en/news/").content.decode()
    assert '<span>Signing</span> <span class="count">2</span>' in html
    assert '<span>2026</span> <span class="count">2</span>' in html
    # Newest first.
    assert html.index('href="/en/news/c/"') < html.index('href="/en/news/b/"') < html.index('href="/en/news/a/"')
    filtered = client.get("/en/news/?kind=signing&year=2026").content.decode()
    assert "1 record" in filtered and 'href="/en/news/b/"' in filtered and 'href="/en/news/a/"' not in filtered
    chinese = client.get("/zh-hans/news/").content.decode()
    assert "签约" in chinese and "通知" in chinese


def test_the_home_page_shows_the_latest_three_and_links_to_all(client, home):
    for day in range(1, 5):
        make_news(f"n{day}", title=f"Item {day}", date=datetime.date(2026, 4, day))
    html = client.get("/en/").content.decode()
    block = html[html.index('id="news-heading"') :]
    assert block.startswith('id="news-heading">Latest news</h2>')
    assert re.findall(r'href="/en/news/n(\d)/"', block)[:3] == ["4", "3", "2"]
    assert '<a href="/en/news/">All 4 news items</a>' in block
    assert "全部 4 条新闻" in client.get("/zh-hans/").content.decode()


def test_the_feed_dates_each_item_by_its_own_date_newest_first(client, home):
    make_news("older", title="Older", date=datetime.date(2026, 1, 5))
    make_news("newer", title="Newer", date=datetime.date(2026, 2, 5))
    make_news("backdated", title="Backdated", date=datetime.date(2025, 12, 1))  # published last
    published = dict(NewsPage.objects.values_list("slug_en", "first_published_at"))
    assert published["backdated"] > published["newer"]
    response = client.get("/en/news/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    entries = ET.fromstring(response.content).findall(f"{ATOM}entry")
    assert [entry.find(f"{ATOM}title").text for entry in entries] == ["Newer", "Older", "Backdated"]
    assert entries[0].find(f"{ATOM}published").text.startswith("2026-02-05")
    chinese = ET.fromstring(client.get("/zh-hans/news/feed/").content)
    assert chinese.find(f"{ATOM}title").text == "新闻动态"


def test_an_item_is_a_news_article_for_search_engines_with_its_image_when_shared(client, home):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="Visit", file=get_test_image_file(size=(1600, 900)), description="Delegates")
    item = make_news("visit", title="Delegation visits CASTED", date=datetime.date(2026, 11, 2), summary="Visit.")
    item.lead_image = image
    publish(item)
    html = client.get("/en/news/visit/").content.decode()
    data = json_ld(html)
    assert data["@type"] == "NewsArticle" and data["headline"] == "Delegation visits CASTED"
    assert data["datePublished"] == "2026-11-02" and data["publisher"]["@type"] == "Organization"
    og_image = re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)
    assert "/images/" in og_image and og_image in data["image"]
    assert '<meta property="og:type" content="article">' in html
    assert 'alt="Delegates"' in html


def test_the_example_file_imports_and_its_items_reach_home_partner_and_feed(client, seeded):
    out = StringIO()
    call_command("import_records", str(EXAMPLES / "news.csv"), "--kind", "news", stdout=out, stderr=StringIO())
    assert "3 created" in out.getvalue() and "0 refused" in out.getvalue()
    item = NewsPage.objects.get(slug_en="example-delegation-visit")
    assert item.live and item.title_zh_hans == "示例代表团来访（示例记录）" and item.kind == "delegation-visit"
    assert "Example delegation visit (sample record)" in client.get("/en/").content.decode()
    assert '<a href="/en/news/example-delegation-visit/">' in client.get("/en/partners/oecd/").content.decode()
    assert '<a href="/zh-hans/news/example-signing/">' in client.get("/zh-hans/mous/mou-nistep/").content.decode()
    feed = ET.fromstring(client.get("/en/news/feed/").content)
    assert len(feed.findall(f"{ATOM}entry")) == 3
