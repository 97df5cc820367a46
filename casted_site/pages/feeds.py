"""Atom feeds of a section's newest records, in the visitor's language."""

from django.contrib.syndication.views import Feed
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
        return self.records.order_by("-first_published_at")[: self.item_count]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at
