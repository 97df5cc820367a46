"""Atom feeds of a section's newest records, in the visitor's language."""

import datetime

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed


class PlainTextSummaries(Atom1Feed):
    """Django's Atom feed declares every summary HTML; ours are plain text, and a reader must not parse a "<" in
    one as markup."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"]:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class SectionFeed(Feed):
    feed_type = PlainTextSummaries
    item_count = 50

    def __init__(self, index_page, records):
        super().__init__()
        self.index_page = index_page
        self.records = records

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return self.index_page.title

    def link(self):
        return self.index_page.get_url(self.request)

    def subtitle(self):
        return self.index_page.summary

    def items(self):
        dated_by = self.records.model.dated_by
        order = [F(dated_by).desc(nulls_last=True)] if dated_by else []
        return self.records.order_by(*order, "-first_published_at")[: self.item_count]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        """The record's own date where its section has one (a news item's), else when it was first published."""
        day = getattr(item, item.dated_by) if item.dated_by else None
        if day is None:
            return item.first_published_at
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))

    def item_updateddate(self, item):
        return item.last_published_at
