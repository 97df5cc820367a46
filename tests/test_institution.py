"""The institution's settings (Settings → Institution) as visitors meet them: the header, the footer with the
filing numbers a site hosted in mainland China shows, the share image, the printout's source line."""

import re

import pytest

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from wagtail.images.models import Image
from wagtail.models import Site

from casted_site.institution.models import InstitutionSettings
from tests.files import png_bytes

pytestmark = pytest.mark.django_db


def footer(client, path):
    html = client.get(path).content.decode()
    return html[html.index('<footer class="site-footer">') :]


def fill_settings(**values):
    row = InstitutionSettings.for_site(Site.objects.get(is_default_site=True))
    for name, value in values.items():
        setattr(row, name, value)
    row.save()
    return row


def test_before_staff_fill_anything_the_footer_shows_the_names_and_no_filing_numbers(client, home):
    english, chinese = footer(client, "/en/"), footer(client, "/zh-hans/")
    assert "Chinese Academy of Science and Technology for Development" in english
    assert "International Exchange and Cooperation" in english
    assert "中国科学技术发展战略研究院" in chinese and "国际交流与合作" in chinese
    assert re.search(r"© \d{4} 中国科学技术发展战略研究院", chinese)
    for text in (english, chinese):
        assert 'class="filings"' not in text and "beian" not in text
        assert "<address>" not in text and "mailto:" not in text


def test_the_footer_shows_what_staff_filled_in_the_visitors_language(client, home):
    fill_settings(
        address_en="Floor 1, Example Building\nBeijing",
        address_zh_hans="北京市示例大楼一层",
        email="ic@example.org",
        telephone="+86 10 0000 0000",
        main_site_url="https://www.example.org/",
        copyright_en="© Example copyright",
        icp_number="京ICP备00000000号-1",
        public_security_number="京公网安备11000000000000号",
        website_code="bm00000000",
    )
    english, chinese = footer(client, "/en/"), footer(client, "/zh-hans/")
    assert "<address>Floor 1, Example Building<br>Beijing</address>" in english
    assert "<address>北京市示例大楼一层</address>" in chinese
    assert '<a href="mailto:ic@example.org">ic@example.org</a>' in english
    assert 'href="tel:+861000000000"' in chinese
    assert "电子邮件：" in chinese and "E-mail: " in english
    assert '<a href="https://www.example.org/">CASTED\'s main site</a>' in english
    assert "© Example copyright" in english
    assert "© Example copyright" in chinese  # no Chinese line: the English one
    for text in (english, chinese):
        assert '<a href="https://beian.miit.gov.cn/" rel="noreferrer">京ICP备00000000号-1</a>' in text
        assert 'href="https://beian.mps.gov.cn/#/query/webSearch?code=11000000000000"' in text
    assert "网站标识码：bm00000000" in chinese
    assert "Website identification code: bm00000000" in english


def test_a_name_staff_set_replaces_the_default_in_header_footer_and_structured_data(client, home):
    fill_settings(short_name_en="CASTED-IC", name_zh_hans="测试院名")
    english = client.get("/en/").content.decode()
    chinese = client.get("/zh-hans/").content.decode()
    assert '<span class="brand-mark" aria-hidden="true">CASTED-IC</span>' in english
    assert '<span class="brand-primary">测试院名</span>' in chinese
    assert '"alternateName": "CASTED-IC"' in english
    # The English page names the institution in Chinese beside its English name.
    assert '<span class="brand-alt" lang="zh-Hans">测试院名</span>' in english


def test_an_uploaded_logo_replaces_the_wordmark(client, home):
    logo = Image.objects.create(title="CASTED logo", file=ContentFile(png_bytes(400, 200), "logo.png"))
    fill_settings(logo=logo)
    html = client.get("/en/").content.decode()
    assert 'class="brand-mark"' not in html
    match = re.search(r'<img class="brand-logo" src="([^"]+)" width="(\d+)" height="96" alt="">', html)
    assert match and match.group(2) == "192"
    assert client.get(match.group(1)).status_code in (200, 404)  # media is served by the web server in production


def test_every_page_has_a_share_image_the_default_until_one_is_uploaded(client, home):
    html = client.get("/en/").content.decode()
    images = re.findall(r'<meta property="og:image" content="([^"]+)">', html)
    assert images == [
        "http://testserver/static/img/share-1200x630.png",
        "http://testserver/static/img/share-square.png",
    ]
    assert '<meta itemprop="image" content="http://testserver/static/img/share-square.png">' in html
    share = Image.objects.create(title="Share", file=ContentFile(png_bytes(1600, 1000), "share.png"))
    fill_settings(share_image=share)
    html = client.get("/zh-hans/").content.decode()
    wide, square = re.findall(r'<meta property="og:image" content="([^"]+)">', html)
    assert share.get_rendition("fill-1200x630").url in wide and wide.startswith("http://testserver/")
    assert share.get_rendition("fill-600x600").url in square


def test_the_description_is_escaped_once(client, home):
    home.intro = "<p>Policy research in S &amp; T.</p>"
    home.save_revision().publish()
    html = client.get("/en/").content.decode()
    assert '<meta name="description" content="Policy research in S &amp; T.">' in html
    assert "&amp;amp;" not in html


def test_the_printout_names_the_site_and_the_pages_address(client, home):
    html = client.get("/zh-hans/?utm=x").content.decode()  # a kept page is shown for any tracking parameter
    assert (
        '<p class="print-only print-source">中国科学技术发展战略研究院 · 国际交流与合作<br><span lang="en">http://testserver/zh-hans/</span></p>'
        in html
    )


def test_staff_edit_the_settings_in_both_languages_in_the_admin(client, home):
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "password")
    client.force_login(admin)
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/institution/institutionsettings/{site.pk}/"
    form = client.get(url, follow=True)
    assert form.status_code == 200
    html = form.content.decode()
    for field in ("name_en", "name_zh_hans", "address_zh_hans", "icp_number", "public_security_number"):
        assert f'name="{field}"' in html, field
    data = {field: "" for field in re.findall(r'name="([a-z_]+)"', html) if field not in ("csrfmiddlewaretoken",)}
    data.update(icp_number="京ICP备00000000号-1", address_zh_hans="北京")
    saved = client.post(form.wsgi_request.path, data, follow=True)
    assert saved.status_code == 200
    assert InstitutionSettings.for_site(site).icp_number == "京ICP备00000000号-1"
    client.logout()
    assert "京ICP备00000000号-1" in footer(client, "/en/")  # the cached page followed the save
