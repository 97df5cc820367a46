"""What the page cache keeps apart and what it does not: a page's declared query parameters (a listing's filters,
its page, a search) make their own entries, any other parameter none; the scheme and host are kept apart; and no
object one request can change reaches another."""

import uuid

import pytest

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.test import override_settings

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("sample")]


@pytest.fixture
def cached_site():
    location = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": uuid.uuid4().hex}
    with override_settings(PAGE_CACHE_SECONDS=600, CACHES={"default": location}):
        yield


@pytest.mark.parametrize("url", ["/en/", "/zh-hans/projects/", "/en/partners/oecd/", "/en/search/?q=policy"])
def test_a_parameter_the_page_does_not_declare_makes_no_new_entry(client, cached_site, url):
    joiner = "&" if "?" in url else "?"
    first = client.get(url)
    assert first["X-Page-Cache"] == "miss"
    entries = len(cache._cache)
    for number in range(20):
        again = client.get(f"{url}{joiner}utm_source={number}&fbclid=x{number}")
        assert again["X-Page-Cache"] == "hit" and again.content == first.content
    assert len(cache._cache) == entries


def test_declared_parameters_make_their_own_entry_in_any_order(client, cached_site):
    everything = client.get("/en/projects/").content.decode()
    completed = client.get("/en/projects/?status=completed&partner=oecd")
    assert completed["X-Page-Cache"] == "miss" and completed.content.decode() != everything
    reordered = client.get("/en/projects/?partner=oecd&utm_source=mail&status=completed")
    assert reordered["X-Page-Cache"] == "hit" and reordered.content == completed.content
    other = client.get("/zh-hans/search/?q=合作&kind=mous")
    assert other["X-Page-Cache"] == "miss"
    assert client.get("/zh-hans/search/?kind=mous&q=合作")["X-Page-Cache"] == "hit"


def test_a_listing_that_ignores_a_made_up_value_is_not_kept(client, cached_site):
    for number in range(3):
        response = client.get(f"/en/projects/?status=made-up-{number}")
        assert response.status_code == 200 and "X-Page-Cache" not in response
        assert f"made-up-{number}" in response.content.decode()


def test_http_and_https_are_kept_apart(client, cached_site):
    """With SECURE_SSL_REDIRECT off (behind a proxy that terminates TLS, say), one plain-http visit must not give
    https visitors http:// canonical links."""
    plain = client.get("/en/partners/oecd/").content.decode()
    assert 'rel="canonical" href="http://testserver/en/partners/oecd/"' in plain
    secure = client.get("/en/partners/oecd/", secure=True)
    assert secure["X-Page-Cache"] == "miss"
    assert 'rel="canonical" href="https://testserver/en/partners/oecd/"' in secure.content.decode()


def test_what_one_request_sets_on_its_page_does_not_reach_the_next(client):
    from casted_site.framework_fixes.routing import child_by_slug
    from projects.models import ProjectIndexPage

    index = ProjectIndexPage.objects.get()
    first = child_by_slug(index, "phd-career-survey")
    first.title = "Changed by one request"
    again = child_by_slug(index, "phd-career-survey")
    assert again.title == "PhD career survey" and again is not first


@pytest.mark.parametrize("change", ["document saved", "document deleted", "image saved", "image deleted"])
def test_documents_and_images_refresh_cached_pages(client, cached_site, change):
    document = get_document_model().objects.create(title="Report", file=ContentFile(b"%PDF-1.4\n", name="r.pdf"))
    image = get_image_model().objects.create(title="Logo", file=get_test_image_file())
    client.get("/en/partners/oecd/")
    assert client.get("/en/partners/oecd/")["X-Page-Cache"] == "hit"
    if change == "document saved":
        document.title = "Report, corrected"
        document.save()
    elif change == "document deleted":
        document.delete()
    elif change == "image saved":
        image.title = "Logo, corrected"
        image.save()
    else:
        image.delete()
    assert client.get("/en/partners/oecd/")["X-Page-Cache"] == "miss"


@pytest.mark.parametrize(
    "url",
    [
        "/en/",
        "/zh-hans/projects/",
        "/en/projects/phd-career-survey/",
        "/en/partners/",
        "/zh-hans/partners/oecd/",
        "/en/mous/",
        "/en/mous/mou-nistep/",
        "/zh-hans/events/",
        "/en/events/china-us-forum/",
        "/en/events/calendar/",
        "/en/projects/feed/",
        "/zh-hans/search/?q=合作",
        "/sitemap.xml",
        "/sitemap-pages.xml",
        "/robots.txt",
    ],
)
def test_every_kind_of_public_page_is_kept(client, cached_site, url):
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"


def test_a_cached_page_costs_two_reads_of_the_shared_cache(client, cached_site):
    """The generation, then the page: which query parameters the path declared is kept in the process too (with
    Redis, each read is a round trip)."""
    from unittest import mock

    from casted_site.caching import page_cache

    client.get("/en/partners/oecd/")
    with mock.patch.object(page_cache.page_cache(), "get", wraps=page_cache.page_cache().get) as reads:
        assert client.get("/en/partners/oecd/?utm_source=x")["X-Page-Cache"] == "hit"
    assert [call.args[0].split(":")[0] for call in reads.call_args_list] == ["page-cache", "page"]
