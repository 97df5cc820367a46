"""The number of queries a page makes does not grow with the records or links on it."""

import datetime

import pytest

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from casted_site.caching.page_cache import invalidate_page_cache
from tests.factories import in_english, make_event, make_mou, make_news, make_partner, make_project, make_publication

pytestmark = pytest.mark.django_db

# Every public page without the page cache, whatever the size of the content, also on the first request after a
# publish, which fills the data caches: the site and its sections (shared by every page), the restricted paths,
# and a listing's counts and order or a search's matches, and the institution's settings (the header and footer).
# A listing costs a query per facet when every cache is empty: the publications listing has five.
QUERY_BUDGET = 18


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries)


@in_english
def grow(hub_partner, hub_project, hub_event, start, stop):
    """Link records start..stop-1 to the hubs: partners of the project and event, projects, MOUs and events of
    the partner."""
    for number in range(start, stop):
        partner = make_partner(f"p{number}", country="NO")
        make_project(f"pr{number}", partners=[hub_partner, partner], status="ongoing", start_year=2020)
        make_mou(f"m{number}", partner=hub_partner, status="active")
        make_event(
            f"e{number}",
            partners=[hub_partner, partner],
            projects=[hub_project],
            kind="forum",
            start_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=number),
        )
        make_news(
            f"n{number}",
            date=datetime.date(2026, 1, 1) + datetime.timedelta(days=number),
            partners=[hub_partner, partner],
            projects=[hub_project],
            events=[hub_event],
        )
        make_publication(
            f"pub{number}", year=2020, authors="Smith, John\n王小明", partners=[hub_partner], projects=[hub_project]
        )
        hub_project.project_partners.create(partner=partner)
        hub_event.event_partners.create(partner=partner)
        hub_event.related_projects.add(make_project(f"epr{number}", partners=[partner]))
    hub_event.save()


PAGES = [
    "/{lang}/",
    "/{lang}/projects/",
    "/{lang}/projects/?status=ongoing&year=2020",
    "/{lang}/partners/",
    "/{lang}/partners/?country=NO&relationship=project",
    "/{lang}/mous/",
    "/{lang}/mous/?status=active",
    "/{lang}/events/",
    "/{lang}/events/?when=past&kind=forum",
    "/{lang}/partners/hub/",
    "/{lang}/projects/hub-project/",
    "/{lang}/events/hub-event/",
    "/{lang}/mous/m0/",
    "/{lang}/search/?q=forum",
    "/{lang}/search/?q=%E5%90%88%E4%BD%9C&kind=events",
    "/{lang}/events/calendar/",
    "/{lang}/events/feed/",
    "/{lang}/projects/feed/",
    "/{lang}/events/e0/ical/",
    "/{lang}/news/",
    "/{lang}/news/?kind=news&year=2026",
    "/{lang}/news/n0/",
    "/{lang}/news/feed/",
    "/{lang}/publications/",
    "/{lang}/publications/?type=report&partner=hub",
    "/{lang}/publications/pub0/",
    "/{lang}/publications/pub0/cite.bib",
    "/{lang}/publications/pub0/cite.ris",
    "/{lang}/publications/feed/",
    "/sitemap.xml",
    "/sitemap-pages.xml",
]


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_queries_stay_the_same_from_1_to_30_related_records(client, lang):
    hub_partner = make_partner("hub", title="Hub institute")
    hub_project = make_project("hub-project", partners=[hub_partner])
    hub_event = make_event("hub-event")
    grow(hub_partner, hub_project, hub_event, 0, 1)
    paths = [page.format(lang=lang) for page in PAGES]
    for path in paths:  # the first request fills Wagtail's site and root-path caches
        client.get(path)
    warmths = ("emptied", "cold", "warm")
    with_one = {warmth: queries_per_page(client, paths, warmth) for warmth in warmths}
    grow(hub_partner, hub_project, hub_event, 1, 30)
    with_thirty = {warmth: queries_per_page(client, paths, warmth) for warmth in warmths}
    assert with_thirty == with_one
    for warmth in warmths:
        assert max(with_thirty[warmth].values()) <= QUERY_BUDGET, (warmth, with_thirty[warmth])


def queries_per_page(client, paths, warmth):
    """Queries per page with every cache emptied (a new Redis, say: Wagtail's own caches too), with the data caches
    (site, sections, listing counts and order, search matches) empty, as after a publish, or filled by a first
    request."""
    counts = {}
    for path in paths:
        if warmth == "emptied":
            cache.clear()
        elif warmth == "cold":
            invalidate_page_cache()
        else:
            client.get(path)
        counts[path] = count_queries(client, path)
    return counts


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_no_page_looks_up_an_attribute_its_object_lacks(client, lang):
    """Looking up a missing attribute makes Django's templates list every attribute of the object (dir()), which
    on a page costs more than the rest of a small template: a page's templates look up only what is there."""
    from unittest import mock

    from django.db.models import Model
    from django.template import base

    hub_partner = make_partner("hub", title="Hub institute", acronym="HI")
    hub_project = make_project("hub-project", partners=[hub_partner])
    grow(hub_partner, hub_project, make_event("hub-event"), 0, 2)
    missed = []

    def listing_dir(obj):
        if isinstance(obj, Model):  # a dict's dir() is cheap
            missed.append(type(obj).__name__)
        return dir(obj)

    with mock.patch.object(base, "dir", listing_dir, create=True):
        for path in PAGES:
            client.get(path.format(lang=lang))
    assert missed == []
