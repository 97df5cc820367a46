"""What invalidates the anonymous page cache and the data caches (casted_site.caching.page_cache)."""

from django.db.models.signals import post_delete, post_save

from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from casted_site.caching.page_cache import invalidate_page_cache


def connect():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate_page_cache, dispatch_uid=f"page-cache-{signal}")
    # Any model: which ones pages show is known only once every app is ready (snippets are registered then).
    post_save.connect(invalidate_when_shown_data_is_saved, dispatch_uid="page-cache-save")
    post_delete.connect(invalidate_when_shown_data_is_deleted, dispatch_uid="page-cache-delete")


def shows_on_pages(instance):
    """Whether pages show this record, or depend on it, whatever its state: view restrictions, sites, documents
    and images (their titles, files and URLs; not renditions, made as pages render), the site settings (the
    header and footer), and the lookup data of every
    registered snippet model (a project's research fields)."""
    return (
        isinstance(instance, PageViewRestriction | Site | BaseSiteSetting | AbstractDocument | AbstractImage)
        or type(instance) in get_snippet_models()
    )


def invalidate_when_shown_data_is_saved(sender, instance, **kwargs):
    # An alias is made without being published, and shares its source's view restrictions.
    if shows_on_pages(instance) or (isinstance(instance, Page) and instance.alias_of_id is not None):
        invalidate_page_cache()


def invalidate_when_shown_data_is_deleted(sender, instance, **kwargs):
    if shows_on_pages(instance) or isinstance(instance, Page):
        invalidate_page_cache()
