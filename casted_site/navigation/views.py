"""Which language a visitor gets at the site's root."""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils.cache import patch_vary_headers
from django.utils.translation.trans_real import parse_accept_lang_header


def preferred_language(request):
    """The site language a visitor asked for: their saved choice, else the first of their browser's
    languages we serve that it accepts. Any Chinese variant (zh, zh-CN, zh-TW…) gets the Chinese site."""
    saved = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if saved in dict(settings.LANGUAGES):
        return saved
    for tag, quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        if quality <= 0:  # q=0 is "not this one" (RFC 9110)
            continue
        tag = tag.lower()
        if tag.startswith("zh"):
            return "zh-hans"
        if tag == "en" or tag.startswith("en-"):
            return "en"
    return settings.LANGUAGE_CODE


def language_root_redirect(request):
    response = HttpResponseRedirect(f"/{preferred_language(request)}/")
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response
