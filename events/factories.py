"""Factories for this section's pages, for tests (wagtail-factories, a test dependency: nothing at run time
imports this module). Records get both titles; the parent is given: EventPageFactory(parent=index)."""

import factory
import wagtail_factories

from events.models import EventIndexPage, EventPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda number: f"Events {number}")
    title_zh_hans = factory.Sequence(lambda number: f"活动{number}")

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda number: f"Forum {number}")
    title_zh_hans = factory.Sequence(lambda number: f"论坛{number}")
    summary = "An international forum."
    summary_zh_hans = "一个国际论坛。"
    kind = "forum"

    class Meta:
        model = EventPage
