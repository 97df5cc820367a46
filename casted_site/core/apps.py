from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "casted_site.core"
    label = "core"
    verbose_name = "Site-wide pieces"

    def ready(self):
        from wagtail.models import get_page_models
        from wagtail_modeltranslation import patch_wagtailadmin

        from casted_site.core import signals
        from casted_site.core.models import (
            route_by_indexed_slug,
            slug_clashes_by_indexed_query,
            view_restrictions_where_there_are_any,
        )

        signals.connect()
        # wagtail-modeltranslation checks slugs on save by loading every sibling; its patched clean methods look
        # this function up by name, so replacing it replaces the check everywhere.
        patch_wagtailadmin._validate_slugs = slug_clashes_by_indexed_query
        # After wagtail-modeltranslation (listed earlier) has set its own route on every page model.
        for model in get_page_models():  # Wagtail's Page and every page model of every app
            model.route = route_by_indexed_slug
            model.route_children_from_cache = getattr(model, "route_children_from_cache", False)
            model.get_view_restrictions = view_restrictions_where_there_are_any
