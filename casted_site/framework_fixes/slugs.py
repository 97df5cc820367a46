"""Slugs: wagtail-modeltranslation's check of sibling slugs, in one query per language (private API:
wagtail_modeltranslation.patch_wagtailadmin._validate_slugs, which its patched clean methods look up by name); and
one slug for both languages unless an editor gives the Chinese page its own (no private API: the panels'
public targets attribute, before any edit form is built)."""

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from modeltranslation.utils import build_localized_fieldname


def slug_clashes_by_indexed_query(page):
    """wagtail-modeltranslation's check, when a page is saved, that no sibling has its slug in any language (or
    falls back to the same English slug), in one query per language. Its own loads every sibling page: with
    10,000 projects each save took half a second. casted_site.framework_fixes.apply puts this one in its place."""
    if page.depth is None or page.depth <= 1:
        return {}
    siblings = page.get_siblings(inclusive=False)
    fallback = build_localized_fieldname("slug", settings.LANGUAGE_CODE)
    errors = {}
    for language, _name in settings.LANGUAGES:
        field = build_localized_fieldname("slug", language)
        with translation.override(language):
            slug = page.slug  # this language's slug, or the English one it falls back to
        clash = models.Q(**{field: slug})
        if field != fallback:
            no_own_slug = models.Q(**{f"{field}__isnull": True}) | models.Q(**{field: ""})
            clash |= no_own_slug & models.Q(**{fallback: slug})
        if siblings.filter(clash).exists():
            errors[field] = _("This slug is already in use")
    return errors


def english_slug_for_every_language(model):
    """wagtail-modeltranslation links each language's title to that language's slug in the editor, so a page made
    in the admin got a slug of Chinese characters for its Chinese URL, and swapping /en/ for /zh-hans/ in a URL
    found nothing. Here only the English title fills a slug: another language's slug stays empty, and its URL uses
    the English slug (the fallback), unless an editor types one on purpose."""
    from wagtail.admin.panels import TitleFieldPanel

    for panel in walk_panels(getattr(model, "content_panels", [])):
        if isinstance(panel, TitleFieldPanel) and panel.field_name != "title_en":
            panel.targets = []
    for language, _name in settings.LANGUAGES:
        if language != settings.LANGUAGE_CODE:
            field = model._meta.get_field(build_localized_fieldname("slug", language))
            field.help_text = _(
                "Leave empty to use the English slug, so that the page's URLs differ only in their language."
            )


def walk_panels(panels):
    for panel in panels:
        yield panel
        yield from walk_panels(getattr(panel, "children", []))
