"""Build the page tree and load the initial content. Safe to run again: it only creates what is missing
and never overwrites a record an editor may have changed."""

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation

from wagtail.models import Page, Site

from casted_site.home import initial_content
from casted_site.home.models import HomePage

LANGUAGE_SUFFIXES = ("en", "zh_hans")


def translated(**fields):
    """{"title": ("Projects", "项目")} -> {"title": "Projects", "title_en": "Projects", "title_zh_hans": "项目"}.
    The untranslated column keeps the English value, as modeltranslation expects of the default language."""
    values = {}
    for name, (english, chinese) in fields.items():
        values[name] = english
        values[f"{name}_en"] = english
        values[f"{name}_zh_hans"] = chinese
    return values


class Command(BaseCommand):
    help = "Create the home page, the section index pages and the initial records, where missing."

    def handle(self, *args, **options):
        # Pages made before the language columns existed (Wagtail's root) need their *_en values filled.
        call_command("update_translation_fields", verbosity=0)
        with translation.override("en"), transaction.atomic():
            home = self.ensure_home()
            for section in initial_content.SECTIONS:
                model = apps.get_model(section["app"], section["model"])
                self.ensure_child(
                    home,
                    model,
                    section["slug"],
                    show_in_menus=True,
                    **translated(title=section["title"], summary=section["summary"], intro=section["intro"]),
                )
        self.stdout.write(self.style.SUCCESS("Initial content is in place."))

    def ensure_home(self):
        home = HomePage.objects.first()
        if home is None:
            root = Page.get_first_root_node()
            # Wagtail's own "Welcome" placeholder holds the slug "home": make way for the real home page.
            for placeholder in root.get_children().filter(
                content_type__model="page", content_type__app_label="wagtailcore"
            ):
                placeholder.delete()
            data = initial_content.HOME
            home = root.add_child(
                instance=HomePage(
                    slug=data["slug"],
                    slug_en=data["slug"],
                    slug_zh_hans=data["slug"],
                    **translated(title=data["title"], intro=data["intro"]),
                )
            )
            home.save_revision().publish()
            self.stdout.write(f"Created {home.title}")
        site = Site.objects.filter(is_default_site=True).first() or Site(hostname="localhost", port=80)
        if site.root_page_id != home.pk:
            site.root_page = home
            site.is_default_site = True
            site.site_name = "CASTED International Cooperation"
            site.save()
        return home

    def ensure_child(self, parent, model, slug, **fields):
        existing = model.objects.child_of(parent).filter(slug_en=slug).first()
        if existing is not None:
            return existing, False
        page = parent.add_child(instance=model(slug=slug, slug_en=slug, slug_zh_hans=slug, **fields))
        page.save_revision().publish()
        self.stdout.write(f"Created {page.title}")
        return page, True
