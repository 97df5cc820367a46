"""Small helpers that add records under the index pages of the initial content. They work in English, so that
title= and slug= fill the English columns whatever language the last request left active."""

import datetime
import functools

from django.utils import timezone, translation

from casted_site.caching.page_cache import invalidate_page_cache
from events.models import EventIndexPage, EventPage, EventPartner
from partners.models import MouIndexPage, MouPage, PartnerIndexPage, PartnerPage
from projects.models import ProjectIndexPage, ProjectPage, ProjectPartner


def in_english(factory):
    @functools.wraps(factory)
    def wrapper(*args, **kwargs):
        with translation.override("en"):
            return factory(*args, **kwargs)

    return wrapper


def _add(index_model, page):
    index_model.objects.get().add_child(instance=page)
    if page.live:
        # A live page added straight to the tree, as staff never do: what publishing does to the caches.
        invalidate_page_cache()
    return page


@in_english
def make_partner(slug, **fields):
    fields.setdefault("title", f"Partner {slug}")
    fields.setdefault("kind", "research-institute")
    return _add(PartnerIndexPage, PartnerPage(slug=slug, **fields))


@in_english
def make_project(slug, partners=(), role="partner", **fields):
    fields.setdefault("title", f"Project {slug}")
    links = [ProjectPartner(partner=partner, role=role) for partner in partners]
    return _add(ProjectIndexPage, ProjectPage(slug=slug, project_partners=links, **fields))


@in_english
def make_mou(slug, partner, **fields):
    fields.setdefault("title", f"MOU {slug}")
    return _add(MouIndexPage, MouPage(slug=slug, partner=partner, **fields))


@in_english
def make_event(slug, partners=(), projects=(), **fields):
    fields.setdefault("title", f"Event {slug}")
    links = [EventPartner(partner=partner) for partner in partners]
    event = _add(EventIndexPage, EventPage(slug=slug, event_partners=links, **fields))
    if projects:
        event.related_projects.set(projects)
        event.save()
    return event


def days_from_today(days):
    return timezone.localdate() + datetime.timedelta(days=days)
