"""Small helpers that add records under the index pages of the initial content, through each section's factories
(<app>/factories.py), with the plain defaults these tests expect (no Chinese title, summary, status or kind). They work
in English, so that title= and slug= fill the English columns whatever language the last request left active."""

import datetime
import functools

from django.utils import timezone, translation

from casted_site.caching.page_cache import invalidate_page_cache
from events.factories import EventPageFactory
from events.models import EventIndexPage, EventPartner
from partners.factories import MouPageFactory, PartnerPageFactory
from partners.models import MouIndexPage, PartnerIndexPage
from projects.factories import ProjectPageFactory
from projects.models import ProjectIndexPage, ProjectPartner


def in_english(factory):
    @functools.wraps(factory)
    def wrapper(*args, **kwargs):
        with translation.override("en"):
            return factory(*args, **kwargs)

    return wrapper


def _add(factory, index_model, **fields):
    page = factory(parent=index_model.objects.get(), **fields)
    if page.live:
        # A live page added straight to the tree, as staff never do: what publishing does to the caches.
        invalidate_page_cache()
    return page


@in_english
def make_partner(slug, **fields):
    fields.setdefault("title", f"Partner {slug}")
    fields.setdefault("title_zh_hans", "")
    fields.setdefault("summary", "")
    return _add(PartnerPageFactory, PartnerIndexPage, slug=slug, **fields)


@in_english
def make_project(slug, partners=(), role="partner", **fields):
    fields.setdefault("title", f"Project {slug}")
    fields.setdefault("title_zh_hans", "")
    fields.setdefault("summary", "")
    fields.setdefault("status", "")
    links = [ProjectPartner(partner=partner, role=role) for partner in partners]
    return _add(ProjectPageFactory, ProjectIndexPage, slug=slug, project_partners=links, **fields)


@in_english
def make_mou(slug, partner, **fields):
    fields.setdefault("title", f"MOU {slug}")
    fields.setdefault("title_zh_hans", "")
    fields.setdefault("summary", "")
    fields.setdefault("status", "")
    return _add(MouPageFactory, MouIndexPage, slug=slug, partner=partner, **fields)


@in_english
def make_event(slug, partners=(), projects=(), **fields):
    fields.setdefault("title", f"Event {slug}")
    fields.setdefault("title_zh_hans", "")
    fields.setdefault("summary", "")
    fields.setdefault("kind", "")
    links = [EventPartner(partner=partner) for partner in partners]
    event = _add(EventPageFactory, EventIndexPage, slug=slug, event_partners=links, **fields)
    if projects:
        event.related_projects.set(projects)
        event.save()
    return event


def days_from_today(days):
    return timezone.localdate() + datetime.timedelta(days=days)
