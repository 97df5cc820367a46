import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import index as sitemap_index
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.views.account import PasswordResetView
from wagtail.documents import urls as wagtaildocs_urls

from casted_site.caching.page_cache import declaring_query_params
from casted_site.navigation.seo import PageSitemap, robots_txt
from casted_site.navigation.views import language_root_redirect
from casted_site.operations.throttle import throttled
from casted_site.operations.views import healthz
from casted_site.search.views import search
from casted_site.sections import section_records

SITEMAPS = {"pages": PageSitemap}


def page_file_patterns():
    """The files the sections' pages answer beside their URL (a publication's cite.bib, SectionRecord.page_files).
    Wagtail's page paths hold no dot, so each is handed to Wagtail's serve view with a slash, as the last part of
    the page's path, which the page's routable path of that name (cite.bib/) answers. Only the declared names: any
    other dotted path stays a 404 (and LocaleMiddleware does not redirect a missing document to /en/documents/…)."""
    names = sorted({name for model in section_records() for name in model.page_files})
    if not names:
        return []
    pattern = rf"^(?P<path>(?:[\w-]+/)+(?:{'|'.join(re.escape(name) for name in names)}))$"
    return [re_path(pattern, lambda request, path: wagtail_views.serve(request, path + "/"), name="page_file")]


urlpatterns = [
    path("", language_root_redirect, name="language_root"),
    # Wagtail's own views at Wagtail's own paths, throttled by visitor: listed before the includes that also hold
    # them (tests/test_login_throttling.py checks that Wagtail's URL names resolve here).
    path("admin/password_reset/", throttled("password-reset", limit=5, seconds=3600)(PasswordResetView.as_view())),
    path("admin/", include(wagtailadmin_urls)),
    # A sitemap index, then sitemaps of at most 500 URLs each (a page counts once per language).
    path(
        "sitemap.xml",
        declaring_query_params()(sitemap_index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        declaring_query_params("p")(sitemap),
        {"sitemaps": SITEMAPS, "template_name": "sitemap_pages.xml"},
        name="sitemap_section",
    ),
    path("robots.txt", declaring_query_params()(robots_txt), name="robots_txt"),
    path("healthz", healthz, name="healthz"),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", search, name="search"),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        throttled("page-password", limit=10, seconds=900)(wagtail_views.authenticate_with_password),
    ),
    *page_file_patterns(),
    # Wagtail's page serving catches everything else: it comes last.
    path("", include(wagtail_urls)),
)

# Django's own handlers, in the visitor's language even when the fault comes before LocaleMiddleware.
handler400 = "casted_site.operations.views.bad_request"
handler403 = "casted_site.operations.views.permission_denied"
handler500 = "casted_site.operations.views.server_error"
