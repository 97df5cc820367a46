"""Synthetic records for benchmarks at scale: clearly marked, never mixed into real content by accident."""

import datetime
import random

from modelsearch.signal_handlers import post_save_signal_handler

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models.signals import post_save
from django.utils import translation

from wagtail.models import Page
from wagtail.signal_handlers import disable_reference_index_auto_update

from casted_site.caching.page_cache import invalidate_page_cache
from events.models import EventIndexPage, EventPage, EventPartner
from news.models import NewsIndexPage, NewsPage
from partners.models import MouIndexPage, MouPage, PartnerIndexPage, PartnerPage
from projects.models import ProjectIndexPage, ProjectPage, ProjectPartner
from publications.models import PublicationIndexPage, PublicationPage

PREFIX = "synthetic-"
MARK_EN, MARK_ZH = "[Synthetic]", "[合成数据]"
KINDS = ["international-organisation", "research-institute", "university", "funding-agency", "government-body"]
COUNTRIES = ["CA", "DE", "FR", "GB", "JP", "KR", "NO", "SE", "US", "VN"]


def is_synthetic(page):
    return page.slug_en.startswith(PREFIX)


class Command(BaseCommand):
    help = (
        "Add synthetic partners, projects, MOUs, events, news items and publications (slugs 'synthetic-…', titles "
        "marked) for benchmarks."
    )

    def add_arguments(self, parser):
        parser.add_argument("--projects", type=int, default=0)
        parser.add_argument("--partners", type=int, default=0)
        parser.add_argument("--events", type=int, default=0)
        parser.add_argument("--mous", type=int, default=0)
        parser.add_argument("--news", type=int, default=0)
        parser.add_argument("--publications", type=int, default=0)
        parser.add_argument(
            "--allow-real-content",
            action="store_true",
            help="run although the database holds records that are not synthetic (a copy of the real site)",
        )
        parser.add_argument("--remove", action="store_true", help="delete every synthetic record, and nothing else")
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, **options):
        record_pages = Page.objects.filter(depth=4)
        if options["remove"]:
            doomed = record_pages.filter(slug_en__startswith=PREFIX)
            count = doomed.count()
            for page in doomed.specific().iterator():
                page.delete()
            self.stdout.write(f"Removed {count} synthetic records.")
            return
        real = record_pages.exclude(slug_en__startswith=PREFIX).count()
        if real and not options["allow_real_content"]:
            raise CommandError(
                f"This database holds {real} real records. Synthetic content is for benchmark databases: "
                "use a copy and pass --allow-real-content, or start from an empty database."
            )
        rng = random.Random(options["seed"])  # noqa: S311 (reproducible test data, not secrets)
        with translation.override("en"):
            partners = self.make_partners(options["partners"], rng)
            partners = partners or list(PartnerPage.objects.all()[:50])
            projects = self.make_projects(options["projects"], partners, rng)
            self.make_mous(options["mous"], partners, rng)
            events = self.make_events(options["events"], partners, projects, rng)
            projects = projects or list(ProjectPage.objects.all()[:50])
            events = events or list(EventPage.objects.all()[:50])
            self.make_news(options["news"], partners, projects, events, rng)
            self.make_publications(options["publications"], partners, projects, events, rng)
        call_command("update_index", stdout=self.stdout)
        # The query planner's statistics still describe the database before the records were added (PostgreSQL's
        # autovacuum would refresh them only later): with them, a search at 17,000 pages took 500 ms, not 80.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        invalidate_page_cache()  # the pages were added live, without the publishing that refreshes the caches
        self.stdout.write(
            self.style.SUCCESS(
                "Synthetic content added and indexed for search (rebuild_references_index counts its links in the"
                " admin)."
            )
        )

    def add(self, index, pages, label):
        """Add pages in batches, each batch in one transaction. The search index is left to update_index, run
        once at the end, and the admin's reference index to rebuild_references_index: updating both as each page
        is saved would triple the time this takes."""
        if not pages:
            return []
        made, model = [], type(pages[0])
        post_save.disconnect(post_save_signal_handler, sender=model)
        try:
            for start in range(0, len(pages), 500):
                with transaction.atomic(), disable_reference_index_auto_update():
                    for page in pages[start : start + 500]:
                        made.append(index.add_child(instance=page))
                self.stdout.write(f"{label}: {len(made)}/{len(pages)}")
        finally:
            post_save.connect(post_save_signal_handler, sender=model)
        return made

    def next_number(self, model):
        return model.objects.filter(slug_en__startswith=PREFIX).count() + 1

    def named(self, model, what_en, what_zh, number):
        slug = f"{PREFIX}{model.__name__.lower().removesuffix('page')}-{number:06d}"
        return {
            "slug": slug,
            "slug_en": slug,
            "slug_zh_hans": slug,
            "title": f"{MARK_EN} {what_en} {number}",
            "title_en": f"{MARK_EN} {what_en} {number}",
            "title_zh_hans": f"{MARK_ZH} {what_zh} {number}",
            "summary_en": f"Synthetic {what_en.lower()} for benchmarks; not real content.",
            "summary_zh_hans": f"用于性能测试的合成{what_zh}，不是真实内容。",
        }

    def make_partners(self, count, rng):
        first = self.next_number(PartnerPage)
        pages = [
            PartnerPage(
                kind=rng.choice(KINDS),
                country=rng.choice(COUNTRIES),
                stable_partnership=rng.random() < 0.2,
                joint_research=rng.random() < 0.5,
                **self.named(PartnerPage, "Partner institute", "合作机构", number),
            )
            for number in range(first, first + count)
        ]
        return self.add(PartnerIndexPage.objects.get(), pages, "partners")

    def make_projects(self, count, partners, rng):
        first = self.next_number(ProjectPage)
        pages = []
        for number in range(first, first + count):
            start = rng.randint(2000, 2026)
            page = ProjectPage(
                status=rng.choice(["planned", "ongoing", "completed"]),
                start_year=start,
                end_year=start + rng.randint(0, 4),
                **self.named(ProjectPage, "Research project", "研究项目", number),
            )
            page.project_partners = [
                ProjectPartner(partner=partner, role=rng.choice(["partner", "sponsor"]))
                for partner in rng.sample(partners, min(len(partners), rng.randint(1, 3)))
            ]
            pages.append(page)
        return self.add(ProjectIndexPage.objects.get(), pages, "projects")

    def make_mous(self, count, partners, rng):
        first = self.next_number(MouPage)
        pages = [
            MouPage(
                partner=rng.choice(partners),
                status=rng.choice(["active", "expired", "renewed"]),
                date_signed=datetime.date(2000, 1, 1) + datetime.timedelta(days=rng.randint(0, 9000)),
                **self.named(MouPage, "Memorandum", "备忘录", number),
            )
            for number in range(first, first + count)
        ]
        return self.add(MouIndexPage.objects.get(), pages, "MOUs")

    def make_events(self, count, partners, projects, rng):
        first = self.next_number(EventPage)
        pages = []
        for number in range(first, first + count):
            start = datetime.date(2005, 1, 1) + datetime.timedelta(days=rng.randint(0, 8500))
            page = EventPage(
                kind=rng.choice(["conference", "workshop", "forum", "seminar", "symposium"]),
                format=rng.choice(["bilateral", "trilateral", "multilateral"]),
                start_date=start,
                end_date=start + datetime.timedelta(days=rng.randint(0, 3)),
                country=rng.choice(COUNTRIES),
                **self.named(EventPage, "Conference", "会议", number),
            )
            page.event_partners = [
                EventPartner(partner=partner) for partner in rng.sample(partners, min(len(partners), 2))
            ]
            pages.append(page)
        return self.add(EventIndexPage.objects.get(), pages, "events")

    def make_news(self, count, partners, projects, events, rng):
        first = self.next_number(NewsPage)
        pages = []
        for number in range(first, first + count):
            page = NewsPage(
                date=datetime.date(2005, 1, 1) + datetime.timedelta(days=rng.randint(0, 8000)),
                kind=rng.choice(["news", "announcement", "delegation-visit", "signing", "event-report"]),
                **self.named(NewsPage, "News item", "新闻", number),
            )
            page.partners = rng.sample(partners, min(len(partners), rng.randint(0, 2)))
            page.projects = rng.sample(projects, min(len(projects), rng.randint(0, 1)))
            page.events = rng.sample(events, min(len(events), rng.randint(0, 1)))
            pages.append(page)
        return self.add(NewsIndexPage.objects.get(), pages, "news")

    def make_publications(self, count, partners, projects, events, rng):
        first = self.next_number(PublicationPage)
        types = ["report", "working-paper", "journal-article", "book", "chapter", "policy-brief", "proceedings"]
        pages = []
        for number in range(first, first + count):
            page = PublicationPage(
                publication_type=rng.choice(types),
                year=rng.randint(2000, 2026),
                language=rng.choice(["en", "zh", "zh-en"]),
                authors_en=f"Synthetic, Author {number}\nSample, Writer",
                authors_zh_hans=f"合成作者{number}\n示例作者",
                **self.named(PublicationPage, "Publication", "研究成果", number),
            )
            page.partners = rng.sample(partners, min(len(partners), rng.randint(0, 2)))
            page.projects = rng.sample(projects, min(len(projects), rng.randint(0, 2)))
            page.events = rng.sample(events, min(len(events), rng.randint(0, 1)))
            pages.append(page)
        return self.add(PublicationIndexPage.objects.get(), pages, "publications")
