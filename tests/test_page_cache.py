"""Anonymous visitors get pages from a cache that publishing, unpublishing, moving or deleting refreshes."""

import io
import re
import uuid
from unittest import mock

import pytest

from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import override_settings
from django.utils import translation

from partners.models import PartnerPage
from projects.models import ProjectPage, ProjectPartner, ResearchField
from tests.factories import make_event, make_mou, make_partner, make_project

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("sample")]


def locmem():
    return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": uuid.uuid4().hex}}


@pytest.fixture
def cached_site():
    with override_settings(PAGE_CACHE_SECONDS=600, CACHES=locmem()):
        yield


def test_second_anonymous_request_is_a_hit_with_an_etag(client, cached_site):
    first = client.get("/en/partners/oecd/")
    assert first["X-Page-Cache"] == "miss"
    second = client.get("/en/partners/oecd/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "must-revalidate" in second["Cache-Control"]
    not_modified = client.get("/en/partners/oecd/", HTTP_IF_NONE_MATCH=second["ETag"])
    assert not_modified.status_code == 304


def test_publishing_a_project_refreshes_its_partners_page(client, cached_site):
    assert "Brand-new study" not in client.get("/en/partners/oecd/").content.decode()
    assert client.get("/en/partners/oecd/")["X-Page-Cache"] == "hit"
    oecd = PartnerPage.objects.get(slug_en="oecd")
    project = make_project("brand-new", partners=[oecd], title="Brand-new study", live=False)
    project.save_revision().publish()
    response = client.get("/en/partners/oecd/")
    assert response["X-Page-Cache"] == "miss" and "Brand-new study" in response.content.decode()


@pytest.mark.parametrize("change", ["unpublish", "delete", "move", "snippet"])
def test_unpublishing_deleting_moving_and_snippets_refresh_too(client, cached_site, change):
    client.get("/en/projects/")
    assert client.get("/en/projects/")["X-Page-Cache"] == "hit"
    project = ProjectPage.objects.get(slug_en="phd-career-survey")
    if change == "unpublish":
        project.unpublish()
    elif change == "delete":
        project.delete()
    elif change == "move":
        project.move(project.get_parent(), pos="first-child")
    else:
        with translation.override("en"):
            field = ResearchField.objects.first()
            field.name_zh_hans = "新名称"
            field.save()
    assert client.get("/en/projects/")["X-Page-Cache"] == "miss"


def test_logged_in_users_and_previews_are_never_cached(admin_client, cached_site):
    admin_client.get("/en/partners/oecd/")
    assert "X-Page-Cache" not in admin_client.get("/en/partners/oecd/")
    oecd = PartnerPage.objects.get(slug_en="oecd")
    assert "X-Page-Cache" not in oecd.make_preview_request(preview_mode="en")


def test_responses_that_set_cookies_or_are_errors_are_not_cached(client, cached_site):
    assert client.get("/en/no-such-page/").status_code == 404
    assert "X-Page-Cache" not in client.get("/en/no-such-page/")
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="zh-CN")
    assert response.status_code == 302 and "X-Page-Cache" not in response


def test_a_cached_page_is_served_while_the_database_is_down(client, cached_site):
    client.raise_request_exception = False
    client.get("/zh-hans/partners/")
    with mock.patch.object(BaseDatabaseWrapper, "_cursor", side_effect=OperationalError("connection refused")):
        cached = client.get("/zh-hans/partners/")
        uncached = client.get("/zh-hans/mous/")
    assert cached.status_code == 200 and cached["X-Page-Cache"] == "hit"
    assert uncached.status_code == 503 and uncached["Retry-After"] == "30"


def test_redis_is_used_when_redis_url_is_set(client):
    redis = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:6379/15"}
    }
    with override_settings(PAGE_CACHE_SECONDS=600, CACHES=redis):
        from django.core.cache import cache

        cache.clear()
        assert client.get("/en/events/")["X-Page-Cache"] == "miss"
        assert client.get("/en/events/")["X-Page-Cache"] == "hit"
        assert any(key for key in cache._cache.get_client().scan_iter("*page-cache*"))
        cache.clear()


def test_a_response_that_sets_a_cookie_is_not_cacheable():
    from django.http import HttpResponse

    from casted_site.caching.page_cache import is_cacheable_response

    response = HttpResponse("<p>hi</p>")
    assert is_cacheable_response(response)
    response.set_cookie("anything", "1")
    assert not is_cacheable_response(response)


def test_the_cached_menu_home_and_site_follow_publishing_with_the_page_cache_off(client):
    """The site, its home page and the menu's sections come from the cache even when pages do not; publishing
    must refresh them at once."""
    from casted_site.home.models import HomePage
    from projects.models import ProjectIndexPage

    assert 'href="/en/projects/">Projects</a>' in client.get("/en/partners/").content.decode()
    with translation.override("en"):
        section = ProjectIndexPage.objects.get()
        section.title = "Joint studies"
        section.summary = "Freshly summarised."
        section.save_revision().publish()
        home = HomePage.objects.get()
        home.intro = "<p>A freshly published introduction.</p>"
        home.save_revision().publish()
    partners = client.get("/en/partners/").content.decode()
    assert 'href="/en/projects/">Joint studies</a>' in partners
    home_page = client.get("/en/").content.decode()
    assert "A freshly published introduction." in home_page
    assert "Joint studies" in home_page and "Freshly summarised." in home_page
    project = client.get("/en/projects/phd-career-survey/").content.decode()
    assert '<a href="/en/projects/">Joint studies</a>' in project  # the breadcrumbs


def test_a_request_reads_the_generation_from_the_cache_once(client, cached_site):
    """The site, the sections, the restricted paths and the facet counts are all keyed by the generation; one
    read a request does for all of them."""
    from casted_site.caching import page_cache

    client.get("/en/projects/?status=completed")  # fill the caches
    with mock.patch.object(page_cache, "stored_generation", wraps=page_cache.stored_generation) as reads:
        for path in ("/en/projects/?status=ongoing", "/zh-hans/partners/oecd/", "/en/"):
            client.get(path)
    assert reads.call_count == 3


def test_a_publish_within_a_request_moves_that_request_to_the_new_generation(cached_site):
    from casted_site.caching import page_cache

    token = page_cache.request_generation.set(page_cache.stored_generation())
    try:
        before = page_cache.generation()
        page_cache.invalidate_page_cache()
        assert page_cache.generation() == before + 1 == page_cache.stored_generation()
    finally:
        page_cache.request_generation.reset(token)
    assert page_cache.request_generation.get() is None


def test_a_record_page_reads_the_shared_cache_twice_once_it_has_been_read(client):
    """What a page shows from the cache (its site, route, links, menu, language links) is kept in the process as
    well: with Redis, a page makes two round trips to it (the generation, and Wagtail's site root paths) instead of
    about ten."""
    from casted_site.caching import page_cache

    first = client.get("/en/partners/oecd/")
    with mock.patch.object(page_cache.page_cache(), "get", wraps=page_cache.page_cache().get) as reads:
        again = client.get("/en/partners/oecd/")
    assert again.content == first.content
    keys = [call.args[0] for call in reads.call_args_list]
    assert keys == [page_cache.GENERATION_KEY, "wagtail_site_root_paths_en"]


def test_what_the_process_kept_follows_a_publish_in_any_process(cached_site):
    from casted_site.caching import page_cache

    builds = []

    def build():
        builds.append(len(builds) + 1)
        return f"built {len(builds)} times"

    assert page_cache.cached_content("memo-test", build) == "built 1 times"
    assert page_cache.cached_content("memo-test", build) == "built 1 times"
    # Another process publishes: the count it moves is in the shared cache.
    page_cache.page_cache().incr(page_cache.GENERATION_KEY)
    assert page_cache.cached_content("memo-test", build) == "built 2 times"


def test_an_emptied_shared_cache_does_not_bring_back_what_the_process_kept(cached_site):
    """Emptied, evicted or restarted, the shared cache loses its count of generations: the next one must not
    be one the process has kept values under."""
    from casted_site.caching import page_cache

    assert page_cache.cached_content("memo-test", lambda: "before") == "before"
    page_cache.page_cache().clear()
    assert page_cache.cached_content("memo-test", lambda: "after") == "after"


def test_the_process_memo_keeps_the_latest_values_for_as_long_as_the_shared_cache():
    import time

    from casted_site.caching.page_cache import ProcessMemo

    memo = ProcessMemo(size=2)
    memo.set("a", 1, timeout=600)
    memo.set("b", 2, timeout=600)
    assert memo.get("a") == 1  # now "b" is the least recently used
    memo.set("c", 3, timeout=600)
    assert (memo.get("a"), memo.get("b"), memo.get("c")) == (1, None, 3)
    later = time.monotonic() + 601
    with mock.patch("casted_site.caching.page_cache.time.monotonic", return_value=later):
        assert memo.get("a") is None


def test_view_restrictions_on_a_page_its_section_or_its_alias_source_still_hold(client):
    """Page.get_view_restrictions is replaced by one that asks the database only under the restricted pages kept
    in the cache: a restriction added, on the page or an ancestor, or an alias made of a restricted page, must
    still ask for the password at once."""
    from wagtail.models import PageViewRestriction

    from partners.models import MouIndexPage

    assert 'name="password"' not in client.get("/en/partners/oecd/").content.decode()  # fills the cache
    oecd = PartnerPage.objects.get(slug_en="oecd")
    restriction = PageViewRestriction.objects.create(page=oecd, restriction_type="password", password="secret")
    response = client.get("/en/partners/oecd/")
    assert response.status_code == 200 and 'name="password"' in response.content.decode()
    assert "Organisation for Economic" not in response.content.decode()

    assert client.get("/en/partners/uis/").status_code == 200
    with translation.override("en"):
        oecd.slug_zh_hans = ""  # the alias copies its slugs: in Chinese too it is then "oecd-alias"
        oecd.save()
        oecd.create_alias(update_slug="oecd-alias")
    assert 'name="password"' in client.get("/en/partners/oecd-alias/").content.decode()

    restriction.delete()
    PageViewRestriction.objects.create(page=MouIndexPage.objects.get(), restriction_type="password", password="x")
    assert 'name="password"' in client.get("/en/mous/mou-nistep/").content.decode()
    assert 'name="password"' not in client.get("/en/partners/oecd/").content.decode()


def test_a_home_child_of_a_kind_the_home_page_does_not_list_still_routes_and_shows_in_the_menu(client):
    """The sections are read one listed kind at a time; a child of another kind (added in code: the admin offers
    only the listed kinds) must not be lost."""
    from casted_site.caching.page_cache import invalidate_page_cache
    from casted_site.home.models import HomePage

    with translation.override("en"):
        HomePage.objects.get().add_child(instance=ProjectPage(title="Stray record", slug="stray", show_in_menus=True))
    invalidate_page_cache()
    assert client.get("/en/stray/").status_code == 200
    menu = client.get("/en/partners/").content.decode()
    assert 'href="/en/stray/">Stray record</a>' in menu
    assert 'href="/en/projects/">Projects</a>' in menu


def test_records_pages_listings_and_search_follow_publishing_with_the_page_cache_off(client):
    """A record's page keeps what it shows of linked records, and a listing or a search its shown records, until
    the next publish: publishing, unpublishing and renaming must show at once. A preview shows the draft's links."""
    partner = make_partner("hub", title="Hub institute")
    project = make_project("hub-project", title="Hub project", partners=[partner])
    assert "Hub institute" in client.get("/en/projects/hub-project/").content.decode()
    assert "Event linked later" not in client.get("/en/projects/hub-project/").content.decode()
    assert "Hub project" in client.get("/en/projects/").content.decode()
    assert "<mark>Hub</mark> project" in client.get("/en/search/?q=hub").content.decode()

    event = make_event("linked-later", title="Event linked later", projects=[project], partners=[partner])
    with translation.override("en"):
        event.save_revision().publish()  # the factory links the projects after adding the page
        project.title = "Hub project, renamed"
        project.save_revision().publish()
    assert "Event linked later" in client.get("/en/projects/hub-project/").content.decode()
    assert "Event linked later" in client.get("/en/partners/hub/").content.decode()
    assert "Hub project, renamed" in client.get("/en/projects/").content.decode()
    assert "<mark>Hub</mark> project, renamed" in client.get("/en/search/?q=hub").content.decode()
    assert "Hub project, renamed" in client.get("/en/events/linked-later/").content.decode()

    PartnerPage.objects.get(pk=partner.pk).unpublish()
    assert "Hub institute" not in client.get("/en/projects/hub-project/").content.decode()

    with translation.override("en"):
        draft = ProjectPage.objects.get(pk=project.pk)
        draft.project_partners.add(ProjectPartner(partner=make_partner("draft-only", title="Draft-only partner")))
        preview = draft.make_preview_request(preview_mode="en").render().content.decode()
    assert "Draft-only partner" in preview
    assert "Draft-only partner" not in client.get("/en/projects/hub-project/").content.decode()


def test_language_links_structured_data_and_an_mous_partner_follow_publishing(client):
    """A page keeps its URL in each language, its structured data and an MOU its partner until the next publish,
    each per host: the structured data holds absolute URLs."""
    partner = make_partner("kept", title="Kept institute")
    make_project("kept-project", title="Kept project", partners=[partner])
    make_mou("kept-mou", partner)
    project_html = client.get("/en/projects/kept-project/").content.decode()
    assert 'href="/zh-hans/projects/kept-project/" hreflang="zh-hans"' in project_html
    assert '"name": "Kept institute", "url": "http://testserver/en/partners/kept/"' in project_html
    assert (
        "http://localhost/en/partners/kept/"
        in client.get("/en/projects/kept-project/", HTTP_HOST="localhost").content.decode()
    )
    assert "Kept institute" in client.get("/en/mous/kept-mou/").content.decode()

    with translation.override("en"):
        page = PartnerPage.objects.get(pk=partner.pk)
        page.title = "Renamed institute"
        page.save_revision().publish()
        project = ProjectPage.objects.get(slug="kept-project")
        project.slug_zh_hans = "kept-project-zh"
        project.save_revision().publish()
    project_html = client.get("/en/projects/kept-project/").content.decode()
    assert 'href="/zh-hans/projects/kept-project-zh/" hreflang="zh-hans"' in project_html
    assert '"name": "Renamed institute"' in project_html and "Kept institute" not in project_html
    assert "Renamed institute" in client.get("/en/mous/kept-mou/").content.decode()


def test_a_url_that_finds_nothing_leaves_nothing_in_the_cache(client):
    """Routing keeps the record a URL names, until the next publish; a made-up URL must not add an entry."""
    from django.core.cache import cache

    with override_settings(CACHES=locmem()):  # a cache whose keys can be listed
        assert client.get("/en/projects/phd-career-survey/").status_code == 200
        assert client.get("/en/projects/made-up/").status_code == 404  # what every 404 keeps (the menu, say)
        kept = set(cache._cache)
        for number in range(5):
            assert client.get(f"/en/projects/made-up-{number}/").status_code == 404
        assert set(cache._cache) == kept


def test_made_up_filter_values_leave_nothing_in_the_cache(client):
    """A facet's options are checked against the listing's, and kept only for values it offers."""
    from django.core.cache import cache

    with override_settings(CACHES=locmem()):
        assert "1 record" in client.get("/en/projects/?partner=oecd").content.decode()
        assert "is not a value of the filter" in client.get("/en/projects/?partner=made-up").content.decode()
        kept = set(cache._cache)
        for number in range(5):
            response = client.get(f"/en/projects/?partner=made-up-{number}")
            assert "is not a value of the filter" in response.content.decode()
        assert set(cache._cache) == kept


def current_menu_entry(html):
    menu = html.split('<nav class="main-nav"')[1].split("</nav>")[0]
    return re.findall(r'<a href="([^"]+)" aria-current="page">', menu)


def test_the_menu_marks_the_section_of_each_page_though_it_is_rendered_once_per_section(client):
    pages = {
        "/en/projects/": ["/en/projects/"],
        "/en/projects/phd-career-survey/": ["/en/projects/"],
        "/en/partners/oecd/": ["/en/partners/"],
        "/zh-hans/partners/oecd/": ["/zh-hans/partners/"],
        "/en/": [],
        "/en/search/?q=policy": [],
        "/zh-hans/events/": ["/zh-hans/events/"],
    }
    for _round in range(2):  # rendered, then from the cache
        for path, current in pages.items():
            assert current_menu_entry(client.get(path).content.decode()) == current, path


def test_the_header_is_in_each_language_and_the_description_follows_publishing(client):
    for _round in range(2):
        english = client.get("/en/projects/phd-career-survey/").content.decode()
        chinese = client.get("/zh-hans/projects/phd-career-survey/").content.decode()
        assert '<span class="brand-primary">Chinese Academy of Science and Technology for Development</span>' in english
        assert 'action="/en/search/"' in english and "Search the site" in english
        assert '<span class="brand-primary">中国科学技术发展战略研究院</span>' in chinese
        assert 'action="/zh-hans/search/"' in chinese and "搜索本站" in chinese
    with translation.override("en"):  # the last request left Chinese active
        project = ProjectPage.objects.get(slug="phd-career-survey")
        project.search_description = "A freshly published description."
        project.save_revision().publish()
    html = client.get("/en/projects/phd-career-survey/").content.decode()
    assert '<meta name="description" content="A freshly published description.">' in html


def test_renew_caches_after_a_release_drops_what_the_previous_release_rendered(client, cached_site):
    from django.core.management import call_command

    assert client.get("/en/partners/oecd/")["X-Page-Cache"] == "miss"
    assert client.get("/en/partners/oecd/")["X-Page-Cache"] == "hit"
    call_command("renew_caches", stdout=io.StringIO())
    assert client.get("/en/partners/oecd/")["X-Page-Cache"] == "miss"


def test_the_home_pages_rendered_records_follow_publishing_in_each_language(client):
    for language in ("en", "zh-hans"):
        assert "Newly published project" not in client.get(f"/{language}/").content.decode()
    partner = make_partner("newly-published-partner", title="Newly published partner", live=False)
    project = make_project("newly-published-project", partners=[partner], title="Newly published project", live=False)
    with translation.override("en"):
        partner.save_revision().publish()
        project.save_revision().publish()
    for language in ("en", "zh-hans"):
        home = client.get(f"/{language}/").content.decode()
        fallback = ' lang="en"' if language == "zh-hans" else ""  # the English title on a Chinese page, marked
        assert f'<a href="/{language}/projects/newly-published-project/"{fallback}>Newly published project</a>' in home
        assert f'<li><a href="/{language}/partners/newly-published-partner/">Newly published partner</a></li>' in home


def test_a_searchs_matches_are_kept_in_the_shared_cache_only(client):
    """Visitors can ask for any number of searches, each with up to every record as its matches: those stay out of
    the process's memo, which keeps only the page of results shown."""
    from casted_site.caching import page_cache

    page_cache.process_memo.values.clear()
    client.get("/en/search/?q=policy")
    kept = list(page_cache.process_memo.values.values())
    pages_of_results = [
        value for _expiry, value in kept if isinstance(value, list) and value and hasattr(value[0], "pk")
    ]
    matches = [value for _expiry, value in kept if isinstance(value, list) and value and isinstance(value[0], tuple)]
    assert pages_of_results and not matches
