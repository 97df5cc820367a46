"""Search in both languages. Chinese has no spaces between words, so the search index and the query both get
the Chinese text cut into words by jieba: 科技政策 then finds 中美科技政策论坛, and 合作 the pages that contain it."""

import logging
import re

import jieba

from django.utils.html import strip_tags

jieba.setLogLevel(logging.WARNING)

CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def segment(text, for_index=False):
    """Latin words as they are; every run of Chinese characters cut into words, separated by spaces.
    The index gets jieba's search mode (short words inside long ones too); a query gets its plain cut."""
    cut = jieba.cut_for_search if for_index else jieba.cut
    return CJK_RUN.sub(lambda run: " " + " ".join(word for word in cut(run.group()) if word.strip()) + " ", text)


def query_words(query):
    """The words of a query, Chinese cut into words; punctuation and search-engine syntax dropped (the full-text
    engines would read it as their own syntax, and SQLite's raises on some)."""
    return re.findall(r"\w+", segment(query))


class ChineseSearchMixin:
    """Adds the Chinese words of the listed translated fields to the search index, as one extra field."""

    chinese_search_source_fields = ("title", "summary")

    def chinese_search_text(self):
        parts = []
        for name in self.chinese_search_source_fields:
            value = getattr(self, f"{name}_zh_hans", None)
            if value:
                parts.append(strip_tags(str(value)))
        return segment(" ".join(parts), for_index=True)

    # Fields whose every language the admin's search boxes match besides the titles (a partner's acronyms).
    autocomplete_source_fields = ()

    def titles_for_autocomplete(self):
        """Both titles (and the autocomplete_source_fields), the Chinese cut into words: what the admin's search
        boxes (autocomplete) match, whatever language the page was indexed in."""
        names = ("title", *self.autocomplete_source_fields)
        texts = [getattr(self, f"{name}_{language}", "") or "" for name in names for language in ("en", "zh_hans")]
        return segment(" ".join(texts), for_index=True)
