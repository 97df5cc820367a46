"""Factories for this section's pages, for tests (wagtail-factories, a test dependency: nothing at run time
imports this module). Records get both titles; the parent is given: PublicationPageFactory(parent=index)."""

import factory
import wagtail_factories

from publications.models import PublicationIndexPage, PublicationPage


class PublicationIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda number: f"Publications {number}")
    title_zh_hans = factory.Sequence(lambda number: f"出版物{number}")

    class Meta:
        model = PublicationIndexPage


class PublicationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda number: f"Innovation policy report {number}")
    title_zh_hans = factory.Sequence(lambda number: f"创新政策报告{number}")
    summary = "A report of a joint study."
    summary_zh_hans = "一项联合研究的报告。"
    publication_type = "report"
    language = "en"
    authors = "Smith, John\nWorld Bank"
    year = 2025

    class Meta:
        model = PublicationPage
