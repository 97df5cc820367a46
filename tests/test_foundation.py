"""The bilingual skeleton: languages, redirects, switcher, alternates, error pages, security headers."""

import re

import pytest

from django.test import override_settings
from django.utils import translation
from django.views.defaults import server_error

from wagtail.models import Page

from tests.factories import make_partner, make_project

SECTION_SLUGS = ["projects", "partners", "mous", "events"]

pytestmark = pytest.mark.django_db


def html_lang(response):
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


@pytest.mark.parametrize(
    ("language", "lang_attr", "title_field"), [("en", "en", "title_en"), ("zh-hans", "zh-Hans", "title_zh_hans")]
)
def test_home_page_renders_in_its_language(client, home, language, lang_attr, title_field):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    assert html_lang(response) == lang_attr
    assert f"<h1>{getattr(home, title_field)}</h1>" in response.content.decode()


def test_chinese_home_page_has_no_english_interface_text(client, home):
    html = client.get("/zh-hans/").content.decode()
    for english in ["Skip to main content", home.title_en, "Main", "Language"]:
        assert f">{english}<" not in html and f'"{english}"' not in html
    assert "跳到主要内容" in html


@pytest.mark.parametrize("slug", SECTION_SLUGS)
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_section_index_pages_answer_in_both_languages(client, slug, language):
    response = client.get(f"/{language}/{slug}/")
    assert response.status_code == 200
    assert html_lang(response) == ("zh-Hans" if language == "zh-hans" else "en")


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("zh-CN,zh;q=0.9,en;q=0.8", "/zh-hans/"),
        ("zh-TW", "/zh-hans/"),
        ("zh", "/zh-hans/"),
        ("en-GB,en;q=0.9", "/en/"),
        ("fr-FR,fr;q=0.9", "/en/"),
        ("de;q=0.9,zh-CN;q=0.8", "/zh-hans/"),
        ("zh;q=0", "/en/"),  # q=0: anything but Chinese
        ("zh;q=0,en;q=0.5", "/en/"),
        ("", "/en/"),
    ],
)
def test_root_redirects_by_accept_language(client, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Accept-Language" in response["Vary"]


def test_root_redirect_respects_a_saved_language_choice(client):
    client.cookies["django_language"] = "zh-hans"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en")["Location"] == "/zh-hans/"


@pytest.mark.parametrize("slug", ["", *SECTION_SLUGS])
def test_switcher_and_hreflang_lead_to_the_same_page_in_the_other_language(client, slug):
    path = f"/en/{slug}/" if slug else "/en/"
    other = path.replace("/en/", "/zh-hans/", 1)
    html = client.get(path).content.decode()
    assert f'<a href="{other}" hreflang="zh-hans"' in html
    assert f'<link rel="alternate" hreflang="en" href="http://testserver{path}">' in html
    assert f'<link rel="alternate" hreflang="zh-hans" href="http://testserver{other}">' in html
    assert f'<link rel="alternate" hreflang="x-default" href="http://testserver{path}">' in html
    back = client.get(other).content.decode()
    assert f'<a href="{path}" hreflang="en"' in back


def test_translated_slug_is_followed_by_the_switcher(client, home):
    projects = Page.objects.get(slug_en="projects").specific
    projects.slug_zh_hans = "xiangmu"
    projects.save_revision().publish()
    html = client.get("/en/projects/").content.decode()
    assert '<a href="/zh-hans/xiangmu/" hreflang="zh-hans"' in html
    assert client.get("/zh-hans/xiangmu/").status_code == 200


@pytest.mark.parametrize(("language", "heading"), [("en", "Page not found"), ("zh-hans", "页面未找到")])
def test_404_page_speaks_the_visitors_language(client, language, heading):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert html_lang(response) == ("zh-Hans" if language == "zh-hans" else "en")


def test_500_page_speaks_the_visitors_language(rf):
    with translation.override("zh-hans"):
        response = server_error(rf.get("/zh-hans/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert 'lang="zh-Hans"' in html
    assert "服务器出错" in html or "出错" in html


def test_public_pages_send_security_headers(client):
    response = client.get("/en/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def test_unprefixed_page_path_redirects_into_a_language(client):
    response = client.get("/projects/", HTTP_ACCEPT_LANGUAGE="zh-CN")
    assert response.status_code == 302
    assert response["Location"] == "/zh-hans/projects/"


@override_settings(DEBUG=False)
def test_admin_login_page_answers(client):
    assert client.get("/admin/login/").status_code == 200


@pytest.mark.parametrize(("language", "expected"), [("en", "28 November 2026"), ("zh-hans", "2026年11月28日")])
def test_dates_read_as_the_visitors_language_writes_them(language, expected):
    import datetime

    from django.utils.formats import date_format

    with translation.override(language):
        assert date_format(datetime.date(2026, 11, 28), "DATE_FORMAT") == expected


def test_routing_finds_a_child_by_its_slug_in_one_query_not_by_loading_every_sibling():
    from django.apps import apps

    from casted_site.framework_fixes.routing import route_by_indexed_slug

    for app_label in ("home", "projects", "partners", "events"):
        for model in apps.get_app_config(app_label).get_models():
            if issubclass(model, Page):
                assert model.route is route_by_indexed_slug, model


def test_migrate_indexes_the_translated_slugs_that_routing_asks_for():
    """wagtail-modeltranslation adds slug_en and slug_zh_hans to Wagtail's page table without an index, after the
    migrations: our migrate command adds them (and, on PostgreSQL, the search indexes), and running it again is
    harmless. Without them, finding a project at 10,000 projects read the whole page table."""
    from django.core.management import call_command
    from django.db import connection

    from casted_site.schema.management.commands.migrate import wagtail_indexes

    def indexes():
        with connection.cursor() as cursor:
            tables = ("wagtailcore_page", "wagtailsearch_indexentry")
            return {name for table in tables for name in connection.introspection.get_constraints(cursor, table)}

    wanted = set(wagtail_indexes(connection.vendor))
    assert {"casted_page_slug_en", "casted_page_slug_zh_hans"} <= wanted
    assert wanted <= indexes()  # made when the test database was migrated
    call_command("migrate", verbosity=0, interactive=False)
    assert wanted <= indexes()


def test_a_slug_a_sibling_has_in_either_language_is_refused_by_an_indexed_check():
    """wagtail-modeltranslation's check loaded every sibling on each save; ours asks the database, with the same
    answers, including a Chinese slug that falls back to a sibling's English one."""
    from django.core.exceptions import ValidationError

    from wagtail_modeltranslation import patch_wagtailadmin

    from casted_site.framework_fixes.slugs import slug_clashes_by_indexed_query

    assert patch_wagtailadmin._validate_slugs is slug_clashes_by_indexed_query
    make_partner("alpha", slug_zh_hans="jia")
    make_partner("beta")  # no Chinese slug: in Chinese its URL uses "beta"
    for slugs, refused_field in (
        ({"slug_zh_hans": "new-one"}, "slug_en"),  # slug= "alpha" below
        ({"slug": "new-two", "slug_zh_hans": "jia"}, "slug_zh_hans"),
        ({"slug": "new-three", "slug_zh_hans": "beta"}, "slug_zh_hans"),
    ):
        with pytest.raises(ValidationError) as refused:
            make_partner(**{"slug": "alpha", **slugs})
        assert refused_field in refused.value.message_dict
    make_partner("gamma", slug_zh_hans="")  # falls back to "gamma", which no sibling has
    assert Page.objects.filter(slug_en="gamma").exists()


def test_a_chinese_url_falls_back_to_the_english_slug_only_where_there_is_no_chinese_one(client):
    projects = Page.objects.get(slug_en="projects").specific
    make_project("phd-career-survey", slug_zh_hans="")
    assert client.get("/zh-hans/projects/phd-career-survey/").status_code == 200  # no Chinese slug of its own
    projects.slug_zh_hans = "xiangmu"
    projects.save_revision().publish()
    assert client.get("/zh-hans/xiangmu/phd-career-survey/").status_code == 200
    # The English URL with its prefix swapped still finds the page, at its own Chinese URL.
    response = client.get("/zh-hans/projects/phd-career-survey/?page=2")
    assert (response.status_code, response["Location"]) == (301, "/zh-hans/xiangmu/phd-career-survey/?page=2")


def test_swapping_the_language_prefix_finds_a_page_with_a_chinese_slug_of_its_own(client):
    make_project("open-science", slug_zh_hans="kaifang-kexue")
    response = client.get("/zh-hans/projects/open-science/")
    assert (response.status_code, response["Location"]) == (301, "/zh-hans/projects/kaifang-kexue/")
    response = client.get("/en/projects/kaifang-kexue/")
    assert (response.status_code, response["Location"]) == (301, "/en/projects/open-science/")
    assert client.get("/zh-hans/projects/no-such-project/").status_code == 404


def test_an_unpublished_page_is_not_found_by_its_other_slug_either(client):
    project = make_project("open-science", slug_zh_hans="kaifang-kexue")
    project.unpublish()
    assert client.get("/zh-hans/projects/open-science/").status_code == 404


def test_in_the_editor_only_the_english_title_fills_a_slug(admin_client):
    """wagtail-modeltranslation linked the Chinese title to the Chinese slug: pages made in the admin got Chinese
    character slugs. The Chinese slug now stays empty (the English one serves both) unless typed."""
    projects = Page.objects.get(slug_en="projects")
    html = admin_client.get(f"/admin/pages/add/projects/projectpage/{projects.pk}/").content.decode()
    english = re.search(r'<input[^>]*name="title_en"[^>]*>', html).group(0)
    chinese = re.search(r'<input[^>]*name="title_zh_hans"[^>]*>', html).group(0)
    assert 'data-w-sync-target-value="#id_slug_en"' in english
    assert 'data-w-sync-target-value=""' in chinese
    assert "Leave empty to use the English slug" in html
