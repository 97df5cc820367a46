"""Record pages and listings that read finished: the facts beside the title, related records filling the page of a
record with little text, a listing's long intro folded behind "Read more"."""

import re

import pytest

from events.models import EventIndexPage
from tests.factories import make_event

pytestmark = pytest.mark.django_db


def test_an_event_lists_other_events_of_its_kind_and_nothing_of_another(client, home):
    make_event("seminar-a", title="Seminar A", kind="seminar")
    make_event("seminar-b", title="Seminar B", kind="seminar", start_date="2025-05-01")
    make_event("forum-c", title="Forum C", kind="forum")
    html = client.get("/en/events/seminar-a/").content.decode()
    section = html[html.index('id="same-kind-heading"') :]
    assert "Other events of this kind" in section
    assert re.findall(r">(Seminar B|Forum C|Seminar A)</a>", section) == ["Seminar B"]
    assert "同类活动" in client.get("/zh-hans/events/seminar-a/").content.decode()
    assert "same-kind-heading" not in client.get("/en/events/forum-c/").content.decode()


def test_a_record_without_text_has_a_description_from_its_title_and_section(client, home):
    make_event("seminar-a", title="Seminar A", title_zh_hans="甲研讨会", kind="seminar")
    english = client.get("/en/events/seminar-a/").content.decode()
    assert re.search(r'<meta name="description" content="Seminar A · [^·"]+ · Chinese Academy of Science', english)
    chinese = client.get("/zh-hans/events/seminar-a/").content.decode()
    assert re.search(r'<meta name="description" content="甲研讨会 · [^·"]+ · 中国科学技术发展战略研究院">', chinese)


def test_a_long_intro_shows_its_first_paragraph_and_folds_the_rest(client, home):
    index = EventIndexPage.objects.get()
    index.intro = "<p>" + "The lead sentence of this section. " * 8 + "</p><p>The second paragraph.</p>"
    index.save_revision().publish()
    html = client.get("/en/events/").content.decode()
    header = html[html.index('<header class="page-header">') : html.index("</header>", html.index("page-header"))]
    assert '<div class="lead is-clamped"><p>The lead sentence' in header
    assert (
        '<details class="intro-more"><summary>Read more</summary><div class="lead"><p>The second paragraph.</p>'
        in header
    )
    index.intro = "<p>One short line.</p>"
    index.save_revision().publish()
    html = client.get("/en/events/").content.decode()
    assert '<div class="lead"><p>One short line.</p></div>' in html and "intro-more" not in html
