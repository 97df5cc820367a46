"""Factories for this section's pages, for tests (wagtail-factories, a test dependency: nothing at run time
imports this module). Records get both titles; the parent is given: NewsPageFactory(parent=index)."""

import datetime

import factory
import wagtail_factories

from news.models import NewsIndexPage, NewsPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda number: f"News {number}")
    title_zh_hans = factory.Sequence(lambda number: f"新闻{number}")

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda number: f"Delegation visit {number}")
    title_zh_hans = factory.Sequence(lambda number: f"代表团来访{number}")
    summary = "A delegation visited CASTED."
    summary_zh_hans = "一个代表团访问了中国科学技术发展战略研究院。"
    date = datetime.date(2026, 11, 2)
    kind = "delegation-visit"

    class Meta:
        model = NewsPage
