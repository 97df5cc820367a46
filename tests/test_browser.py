"""The site in a real browser: Debian's Chromium driven by Playwright (never a downloaded browser).

Every page type in both languages loads without console errors and passes axe-core with no serious or critical
violation; the language switcher keeps you on the same page; a filter and a search work by clicking and typing.
Screenshots at 375 px and 1280 px wide are saved under test-artifacts/screenshots/.
A developer without /usr/bin/chromium gets a skip with a message; in CI (CI=true) a missing browser fails."""

import os
from io import StringIO
from pathlib import Path

import pytest

from django.core.management import call_command

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "screenshots"
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        pytest.fail("Chromium is missing at /usr/bin/chromium: CI installs Debian's chromium package.", pytrace=False)
    pytest.skip("Chromium is not installed (apt-get install chromium); browser tests skipped.", allow_module_level=True)

from axe_playwright_python.sync_playwright import Axe  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

pytestmark = pytest.mark.django_db(transaction=True)

PAGE_TYPES = {
    "home": "/{lang}/",
    "project-index": "/{lang}/projects/",
    "project": "/{lang}/projects/phd-career-survey/",
    "partner-index": "/{lang}/partners/",
    "partner": "/{lang}/partners/fafo-ais/",
    "mou-index": "/{lang}/mous/",
    "mou": "/{lang}/mous/mou-nistep/",
    "event-index": "/{lang}/events/",
    "event": "/{lang}/events/china-japan-korea-trilateral-st-policy-seminar/",
    "news-index": "/{lang}/news/",
    "news": "/{lang}/news/example-delegation-visit/",
    "publication-index": "/{lang}/publications/",
    "publication": "/{lang}/publications/example-journal-article/",
    "conference": "/{lang}/events/sample-forum-2nd-edition/",
    "registration": "/{lang}/events/sample-forum-2nd-edition/register/",
    "event-series": "/{lang}/events/series/sample-forum-series/",
    "speaker": "/{lang}/events/speakers/sample-speaker-li/",
    "event-month": "/{lang}/events/month/2026/12/",
    "search": "/{lang}/search/?q=%E5%90%88%E4%BD%9C",
    "not-found": "/{lang}/no-such-page/",
}


@pytest.fixture(scope="module")
def browser():
    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make stay synchronous.
    # Set for these tests only: a process started later (check --deploy) must not inherit it.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def seeded_site(live_server):
    """The live server with the real initial content (in place of the minimal tree the other tests start from)."""
    from casted_site.home.models import HomePage

    HomePage.objects.all().delete()
    call_command("load_initial_content", verbosity=0)
    call_command("update_index", verbosity=0)
    return live_server.url


@pytest.fixture
def site(seeded_site):
    """... with the labelled samples of the sections the content has nothing for (news, publications) imported."""
    for kind in ("news", "publications"):
        call_command("import_records", str(EXAMPLES / f"{kind}.csv"), "--kind", kind, stdout=StringIO())
    call_command("load_example_conference", stdout=StringIO())
    call_command("update_index", verbosity=0)
    return seeded_site


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors = []
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_every_page_type_loads_cleanly_and_passes_axe(site, page, lang):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    axe = Axe()
    failures = {}
    for name, path in PAGE_TYPES.items():
        page.set_viewport_size({"width": 1280, "height": 900})
        response = page.goto(site + path.format(lang=lang))
        assert response.status == (404 if name == "not-found" else 200), path
        assert page.get_attribute("html", "lang") == ("zh-Hans" if lang == "zh-hans" else "en")
        assert page.locator("h1").count() == 1, path
        serious = [
            f"{violation['id']}: {violation['help']}"
            for violation in axe.run(page).response["violations"]
            if violation["impact"] in ("serious", "critical")
        ]
        if serious:
            failures[path] = serious
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{lang}-1280.png"), full_page=True)
        page.set_viewport_size({"width": 375, "height": 800})
        page.reload()  # as a phone gets it: the stylesheet folds the menu and the filters by the first paint
        serious = [
            f"375 px: {violation['id']}: {violation['help']}"
            for violation in axe.run(page).response["violations"]
            if violation["impact"] in ("serious", "critical")
        ]
        if serious:
            failures.setdefault(path, []).extend(serious)
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{lang}-375.png"), full_page=True)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= 375, f"{path} scrolls sideways on a phone ({scroll_width}px)"
    assert failures == {}
    # The 404 page's own console line is the browser reporting the status, not a script error.
    assert [error for error in page.errors if "404" not in error] == []


def test_language_switcher_keeps_you_on_the_same_page(site, page):
    page.goto(site + "/en/partners/fafo-ais/")
    page.get_by_role("link", name="中文").click()
    page.wait_for_url("**/zh-hans/partners/fafo-ais/")
    assert page.locator("h1").inner_text().startswith("挪威Fafo应用国际研究所")
    page.locator(".language-switcher").get_by_role("link", name="English").click()
    page.wait_for_url("**/en/partners/fafo-ais/")


def test_a_filter_works_by_clicking(site, page):
    page.goto(site + "/en/partners/")
    page.locator(".facet-option", has_text="University").click()
    page.wait_for_url("**/en/partners/?kind=university")
    titles = page.locator(".record-card h3 a").all_inner_texts()
    assert sorted(titles) == ["Brandeis University", "Lund University"]
    page.get_by_role("link", name="Clear all filters").click()
    assert page.locator(".record-card").count() == 17


def test_a_chinese_search_works_by_typing(site, page):
    page.goto(site + "/zh-hans/")
    page.get_by_label("搜索本站").fill("科技政策")
    page.keyboard.press("Enter")
    page.wait_for_url("**/zh-hans/search/?q=*")
    assert "中美科技政策论坛" in page.locator(".record-list").inner_text()
    assert page.get_by_label("搜索项目、合作伙伴、备忘录和活动").input_value() == "科技政策"


def test_on_a_phone_the_filters_start_folded_and_open_on_a_tap(site, browser):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    phone = context.new_page()
    phone.goto(site + "/zh-hans/partners/")
    toggle = phone.locator(".filters-toggle")
    assert toggle.get_attribute("aria-expanded") == "false" and not phone.locator(".filter-facets").is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    phone.locator(".facet-option", has_text="大学").click()
    phone.wait_for_url("**/zh-hans/partners/?kind=university")
    assert phone.locator(".filter-facets").is_visible()  # a chosen filter stays in view
    context.close()


def test_on_a_phone_nothing_moves_once_painted(site, browser):
    """The filters and the menu fold by the stylesheet, before the first paint: no layout shift (which Lighthouse
    counted when the script folded the filters after the page was shown)."""
    context = browser.new_context(viewport={"width": 375, "height": 667})
    phone = context.new_page()
    phone.add_init_script(
        "window.__shift = 0; new PerformanceObserver(list => list.getEntries().forEach("
        "entry => { if (!entry.hadRecentInput) window.__shift += entry.value; }))"
        ".observe({type: 'layout-shift', buffered: true});"
    )
    for path in ("/en/partners/", "/zh-hans/projects/", "/zh-hans/"):
        phone.goto(site + path)
        phone.wait_for_timeout(300)
        assert phone.evaluate("window.__shift") < 0.01, path
    context.close()


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_on_a_phone_the_header_is_one_short_row_and_the_menu_opens_from_its_button(site, browser, lang):
    context = browser.new_context(viewport={"width": 375, "height": 667})
    phone = context.new_page()
    phone.goto(site + f"/{lang}/projects/")
    header = phone.locator(".site-header").bounding_box()
    assert header["height"] <= 120, header
    menu = phone.locator(".menu-button")
    assert menu.is_visible() and menu.get_attribute("aria-expanded") == "false"
    assert not phone.locator("#main-nav").is_visible() and not phone.locator("#header-search").is_visible()
    menu.click()
    assert menu.get_attribute("aria-expanded") == "true"
    phone.locator("#main-nav a").nth(1).click()  # the partners
    phone.wait_for_url(f"**/{lang}/partners/")
    context.close()


def test_without_scripting_the_phone_menu_stays_open_and_no_button_shows(site, browser):
    context = browser.new_context(viewport={"width": 375, "height": 667}, java_script_enabled=False)
    phone = context.new_page()
    phone.goto(site + "/en/")
    assert not phone.locator(".menu-button").is_visible()
    assert phone.locator("#main-nav").is_visible() and phone.locator("#header-search").is_visible()
    context.close()


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
@pytest.mark.parametrize("section", ["projects", "partners", "mous", "events", "news", "publications"])
def test_a_listings_first_result_starts_on_the_first_screen(site, browser, lang, section):
    for width, height in ((1280, 800), (375, 667)):
        context = browser.new_context(viewport={"width": width, "height": height})
        visitor = context.new_page()
        visitor.goto(site + f"/{lang}/{section}/")
        top = visitor.locator(".record-card").first.bounding_box()["y"]
        assert top < height - 60, (width, top)  # its title, not only its border, in view
        context.close()


def test_the_language_switch_keeps_the_filters_by_clicking(site, page):
    page.goto(site + "/en/projects/?partner=oecd")
    page.locator(".language-switcher").get_by_role("link", name="中文").click()
    page.wait_for_url("**/zh-hans/projects/?partner=oecd")
    assert page.locator(".record-card h3 a").all_inner_texts() == ["博士职业发展调查"]


def test_the_footer_shows_the_institutions_settings_in_both_languages(site, page):
    from wagtail.models import Site

    from casted_site.institution.models import InstitutionSettings

    settings = InstitutionSettings.for_site(Site.objects.get(is_default_site=True))
    settings.address_en, settings.address_zh_hans = "An example address\nBeijing", "北京市示例地址"
    settings.email, settings.icp_number, settings.website_code = "office@example.org", "京ICP备00000000号-1", "bm0000"
    settings.save()
    for lang, address, code in (
        ("en", "An example address", "Website identification code: bm0000"),
        ("zh-hans", "北京市示例地址", "网站标识码：bm0000"),
    ):
        page.goto(site + f"/{lang}/")
        footer = page.locator(".site-footer")
        text = footer.inner_text()
        assert address in text and code in text and "office@example.org" in text
        icp = footer.get_by_role("link", name="京ICP备00000000号-1")
        assert icp.get_attribute("href") == "https://beian.miit.gov.cn/"
        footer.screenshot(path=str(SCREENSHOTS / f"footer-{lang}-1280.png"))


@pytest.mark.parametrize(("lang", "says"), [("en", "will appear here"), ("zh-hans", "这里将发布")])
def test_a_section_with_nothing_yet_says_what_will_appear_there(seeded_site, page, lang, says):
    for section in ("news", "publications"):
        page.goto(seeded_site + f"/{lang}/{section}/")
        empty = page.locator(".empty")
        assert empty.is_visible() and says in empty.inner_text()
        assert page.locator(".filters").count() == 0
        page.screenshot(path=str(SCREENSHOTS / f"{section}-empty-{lang}-1280.png"), full_page=True)


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_a_researcher_copies_a_citation_and_downloads_it_for_a_reference_manager(site, page, lang):
    import bibtexparser
    import rispy

    page.goto(site + f"/{lang}/publications/example-journal-article/")
    references = page.locator(".citations dd").all_inner_texts()
    assert references[0] == "王小明, 李华. 科技统计示例论文（示例记录）[J]. 示例科技政策学报, 2023, 12(3): 15-32."
    assert len(references) == 3
    with page.expect_download() as bib:
        page.get_by_role("link", name="BibTeX (.bib)").click()
    (entry,) = bibtexparser.parse_string(Path(bib.value.path()).read_text(encoding="utf-8")).entries
    assert entry["journal"] == "示例科技政策学报" and bib.value.suggested_filename == "example-journal-article.bib"
    with page.expect_download() as ris:
        page.get_by_role("link", name="RIS (.ris)").click()
    (record,) = rispy.loads(Path(ris.value.path()).read_text(encoding="utf-8"))
    assert record["authors"] == ["王小明", "李华"]
    page.locator("#cite").screenshot(path=str(SCREENSHOTS / f"cite-this-{lang}-1280.png"))


@pytest.mark.parametrize(
    ("lang", "label", "done", "subject"),
    [("en", "Register", "You are registered", "Registration confirmed"), ("zh-hans", "报名", "报名成功", "报名确认")],
)
def test_a_visitor_registers_for_the_sample_conference_and_gets_the_confirmation(
    site, page, inbox, lang, label, done, subject
):
    from events.models import Registration

    page.goto(site + PAGE_TYPES["conference"].format(lang=lang))
    page.get_by_role("link", name=label, exact=True).click()
    page.get_by_label("姓名" if lang == "zh-hans" else "Name").fill("王五" if lang == "zh-hans" else "Jane Doe")
    page.get_by_label("所在机构" if lang == "zh-hans" else "Affiliation").fill("示例大学")
    page.get_by_label("电子邮件" if lang == "zh-hans" else "E-mail").fill(f"visitor-{lang}@example.org")
    page.get_by_label("国家或地区" if lang == "zh-hans" else "Country or region").select_option("NO")
    page.get_by_label("参会方式" if lang == "zh-hans" else "I will attend").select_option(index=1)
    page.get_by_role("checkbox").check()
    page.get_by_role("button", name=label, exact=True).click()
    assert page.locator("h1").inner_text() == done
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"registered-{lang}-1280.png"), full_page=True)
    registration = Registration.objects.get(email=f"visitor-{lang}@example.org")
    assert registration.language == lang and registration.country == "NO"
    call_command(
        "db_worker", "--backend", "mail", "--batch", "--no-startup-delay", stdout=StringIO(), stderr=StringIO()
    )
    ((to, message),) = inbox.messages
    assert to == [f"visitor-{lang}@example.org"] and subject in message["Subject"]
    assert page.errors == []
