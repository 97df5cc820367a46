"""Factories for this section's pages, for tests (wagtail-factories, a test dependency: nothing at run time
imports this module). Records get both titles; the parent is given: PartnerPageFactory(parent=index)."""

import factory
import wagtail_factories

from partners.models import MouIndexPage, MouPage, PartnerIndexPage, PartnerPage


class PartnerIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda number: f"Partners {number}")
    title_zh_hans = factory.Sequence(lambda number: f"合作伙伴{number}")
    summary = "Partner institutes and organisations"
    summary_zh_hans = "合作机构与组织"

    class Meta:
        model = PartnerIndexPage


class PartnerPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda number: f"Partner institute {number}")
    title_zh_hans = factory.Sequence(lambda number: f"合作机构{number}")
    summary = "A partner institute."
    summary_zh_hans = "一家合作机构。"
    kind = "research-institute"

    class Meta:
        model = PartnerPage


class MouIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda number: f"Memoranda {number}")
    title_zh_hans = factory.Sequence(lambda number: f"合作备忘录{number}")

    class Meta:
        model = MouIndexPage


class MouPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda number: f"Memorandum {number}")
    title_zh_hans = factory.Sequence(lambda number: f"合作备忘录{number}")
    status = "active"
    # An MOU needs its partner: a new one under the site's partners index, unless one is given.
    partner = factory.LazyFunction(lambda: PartnerPageFactory(parent=PartnerIndexPage.objects.first()))

    class Meta:
        model = MouPage
