"""An editor (admin in English) and a moderator (admin in Chinese) at work, in Chromium through the admin: create a
page, preview it in the panel in 中文, upload a real and a fake PDF, submit, approve (the e-mails received by an
SMTP server on loopback), import a CSV from the admin as a draft, and see the out-of-date translations report
list a page after its English was edited. Screenshots of each step in test-artifacts/screenshots/editor-*.png."""

import re

import pytest

from django.core.management import call_command

from partners.models import PartnerPage
from tests.factories import make_staff, prefer_language
from tests.files import pdf_bytes, png_bytes
from tests.test_browser import SCREENSHOTS, browser  # noqa: F401 - browser is a fixture

pytestmark = pytest.mark.django_db(transaction=True)

CSV = (
    "slug,title_en,title_zh_hans,kind,country\n"
    "walkthrough-institute,Walkthrough Institute (sample record),演练研究所（示例记录）,research-institute,DE\n"
)


@pytest.fixture
def site(live_server, inbox):
    """The live server with the real content, sending its e-mail to the loopback SMTP server (inbox)."""
    call_command("load_initial_content", verbosity=0)
    return live_server.url


def shot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"editor-{name}.png"), full_page=False)


def logged_in(browser, site, username):  # noqa: F811
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.bad_answers = []
    page.on(
        "response",
        lambda response: (
            response.status >= 400
            and "/admin/" in response.url
            and page.bad_answers.append(f"{response.status} {response.request.method} {response.url}")
        ),
    )
    page.goto(site + "/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "password")
    page.click("button[type=submit]")
    page.wait_for_url(site + "/admin/")
    return page


def test_an_editor_and_a_moderator_at_work(site, browser, inbox):  # noqa: F811
    editor = make_staff("erin", "Editors")
    prefer_language(editor, "en")
    prefer_language(make_staff("wang", "Moderators"), "zh-hans")
    erin = logged_in(browser, site, "erin")

    # 1. Create a page under Partners, in both languages, and save a draft.
    partners = PartnerPage.objects.first().get_parent()
    erin.goto(f"{site}/admin/pages/add/partners/partnerpage/{partners.pk}/")
    erin.fill("#id_title_en", "Walkthrough Policy Centre")
    erin.fill("#id_title_zh_hans", "演练政策中心")
    erin.select_option("#id_kind", "research-institute")
    shot(erin, "1-create")
    erin.get_by_role("button", name="Save draft").click()
    erin.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/"))
    created = PartnerPage.objects.get(title_en="Walkthrough Policy Centre")
    assert created.slug_en == "walkthrough-policy-centre" and not created.slug_zh_hans  # one slug for both

    # Autosave: typing saves the draft by itself, and a valid form is never refused.
    erin.wait_for_timeout(2500)  # Wagtail takes the form as it loaded after 2 s, then watches it for edits
    with erin.expect_response(lambda r: r.request.method == "POST" and r.url.endswith("/edit/")) as autosave:
        erin.locator("#id_summary_en").press_sequentially("A policy centre created in the walkthrough.")
    assert autosave.value.status == 200, autosave.value.text()

    # 2. The preview panel, switched to 中文, shows the Chinese draft.
    erin.locator("[data-side-panel-toggle=preview]").click()
    preview = erin.frame_locator("#w-preview-iframe")
    assert preview.locator("h1").inner_text().startswith("Walkthrough Policy Centre")
    erin.select_option("#id_preview_mode", "zh-hans")
    preview.locator("h1", has_text="演练政策中心").wait_for()
    shot(erin, "2-preview-in-chinese")

    # 3. Upload a real PDF, then a PNG renamed fake.pdf.
    erin.goto(f"{site}/admin/documents/add/")
    erin.fill("#id_title", "Signed memorandum")
    erin.set_input_files("#id_file", {"name": "signed.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes()})
    erin.get_by_role("button", name="Upload").click()
    erin.wait_for_url(re.compile(r".*/admin/documents/"))
    shot(erin, "3-real-pdf-uploaded")
    erin.goto(f"{site}/admin/documents/add/")
    erin.fill("#id_title", "Fake memorandum")
    erin.set_input_files("#id_file", {"name": "fake.pdf", "mimeType": "application/pdf", "buffer": png_bytes()})
    erin.get_by_role("button", name="Upload").click()
    erin.get_by_text("The content of this file is not a .pdf document.").wait_for()
    shot(erin, "3-fake-pdf-refused")

    # 4. Submit the page for moderation: the moderator is told, in Chinese.
    erin.goto(f"{site}/admin/pages/{created.pk}/edit/")
    erin.locator("footer [data-w-dropdown-target=toggle]").first.click()
    erin.get_by_role("button", name="Submit to Moderator approval").click()
    erin.wait_for_url(re.compile(r".*/admin/pages/\d+/"))
    shot(erin, "4-submitted")
    [submitted] = [message for to, message in inbox.messages if "wang@example.org" in to]
    assert "演练政策中心" in str(submitted["Subject"]) and "已经被提交" in str(
        submitted["Subject"]
    )  # its Chinese title

    # 5. The moderator, whose admin is in Chinese, approves it: the editor is told, in English.
    wang = logged_in(browser, site, "wang")
    wang.goto(f"{site}/admin/pages/{created.pk}/edit/")
    assert wang.get_attribute("html", "lang") == "zh-hans"
    wang.locator("footer [data-w-dropdown-target=toggle]").first.click()
    wang.get_by_role("button", name="批准").first.click()
    wang.wait_for_url(re.compile(r".*/admin/.*"))
    shot(wang, "5-approved-in-chinese")
    created.refresh_from_db()
    assert created.live
    assert any(
        "has been approved" in str(message["Subject"]) for to, message in inbox.messages if "erin@example.org" in to
    )

    # 6. The editor imports a CSV from the admin: a dry run, then drafts submitted for moderation.
    erin.goto(f"{site}/admin/records/import/")
    erin.select_option("#id_kind", "partners")
    erin.set_input_files("#id_file", {"name": "partners.csv", "mimeType": "text/csv", "buffer": CSV.encode()})
    erin.get_by_role("button", name="Check the file").click()
    erin.get_by_text("Will be created").wait_for()
    shot(erin, "6-import-checked")
    erin.locator(".import-confirm").get_by_role("button", name="Import").click()
    erin.get_by_text("1 record imported as a draft and submitted for moderation.").wait_for()
    shot(erin, "6-imported")
    imported = PartnerPage.objects.get(slug_en="walkthrough-institute")
    assert not imported.live and imported.workflow_in_progress

    # 7. The moderator edits the English of the approved page: the report says its Chinese may be out of date.
    wang.goto(f"{site}/admin/pages/{created.pk}/edit/")
    wang.fill("#id_summary_en", "A centre for policy studies, added in the walkthrough.")
    wang.get_by_role("button", name="保存草稿").click()
    wang.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/"))
    wang.goto(f"{site}/admin/reports/stale-translations/")
    wang.get_by_text("中文可能已过时").wait_for()
    shot(wang, "7-stale-translation-report")
    assert "演练政策中心" in wang.content()  # the page, by its title in the admin's language

    assert erin.bad_answers == [] and wang.bad_answers == []  # no autosave or other request answered 4xx/5xx
