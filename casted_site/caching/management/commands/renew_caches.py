"""Renew every cached page and every value built from published content, as a publish does. Run it after each
release: what the previous release's templates and code rendered (pages, cards, filters, the menu) is kept in Redis
otherwise, until it expires."""

from django.core.management.base import BaseCommand

from casted_site.caching.page_cache import generation, invalidate_page_cache


class Command(BaseCommand):
    help = "Renew the page cache and the data caches (run after each release)."

    def handle(self, *args, **options):
        invalidate_page_cache()
        self.stdout.write(f"Caches renewed (generation {generation()}).")
