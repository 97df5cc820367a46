"""What invalidates the anonymous page cache."""

from django.db.models.signals import post_delete, post_save

from wagtail.signals import page_published, page_unpublished, post_page_move

from casted_site.core.page_cache import invalidate_page_cache


def connect():

    from projects.models import ResearchField

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate_page_cache, dispatch_uid=f"page-cache-{signal}")
    from wagtail.models import Page, PageViewRestriction, Site

    for model in (Page, PageViewRestriction, Site, ResearchField):
        post_delete.connect(invalidate_page_cache, sender=model, dispatch_uid=f"page-cache-delete-{model.__name__}")
    for model in (PageViewRestriction, Site, ResearchField):
        post_save.connect(invalidate_page_cache, sender=model, dispatch_uid=f"page-cache-save-{model.__name__}")
    # An alias is made without being published, and shares its source's view restrictions.
    post_save.connect(invalidate_when_an_alias_is_saved, dispatch_uid="page-cache-save-alias")


def invalidate_when_an_alias_is_saved(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page) and instance.alias_of_id is not None:
        invalidate_page_cache()
