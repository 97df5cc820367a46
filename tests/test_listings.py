"""Listings filter with plain GET links, count each option, survive bad values and paginate."""

import re

import pytest

from partners.models import PartnerPage
from projects.models import ResearchField
from tests.factories import days_from_today, make_event, make_mou, make_partner, make_project

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("sample")]


@pytest.fixture
def more_partners(sample):
    """Beside the sample's OECD (stable; a project partner), UIS (a project partner) and NISTEP (an MOU, Japan):
    two universities and three more MOU partners, two of them in Korea."""
    make_partner("brandeis-university", title="Brandeis University", kind="university", country="US")
    make_partner("lund-university", title="Lund University", kind="university", country="SE")
    for slug, country in (("kistep", "KR"), ("stepi", "KR"), ("fafo-ais", "NO")):
        make_mou(f"mou-{slug}", make_partner(slug, kind="research-institute", country=country))


def get(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def card_links(html, section):
    return re.findall(rf'<h3><a href="/(?:en|zh-hans)/{section}/([^/"]+)/">', html)


def test_projects_filter_by_partner_and_status(client):
    html = get(client, "/en/projects/?partner=oecd")
    assert card_links(html, "projects") == ["phd-career-survey"]
    assert "1 record" in html
    make_project("planned-study", status="planned")
    html = get(client, "/en/projects/?status=completed")
    assert card_links(html, "projects") == ["phd-career-survey"]
    html = get(client, "/en/projects/?status=ongoing")
    assert card_links(html, "projects") == [] and "No records match these filters." in html


def test_projects_filter_by_research_field_and_year(client):
    field = ResearchField.objects.get(slug="st-statistics")
    dated = make_project("dated-survey", start_year=2019, end_year=2021, status="completed")
    dated.research_fields.add(field)
    dated.save()
    on_statistics = card_links(get(client, "/en/projects/?field=st-statistics"), "projects")
    assert sorted(on_statistics) == ["dated-survey", "phd-career-survey"]
    assert card_links(get(client, "/en/projects/?year=2020"), "projects") == ["dated-survey"]
    # A year no project ran in is not an option: it is ignored, with a message.
    assert "“2018” is not a value of the filter “Year”" in get(client, "/en/projects/?year=2018")
    html = get(client, "/zh-hans/projects/")
    assert "科技统计" in html
    assert '<a class="facet-option" href="?year=2020"><span>2020</span> <span class="count">1</span></a>' in html


def test_filter_options_show_counts_and_link_to_shareable_urls(client, more_partners):
    html = get(client, "/en/partners/")
    assert (
        '<a class="facet-option" href="?kind=university"><span>University</span> <span class="count">2</span></a>'
        in html
    )
    assert (
        '<a class="facet-option" href="?relationship=mou"><span>MOU partner</span> <span class="count">4</span></a>'
        in html
    )


def test_partners_filter_by_kind_country_and_relationship(client, more_partners):
    assert sorted(card_links(get(client, "/en/partners/?kind=university"), "partners")) == [
        "brandeis-university",
        "lund-university",
    ]
    assert sorted(card_links(get(client, "/en/partners/?country=KR"), "partners")) == ["kistep", "stepi"]
    assert sorted(card_links(get(client, "/en/partners/?relationship=mou"), "partners")) == [
        "fafo-ais",
        "kistep",
        "nistep",
        "stepi",
    ]
    assert card_links(get(client, "/en/partners/?relationship=stable"), "partners") == ["oecd"]
    # UIS has no stated relationship flag: it is a project partner through the PhD career survey.
    assert sorted(card_links(get(client, "/en/partners/?relationship=project"), "partners")) == ["oecd", "uis"]
    both = card_links(get(client, "/en/partners/?relationship=mou&country=NO"), "partners")
    assert both == ["fafo-ais"]


def test_country_names_follow_the_language(client, more_partners):
    assert "挪威" in get(client, "/zh-hans/partners/?country=NO")
    assert "Norway" in get(client, "/en/partners/?country=NO")


def test_mous_filter_by_status(client, sample):
    make_mou("mou-expired", sample.oecd, status="expired")
    assert sorted(card_links(get(client, "/en/mous/"), "mous")) == ["mou-expired", "mou-nistep"]
    assert card_links(get(client, "/en/mous/?status=expired"), "mous") == ["mou-expired"]
    assert card_links(get(client, "/en/mous/?status=renewed"), "mous") == []


@pytest.mark.parametrize(
    "query",
    [
        "?status=bogus",
        "?kind=<script>alert(1)</script>",
        "?country=ZZ",
        "?relationship=enemy",
        "?field=nope",
        "?year=abc",
        "?year=99999999999999999999",
        "?partner=../../etc",
        "?when=tomorrow",
        "?format=%00",
        "?page=abc",
        "?page=-1",
        "?page=99999",
        "?page=1e9",
    ],
)
@pytest.mark.parametrize("section", ["projects", "partners", "mous", "events"])
def test_bad_filter_values_and_page_numbers_never_break_a_listing(client, section, query):
    response = client.get(f"/en/{section}/{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html


def test_an_unknown_filter_value_is_ignored_with_a_message(client):
    html = get(client, "/en/partners/?kind=spaceship")
    assert "“spaceship” is not a value of the filter “Kind”, so it was ignored." in html
    assert len(card_links(html, "partners")) == 3
    assert "“spaceship”不是筛选项“类型”的有效值，已忽略。" in get(client, "/zh-hans/partners/?kind=spaceship")


def test_pagination_follows_djangos_paginator(client):
    for number in range(30):
        make_project(f"extra-{number:02d}", status="ongoing")
    first = get(client, "/en/projects/?status=ongoing")
    assert len(card_links(first, "projects")) == 12
    assert 'href="?status=ongoing&amp;page=2"' in first
    last = get(client, "/en/projects/?status=ongoing&page=3")
    assert len(card_links(last, "projects")) == 6
    assert card_links(get(client, "/en/projects/?status=ongoing&page=999"), "projects") == card_links(last, "projects")
    assert card_links(get(client, "/en/projects/?status=ongoing&page=abc"), "projects") == card_links(first, "projects")


def test_events_split_into_upcoming_and_past_with_undated_among_past(client):
    for number in range(11):
        make_event(f"undated-{number:02d}")
    make_event("next-month", title="Next month forum", start_date=days_from_today(30), kind="forum")
    make_event("last-year", title="Last year forum", start_date=days_from_today(-365), kind="forum")
    make_event("today", title="Today forum", start_date=days_from_today(0), kind="forum")
    html = get(client, "/en/events/")
    next_event, html = html.split('<div class="listing', 1)
    assert "Next event" in next_event and card_links(next_event, "events") == ["today"]  # shown above the listing
    upcoming, past = html.split("Past events")
    past, earlier = past.split("Earlier events")
    assert "Upcoming events" in upcoming
    assert card_links(upcoming, "events") == ["today", "next-month"]
    # 14 events, 12 a page: the 2 upcoming, then the dated past one, then 9 of the 11 undated, with no date shown.
    assert card_links(past, "events") == ["last-year"]
    assert len(card_links(earlier, "events")) == 9 and "<time" not in earlier.split("</ul>")[0]
    assert card_links(get(client, "/en/events/?when=upcoming"), "events") == ["today", "next-month"]
    assert "往期活动" in get(client, "/zh-hans/events/?when=past") and "未记录" not in get(client, "/zh-hans/events/")


def test_events_filter_by_kind_format_and_year(client):
    make_event("dated", title="Dated seminar", start_date=days_from_today(-30), kind="seminar", format="bilateral")
    make_event("trilateral-seminar", kind="seminar", format="trilateral")
    make_event("forum-one", kind="forum")
    make_event("forum-two", kind="forum")
    year = days_from_today(-30).year
    assert card_links(get(client, f"/en/events/?year={year}"), "events") == ["dated"]
    assert card_links(get(client, "/en/events/?format=trilateral"), "events") == ["trilateral-seminar"]
    forums = sorted(card_links(get(client, "/en/events/?kind=forum"), "events"))
    assert forums == ["china-us-forum", "forum-one", "forum-two"]  # the sample's forum too


def test_chinese_listing_has_no_english_interface_text(client):
    make_partner("extra-university", title="Extra University", title_zh_hans="额外大学", kind="university")
    html = get(client, "/zh-hans/partners/")
    for english in ("Filter", "Kind", "Country", "Relationship", "records", "University", "International"):
        assert f">{english}<" not in html


def test_view_restricted_pages_are_left_out_everywhere(client):
    from wagtail.models import PageViewRestriction

    oecd = PartnerPage.objects.get(slug_en="oecd")
    PageViewRestriction.objects.create(page=oecd, restriction_type="password", password="secret")
    assert "oecd" not in card_links(get(client, "/en/partners/"), "partners")
    assert "/en/partners/oecd/" not in get(client, "/en/projects/phd-career-survey/")
    assert b"/partners/oecd/" not in client.get("/sitemap-pages.xml").content
    assert "/en/partners/oecd/" not in get(client, "/en/")
    assert "/en/partners/oecd/" not in get(client, "/en/projects/?partner=oecd")


def facet_options(html, param):
    return re.findall(rf'href="\?(?:[^"]*&amp;)?{param}=([^"&]+)', html)


def test_facet_counts_are_kept_until_something_is_published(client):
    """Counting options reads every record, so the counts are cached per filter combination; publishing must
    refresh them at once."""
    assert "planned" not in facet_options(get(client, "/en/projects/"), "status")
    project = make_project("freshly-planned", status="planned", live=False)
    project.save_revision().publish()
    html = get(client, "/en/projects/")
    assert "planned" in facet_options(html, "status") and "freshly-planned" in card_links(html, "projects")
    assert card_links(get(client, "/en/projects/?status=planned"), "projects") == ["freshly-planned"]


def test_the_order_of_a_listing_is_kept_until_something_is_published(client):
    """The listed records' ids, in order, are cached per filter combination; a publish that renames a record or
    takes it away must reorder and recount the listing at once."""
    first = card_links(get(client, "/en/partners/"), "partners")
    last = PartnerPage.objects.get(slug_en=first[-1])
    last.title_en = "AAA first by name"
    last.save_revision().publish()
    html = get(client, "/en/partners/")
    assert card_links(html, "partners") == [first[-1], *first[:-1]]
    PartnerPage.objects.get(slug_en=first[0]).unpublish()
    html = get(client, "/en/partners/")
    assert first[0] not in card_links(html, "partners")
    assert f"{len(first) - 1} records" in html


def test_a_facet_with_many_options_shows_those_with_most_records_and_keeps_the_picked_one(client):
    partners = [make_partner(f"many-{number:02d}", title=f"Many partner {number:02d}") for number in range(20)]
    for number, partner in enumerate(partners):
        for copy in range(2 if number < 15 else 1):  # the first 15 partners have two projects, the rest one
            make_project(f"many-{number:02d}-{copy}", partners=[partner])
    html = get(client, "/en/projects/")
    shown = facet_options(html, "partner")
    assert len(shown) == 15 and {f"many-{number:02d}" for number in range(15)} <= set(shown)
    hidden = PartnerPage.objects.filter(project_links__isnull=False).distinct().count() - 15  # the sample's too
    assert f"and {hidden} more with fewer records" in html
    assert f"另有 {hidden} 项，记录较少" in get(client, "/zh-hans/projects/")
    picked = get(client, "/en/projects/?partner=many-19")  # not among the 15, still a valid choice
    assert card_links(picked, "projects") == ["many-19-0"]
    assert re.search(r'is-selected" href="\?"[^>]*><span>Many partner 19</span>', picked)


def test_the_home_page_lists_at_most_forty_partners_and_links_to_all(client):
    from partners.models import HOME_PARTNERS

    home = get(client, "/en/")
    assert "partners</a></p>" not in home  # 3 partners: all of them are listed, no link needed
    for number in range(HOME_PARTNERS):
        make_partner(f"home-{number:02d}", title=f"Home partner {number:02d}")
    home = get(client, "/en/")
    assert len(re.findall(r'<li><a href="/en/partners/[^/]+/">', home)) == HOME_PARTNERS
    total = HOME_PARTNERS + 3
    assert f'<a href="/en/partners/">All {total} partners</a>' in home
    assert f'<a href="/zh-hans/partners/">全部 {total} 个合作伙伴</a>' in get(client, "/zh-hans/")


def test_cards_are_rendered_in_the_language_of_the_listing(client):
    # Cards are rendered once and kept with the page of records: each language keeps its own.
    english, chinese = get(client, "/en/partners/"), get(client, "/zh-hans/partners/")
    assert '<span class="tag">International organisation</span>' in english
    assert '<span class="tag">国际组织</span>' in chinese and "International organisation" not in chinese
    assert card_links(english, "partners") and all(
        f'href="/zh-hans/partners/{slug}/"' in chinese for slug in card_links(english, "partners")
    )
    assert get(client, "/en/partners/") == english


def test_filter_links_keep_the_other_filters_and_go_back_to_the_first_page(client, more_partners):
    project_partners = PartnerPage.objects.filter(slug_en__in=["lund-university", "kistep"])
    make_project("lund-kistep-study", partners=list(project_partners))
    html = get(client, "/en/partners/?relationship=project&kind=university&page=1&utm=x&country=atlantis")
    # Picking another option keeps the other valid filters, in the facets' order, and drops the page number and
    # whatever else the request held: an ignored value, a tracking parameter.
    assert 'href="?kind=research-institute&amp;relationship=project"' in html
    assert 'href="?kind=university&amp;country=SE&amp;relationship=project"' in html
    assert "utm=" not in html and "atlantis&" not in html and "country=atlantis" not in html
    # The selected option links to the listing without it.
    assert re.search(
        r'class="facet-option is-selected" href="\?relationship=project" aria-current="true"><span>Univ', html
    )
    # An option picked on top of others takes its facet's place in the URL, wherever it is added from.
    assert 'href="?kind=university&amp;relationship=project"' in get(client, "/en/partners/?relationship=project")
    # Any order of the same filters gives the same filters panel.
    assert filters_panel(get(client, "/en/partners/?kind=university&relationship=project")) == filters_panel(html)


def filters_panel(html):
    return re.search(r'<section class="filters.*?(?=<div class="listing-results">)', html, re.S).group(0)


def test_pagination_links_keep_the_valid_filters_only(client):
    for number in range(54):  # 57 partners: 3 pages of 24
        make_partner(f"paged-{number:02d}", title=f"Paged partner {number:02d}")
    html = get(client, "/en/partners/?page=2&utm=x&kind=made-up")
    assert '<a href="?" rel="prev">' in html and '<a href="?page=3" rel="next">' in html
    assert "utm=" not in html and "kind=made-up" not in html


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_choice_labels_are_those_django_gives(language):
    from django.db.models import Model
    from django.utils import translation

    from events.models import EventPage, EventPartner
    from partners.models import MouPage, PartnerPage
    from projects.models import ProjectPage, ProjectPartner

    with translation.override(language):
        for model in (ProjectPage, PartnerPage, MouPage, EventPage, ProjectPartner, EventPartner):
            for field in model._meta.get_fields():
                if not getattr(field, "choices", None) or not hasattr(model, f"get_{field.name}_display"):
                    continue
                for value in [*(value for value, _label in field.flatchoices), "", "not-a-choice"]:
                    record = model(**{field.attname: value})
                    ours = getattr(record, f"get_{field.name}_display")()
                    assert ours == Model._get_FIELD_display(record, field), (model, field.name, value)


def test_a_facet_no_record_has_a_value_for_is_left_out(client, sample):
    assert "<h3>Status</h3>" not in get(client, "/en/mous/")  # the sample's MOU records no status
    make_mou("dated", sample.nistep, status="active")
    assert "<h3>Status</h3>" in get(client, "/en/mous/")


def test_the_language_switch_keeps_the_filters_the_page_and_the_search(client):
    html = get(client, "/en/projects/?partner=oecd&utm_source=mail")
    assert 'href="/zh-hans/projects/?partner=oecd" hreflang="zh-hans"' in html
    assert 'hreflang="zh-hans" href="http://testserver/zh-hans/projects/?partner=oecd"' in html
    html = get(client, "/zh-hans/events/?when=past&page=1")
    assert 'href="/en/events/?when=past&amp;page=1" hreflang="en"' in html
    search = client.get("/en/search/", {"q": "合作", "kind": "events", "fbclid": "x"}).content.decode()
    assert 'href="/zh-hans/search/?q=%E5%90%88%E4%BD%9C&amp;kind=events" hreflang="zh-hans"' in search


def test_a_listing_with_nothing_to_filter_by_has_no_filter_panel(client):
    from partners.models import MouPage

    MouPage.objects.update(status="")  # no MOU with a status: the one facet has nothing to offer
    for mou in MouPage.objects.all():
        mou.save_revision().publish()
    html = get(client, "/en/mous/")
    assert 'class="filters"' not in html and '<div class="listing no-filters">' in html
    assert '<div class="listing">' in get(client, "/en/projects/")
