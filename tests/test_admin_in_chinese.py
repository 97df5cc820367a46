"""The admin in Chinese: a staff member whose admin language is 简体中文 meets none of our own English (labels,
help texts, reports, panels, buttons) on the pages they work in. Our English is every message of the site's
catalogue; a text on the page that is exactly one of them was left untranslated."""

import re
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest

from partners.models import PartnerIndexPage, PartnerPage
from projects.models import ResearchField
from tests.factories import prefer_language

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("sample")]

CATALOGUE = Path(__file__).resolve().parent.parent / "locale/zh_Hans/LC_MESSAGES/django.po"
# Names that are the same in both languages' admin on purpose: each language by its own name (the preview modes,
# the field labels), and the site's acronym.
SAME_IN_BOTH = {"english", "中文", "casted"}
# Wagtail's, not ours, though our catalogue has the same words: Wagtail 8.0.1's snippet views translate their
# breadcrumbs once at startup (gettext where gettext_lazy was meant), so they stay in the startup language.
WAGTAIL_AT_STARTUP = {"home", "snippets"}


def our_english():
    entries = polib.pofile(str(CATALOGUE))
    return (
        {
            entry.msgid.casefold()
            for entry in entries
            if entry.msgstr != entry.msgid and re.search("[A-Za-z]{3}", entry.msgid) and "%" not in entry.msgid
        }
        - SAME_IN_BOTH
        - WAGTAIL_AT_STARTUP
    )


class VisibleText(HTMLParser):
    """The text a person sees: text nodes, the title attributes and placeholders, not scripts or styles."""

    def __init__(self):
        super().__init__()
        self.texts, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style", "template", "textarea"}:
            self.hidden += 1
        for name, value in attrs:
            if name in {"title", "placeholder", "aria-label"} and value:
                self.texts.append(value)

    def handle_endtag(self, tag):
        if tag in {"script", "style", "template", "textarea"}:
            self.hidden = max(0, self.hidden - 1)

    def handle_data(self, data):
        if not self.hidden and data.strip():
            self.texts.append(data)


def untranslated(html, english):
    parser = VisibleText()
    parser.feed(html)
    return sorted({text.strip() for text in parser.texts if " ".join(text.split()).casefold() in english})


def admin_pages(sample):
    index = PartnerIndexPage.objects.get()
    oecd = PartnerPage.objects.get(pk=sample.oecd.pk)
    return [
        "/admin/",
        f"/admin/pages/{index.pk}/",
        f"/admin/pages/{index.pk}/edit/",
        f"/admin/pages/{index.get_parent().pk}/edit/",
        f"/admin/pages/{oecd.pk}/edit/",
        f"/admin/pages/{sample.survey.pk}/edit/",
        f"/admin/pages/{sample.mou.pk}/edit/",
        f"/admin/pages/{sample.forum.pk}/edit/",
        f"/admin/pages/add/partners/partnerpage/{index.pk}/",
        "/admin/reports/missing-translations/",
        "/admin/reports/stale-translations/",
        "/admin/records/import/",
        "/admin/documents/",
        "/admin/images/",
        f"/admin/snippets/projects/researchfield/edit/{ResearchField.objects.first().pk}/",
        "/admin/account/",
    ]


def test_a_staff_member_reading_the_admin_in_chinese_meets_none_of_our_english(admin_client, admin_user, sample):
    prefer_language(admin_user, "zh-hans")
    from wagtail.models import Page

    # Page titles are content, not our interface: the admin names a page by its English (draft) title.
    english = our_english() - {title.casefold() for title in Page.objects.values_list("draft_title", flat=True)}
    assert len(english) > 150  # the catalogue was read
    found = {}
    for url in admin_pages(sample):
        response = admin_client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert '<html lang="zh-hans"' in html, url
        if leftovers := untranslated(html, english):
            found[url] = leftovers
    assert found == {}


def test_field_labels_name_each_language_by_its_own_name(admin_client, admin_user, sample):
    english = admin_client.get(f"/admin/pages/{sample.oecd.pk}/edit/").content.decode()
    assert "Title (English)" in english and "Title (中文)" in english and "[zh-hans]" not in english
    prefer_language(admin_user, "zh-hans")
    chinese = admin_client.get(f"/admin/pages/{sample.oecd.pk}/edit/").content.decode()
    assert "标题（English）" in chinese and "标题（中文）" in chinese
    assert "language_toggles.js" not in chinese  # no picker: both languages are always shown
