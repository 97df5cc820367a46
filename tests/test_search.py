"""Search over all four kinds of records in both languages, Chinese words found inside longer Chinese titles."""

import re

import pytest

from django.core.management import call_command

from tests.factories import make_event, make_partner, make_project

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("sample")]


@pytest.fixture(autouse=True)
def search_index(sample):
    """Beside the sample's forum (中美科技政策论坛): a seminar, a partner and a project whose Chinese titles hold
    科技政策 or 合作 inside longer words."""
    make_event(
        "china-sweden-st-policy-seminar", title="China-Sweden S&T policy seminar", title_zh_hans="中瑞科技政策研讨会"
    )
    make_partner("st-policy-institute", title="S&T Policy Institute", title_zh_hans="科技政策研究所")
    make_project("western-china", title="Western China monitoring", title_zh_hans="中国西部发展监测合作研究")
    call_command("update_index", verbosity=0)


def result_links(html):
    return re.findall(r'<h3><a href="/(?:en|zh-hans)/([^"]+)">', html)


def search(client, query, language="zh-hans", **params):
    response = client.get(f"/{language}/search/", {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


def test_a_chinese_word_finds_the_longer_title_that_contains_it(client):
    links = result_links(search(client, "科技政策"))
    assert "events/china-us-forum/" in links
    assert "events/china-sweden-st-policy-seminar/" in links


def test_hezuo_finds_the_pages_that_contain_it(client):
    html = search(client, "合作")
    # 合作伙伴, 合作备忘录 (the index pages and the MOU) and 合作研究 (the project) all hold it.
    assert int(re.search(r"的搜索结果共 (\d+) 条", html).group(1)) >= 4
    assert "mous/mou-nistep/" in result_links(search(client, "合作", kind="mous"))
    # The project's title holds it; the survey's summary does (经济合作与发展组织).
    assert result_links(search(client, "合作", kind="projects")) == [
        "projects/western-china/",
        "projects/phd-career-survey/",
    ]


def test_english_search_finds_english_content(client):
    links = result_links(search(client, "survey", language="en"))
    assert links == ["projects/phd-career-survey/"]
    assert "partners/oecd/" in result_links(search(client, "OECD", language="en"))


def test_results_can_be_narrowed_to_one_kind_and_the_query_stays_in_the_box(client):
    html = search(client, "科技政策", kind="events")
    links = result_links(html)
    assert links and all(link.startswith("events/") for link in links)
    assert 'name="q" value="科技政策"' in html
    assert '<a class="facet-option" href="?q=%E7%A7%91%E6%8A%80%E6%94%BF%E7%AD%96&amp;kind=partners">' in html


@pytest.mark.parametrize(
    "query",
    ["", "   ", "x" * 5000, "科" * 400, '"*(', "AND OR NOT", "<script>alert(1)</script>", "%00", "' OR 1=1 --", "😀"],
)
def test_empty_huge_or_nonsense_queries_get_a_friendly_page(client, query):
    html = search(client, query)
    assert "<script>alert(1)</script>" not in html
    assert "<h1>搜索</h1>" in html


def test_a_too_long_query_is_shortened_with_a_message(client):
    html = search(client, "合作" * 100, language="en")
    assert "Your search was too long" in html


def test_no_results_say_so(client):
    html = search(client, "zzzyyyxxx", language="en")
    assert "Nothing was found." in html and "0 results" in html


def test_bad_kind_and_page_are_ignored(client):
    assert result_links(search(client, "合作", kind="spaceships"))
    assert result_links(search(client, "合作", page="999"))
    assert result_links(search(client, "合作", page="abc"))


def test_unpublished_pages_are_not_found(client):
    from events.models import EventPage

    assert "events/china-us-forum/" in result_links(search(client, "科技政策"))
    EventPage.objects.get(slug_en="china-us-forum").unpublish()
    links = result_links(search(client, "科技政策"))  # each query's matches are cached until a publish
    assert "events/china-us-forum/" not in links


def test_view_restricted_pages_are_not_found(client):
    from wagtail.models import Page, PageViewRestriction

    assert "events/china-us-forum/" in result_links(search(client, "科技政策"))
    page = Page.objects.get(slug_en="china-us-forum")
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="secret")
    links = result_links(search(client, "科技政策"))
    assert links and "events/china-us-forum/" not in links


def test_results_are_ranked_by_relevance_in_one_pass_on_sqlite_too(client, search_index):
    """On SQLite our backend ranks every match once instead of once per match (quadratic: 24 s for a word in
    10,000 records); the order is still by relevance: the word in the title before the word in the summary."""
    from django.db import connection

    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    if connection.vendor == "sqlite":
        from casted_site.framework_fixes.sqlite_search import CastedSQLiteSearchBackend

        assert isinstance(get_search_backend(), CastedSQLiteSearchBackend)
    make_project("summary-only", title="A study", summary="About quasars and their surveys.")
    make_project("in-title", title="Quasars", summary="A study.")
    call_command("update_index", verbosity=0)
    html = search(client, "quasars", language="en")
    assert result_links(html)[:2] == ["projects/in-title/", "projects/summary-only/"]
    results = Page.objects.live().search("quasars")
    assert results.count() == 2 and [page.slug for page in results[1:]] == ["summary-only"]


def test_postgresql_search_has_indexes_on_what_it_matches_and_joins():
    """modelsearch matches `title || body` and joins on the page id as text; without the indexes of
    casted_site/schema (our migrate command) each search read the whole index (500 ms at 17,000 pages, 30 with them). At
    seed size the planner rightly reads the small tables whole, so this checks that modelsearch's query still has the
    expressions those indexes are on."""
    from django.db import connection

    from wagtail.models import Page

    if connection.vendor != "postgresql":
        pytest.skip("the indexes are PostgreSQL's; SQLite's full-text search has its own")
    results = Page.objects.live().only("id", "content_type").search("cooperation", operator="and")[:500]
    sql = str(results.get_queryset().query)
    selected, where = sql.split(" FROM ", 1)
    assert '("wagtailsearch_indexentry"."title" || "wagtailsearch_indexentry"."body") @@' in where
    assert '"wagtailsearch_indexentry"."object_id" = ("wagtailcore_page"."id")::varchar(50)' in where
    assert "_vector_" not in selected  # filtered on, not sent back with every result
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE 'casted_%'")
        indexes = dict(cursor.fetchall())
    assert "USING gin (((title || body)))" in indexes["casted_indexentry_title_body"]
    assert "(((id)::character varying(50)))" in indexes["casted_page_id_as_object_id"]


def test_a_chinese_short_name_finds_its_partner_and_chinese_pages_show_it(client):
    """The glossary's Chinese short names stand where English pages show an acronym: 经合组织 for OECD."""
    assert "partners/oecd/" in result_links(search(client, "经合组织"))
    assert "partners/oecd/" in result_links(search(client, "OECD", language="en"))
    chinese_home = client.get("/zh-hans/").content.decode()
    assert '<abbr title="经济合作与发展组织">经合组织</abbr>' in chinese_home
    assert (
        '<abbr title="Organisation for Economic Co-operation and Development">OECD</abbr>'
        in client.get("/en/").content.decode()
    )
    assert "<abbr" in chinese_home and ">NISTEP</abbr>" in chinese_home  # institutes keep their Latin acronym


def test_the_count_is_the_count_of_the_kind_shown(client):
    everything = search(client, "policy", language="en")
    total = int(re.search(r"(\d+) results? for “policy”", everything).group(1))
    events = search(client, "policy", language="en", kind="events")
    shown = len(result_links(events))
    assert re.search(rf"{shown} results? for “policy” in Events", events)
    assert 0 < shown < total


def test_a_kind_with_no_match_says_so_and_offers_every_kind(client):
    html = search(client, "survey", language="en", kind="events")
    assert result_links(html) == []
    assert "No match for “survey” in Events." in html
    assert '<a href="?q=survey">Show the 1 result of every kind</a>' in html
    chinese = search(client, "survey", kind="events")
    assert "在“活动”中没有与“survey”匹配的结果。" in chinese


def test_an_unknown_kind_is_ignored_with_a_notice(client):
    html = search(client, "合作", kind="spaceships")
    assert "“spaceships”不是记录类型，已忽略。" in html and result_links(html)


def test_english_words_are_found_by_their_stem_and_country_adjectives_by_their_country(client):
    make_event("assessment-workshop", title="International S&T Assessment Workshop")
    make_event("korea-seminar", title="Seminar on Technical Standard Strategy of Korea")
    call_command("update_index", verbosity=0)
    assert "events/assessment-workshop/" in result_links(search(client, "workshops", language="en"))
    assert "events/china-sweden-st-policy-seminar/" in result_links(search(client, "seminars", language="en"))
    assert "events/korea-seminar/" in result_links(search(client, "Korean", language="en"))


def test_the_searched_words_are_marked_in_titles_and_summaries(client):
    make_event("assessment-workshop", title="International S&T Assessment Workshop", summary="Two workshops & a <b>.")
    call_command("update_index", verbosity=0)
    html = search(client, "workshops", language="en")
    assert ">International S&amp;T Assessment <mark>Workshop</mark></a>" in html
    assert "<p>Two <mark>workshops</mark> &amp; a &lt;b&gt;.</p>" in html
    chinese = search(client, "科技政策")
    assert "中瑞<mark>科技</mark><mark>政策</mark>研讨会" in chinese or "中瑞<mark>科技政策</mark>研讨会" in chinese


def test_the_search_page_has_one_search_box(client):
    html = search(client, "合作")
    assert html.count('type="search"') == 1
