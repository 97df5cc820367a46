"""The institution as pages show it, in the active language: InstitutionSettings with the catalogue's names where
a name is left empty, the images as rendition URLs. Built once per site, language and origin until the next
publish or settings save (the page cache's generation), so a page reads no settings row and makes no rendition."""

import re
from dataclasses import dataclass

from django.conf import settings
from django.templatetags.static import static
from django.utils import timezone, translation
from django.utils.translation import gettext

from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Site

from casted_site.caching.page_cache import cached_content, cached_for_page, request_origin

# The filing systems' public lookups, where the footer's numbers lead.
ICP_LOOKUP_URL = "https://beian.miit.gov.cn/"
PUBLIC_SECURITY_LOOKUP_URL = "https://beian.mps.gov.cn/#/query/webSearch?code={}"

# What a shared page shows when neither it nor the settings give an image (drawn by `draw_share_images`).
DEFAULT_SHARE_IMAGE = "img/share-1200x630.png"
DEFAULT_SHARE_SQUARE = "img/share-square.png"


@dataclass(frozen=True)
class Institution:
    name: str
    other_language_name: str  # shown under the name, in the other language
    other_language: str
    short_name: str
    site_name: str
    logo: dict | None  # {"url", "width", "height"}
    address_lines: list
    email: str
    telephone: str
    main_site_url: str
    copyright: str
    privacy_note: str
    share_image: str  # absolute URLs
    share_square: str
    icp_number: str
    public_security_number: str
    public_security_url: str
    public_security_badge: str
    website_code: str

    icp_url = ICP_LOOKUP_URL

    @property
    def has_filings(self):
        return bool(self.icp_number or self.public_security_number or self.website_code)


def default_names():
    """The names a site has before staff set any, from the catalogue (in the active language)."""
    return {
        "name": gettext("Chinese Academy of Science and Technology for Development"),
        "short_name": "CASTED",
        "site_name": gettext("International Exchange and Cooperation"),
    }


def value_in(settings_row, field, language):
    """A translated field's value in `language`, else English, else the catalogue's default in that language."""
    if settings_row is not None:
        for code in (language, settings.LANGUAGE_CODE):
            value = getattr(settings_row, build_localized_fieldname(field, code), "") or ""
            if value.strip():
                return value.strip()
    with translation.override(language):
        return default_names().get(field, "")


def rendition(image, spec):
    if image is None:
        return None
    made = image.get_rendition(spec)
    return {"url": made.url, "width": made.width, "height": made.height}


def build_institution(request):
    site = Site.find_for_request(request)
    from casted_site.institution.models import InstitutionSettings

    # Not for_site(): it creates the row, and saving settings empties the page cache.
    row = InstitutionSettings.objects.filter(site=site).first() if site is not None else None
    language = translation.get_language() or settings.LANGUAGE_CODE
    other = next(code for code, _name in settings.LANGUAGES if code != language)
    name = value_in(row, "name", language)
    share = rendition(row and row.share_image, "fill-1200x630")
    square = rendition(row and row.share_image, "fill-600x600")
    number = row.public_security_number.strip() if row else ""
    digits = "".join(re.findall(r"\d", number))
    badge = rendition(row and row.public_security_badge, "height-20")
    return Institution(
        name=name,
        other_language_name=value_in(row, "name", other),
        other_language=other,
        short_name=value_in(row, "short_name", language),
        site_name=value_in(row, "site_name", language),
        logo=rendition(row and row.logo, "height-96"),
        address_lines=[line.strip() for line in value_in(row, "address", language).splitlines() if line.strip()],
        email=row.email if row else "",
        telephone=row.telephone if row else "",
        main_site_url=row.main_site_url if row else "",
        copyright=value_in(row, "copyright", language) or f"© {timezone.localdate().year} {name}",
        privacy_note=value_in(row, "privacy_note", language),
        share_image=request.build_absolute_uri(share["url"] if share else static(DEFAULT_SHARE_IMAGE)),
        share_square=request.build_absolute_uri(square["url"] if square else static(DEFAULT_SHARE_SQUARE)),
        icp_number=row.icp_number.strip() if row else "",
        public_security_number=number,
        public_security_url=PUBLIC_SECURITY_LOOKUP_URL.format(digits) if digits else "",
        public_security_badge=badge["url"] if badge else "",
        website_code=row.website_code.strip() if row else "",
    )


def institution(request):
    """The request's institution (see the module's docstring)."""
    site = Site.find_for_request(request)
    return cached_content(
        "institution",
        lambda: build_institution(request),
        site=site and site.pk,
        language=translation.get_language(),
        origin=request_origin(request),
        year=timezone.localdate().year,
    )


def share_images(page, request):
    """(wide, square) absolute URLs of the image a shared page shows: the page's own (its `share_image`, a
    partner's logo say, fitted inside 1200×630 and 600×600), else the institution's."""
    image = getattr(page, "share_image", None)
    if image is None:
        found = institution(request)
        return found.share_image, found.share_square

    def build():
        wide, square = rendition(image, "max-1200x630"), rendition(image, "max-600x600")
        return request.build_absolute_uri(wide["url"]), request.build_absolute_uri(square["url"])

    return cached_for_page(page, request, "share-images", build)
