"""Chinese pages done the Chinese way: pinyin order, full-width punctuation, Chinese date ranges, short names, and
English fallback text marked as English."""

import datetime
import re

import pytest

from casted_site.pages.collation import sort_key
from tests.factories import make_event, make_mou, make_partner, make_project

pytestmark = pytest.mark.django_db


def card_titles(html):
    return re.findall(r'<h3><a href="[^"]+"(?: lang="en")?>([^<]+)</a>', html)


def test_chinese_listings_are_in_pinyin_order_english_ones_in_alphabetical_order(client, home):
    make_partner("most", title="Ministry of Science and Technology", title_zh_hans="中华人民共和国科学技术部")
    make_partner("world-bank", title="World Bank", title_zh_hans="世界银行")
    make_partner("idrc", title="International Development Research Centre", title_zh_hans="加拿大国际发展研究中心")
    make_partner("nistep", title="National Institute of Science and Technology Policy", title_zh_hans="")
    chinese = card_titles(client.get("/zh-hans/partners/").content.decode())
    # jia, N (the English title, by its letters among the syllables), shi, zhong: not code-point order (世 < 中 < 加)
    assert chinese == [
        "加拿大国际发展研究中心",
        "National Institute of Science and Technology Policy",
        "世界银行",
        "中华人民共和国科学技术部",
    ]
    english = card_titles(client.get("/en/partners/").content.decode())
    assert english == sorted(english, key=str.casefold)


def test_a_renamed_record_moves_to_its_new_place(client, home):
    make_partner("a", title="Alpha", title_zh_hans="阿尔法")
    moved = make_partner("b", title="Beta", title_zh_hans="贝塔")
    moved.title_zh_hans = "阿巴"  # a ba: before a er fa
    moved.save_revision().publish()
    assert card_titles(client.get("/zh-hans/partners/").content.decode()) == ["阿巴", "阿尔法"]


def test_the_sort_key_reads_phrases_as_phrases():
    assert sort_key("世界银行", "zh-hans") == "shi4 jie4 yin2 hang2"  # 行 in 银行 is hang, not xing
    assert sort_key("挪威Fafo应用国际研究所", "zh-hans").startswith("nuo2 wei1 fafo ying4")
    assert sort_key("  The World  Bank ", "en") == "the world bank"


def test_the_chinese_country_facet_is_in_pinyin_order(client, home):
    for slug, country in (("no", "NO"), ("jp", "JP"), ("ca", "CA"), ("se", "SE")):
        make_partner(slug, country=country)
    html = client.get("/zh-hans/partners/").content.decode()
    facet = html[html.index("国家") :]
    names = [name for name in ("加拿大", "日本", "瑞典", "挪威") if name in facet]
    assert sorted(names, key=facet.index) == ["加拿大", "挪威", "日本", "瑞典"]  # jia, nuo, ri, rui


def test_short_names_and_brackets_are_written_the_chinese_way(client, home):
    oecd = make_partner(
        "oecd", title="OECD long name", title_zh_hans="经济合作与发展组织", acronym="OECD", acronym_zh_hans="经合组织"
    )
    make_project("survey", partners=[oecd], title_zh_hans="博士职业发展调查")
    chinese = client.get("/zh-hans/projects/survey/").content.decode()
    assert ">经济合作与发展组织</a>（经合组织）" in chinese
    english = client.get("/en/projects/survey/").content.decode()
    assert ">OECD long name</a> (OECD)" in english
    make_mou("mou-oecd", oecd, title_zh_hans="备忘录")
    cards = client.get("/zh-hans/mous/").content.decode()
    assert "合作伙伴：<a" in cards and "合作伙伴: " not in cards


@pytest.mark.parametrize(
    ("start", "end", "english", "chinese"),
    [
        ((2027, 3, 15), (2027, 3, 16), "15–16 March 2027", "2027年3月15日至16日"),
        ((2027, 3, 30), (2027, 4, 2), "30 March – 2 April 2027", "2027年3月30日至4月2日"),
        ((2026, 12, 30), (2027, 1, 2), "30 December 2026 – 2 January 2027", "2026年12月30日至2027年1月2日"),
        ((2027, 3, 15), None, "15 March 2027", "2027年3月15日"),
    ],
)
def test_date_ranges_leave_out_what_the_second_date_repeats(client, home, start, end, english, chinese):
    make_event("dated", start_date=datetime.date(*start), end_date=end and datetime.date(*end))

    def shown(path):
        html = client.get(path).content.decode()
        facts = html[html.index("<dd>", html.index('id="facts-heading"')) :]
        return re.sub(r"<[^>]+>", "", facts[4 : facts.index("<br>")])

    assert shown("/en/events/dated/") == english
    assert shown("/zh-hans/events/dated/") == chinese


def test_english_fallback_text_on_a_chinese_page_is_marked_english(client, home):
    make_project("english-only", title="English only", summary="An English summary.")
    make_project("both", title="Both", title_zh_hans="双语", summary="S", summary_zh_hans="中文摘要。")
    listing = client.get("/zh-hans/projects/").content.decode()
    assert '<a href="/zh-hans/projects/english-only/" lang="en">English only</a>' in listing
    assert '<p lang="en">An English summary.</p>' in listing
    assert '<a href="/zh-hans/projects/both/">双语</a>' in listing and "<p>中文摘要。</p>" in listing
    page = client.get("/zh-hans/projects/english-only/").content.decode()
    assert '<h1 lang="en">English only</h1>' in page
    assert ' lang="en">English only' not in client.get("/en/projects/").content.decode()
