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


def test_a_partners_uploaded_logo_shows_on_its_card_and_page_with_alt_text_and_is_its_share_image(client, home):
    from django.core.files.base import ContentFile

    from wagtail.images.models import Image

    from tests.factories import make_partner
    from tests.files import png_bytes

    logo = Image.objects.create(title="logo.png", file=ContentFile(png_bytes(300, 100), "logo.png"))
    partner = make_partner("with-logo", title="Logo Institute", title_zh_hans="标志研究所", logo=logo)
    make_partner("without-logo", title="Plain Institute")
    listing = client.get("/en/partners/").content.decode()
    assert re.search(r'<img class="card-logo" src="[^"]+" width="144" height="48" alt="Logo Institute logo"', listing)
    assert listing.count('class="card-logo"') == 1
    chinese = client.get("/zh-hans/partners/with-logo/").content.decode()
    assert 'alt="标志研究所标志"' in chinese
    wide = re.findall(r'<meta property="og:image" content="([^"]+)">', chinese)[0]
    assert wide == "http://testserver" + logo.get_rendition("max-1200x630").url
    logo.description = "The institute's emblem"
    logo.save()
    assert 'alt="The institute&#x27;s emblem"' in client.get(partner.url).content.decode()
