"""A factory for the home page, for tests (wagtail-factories, a test dependency: nothing at run time imports this
module). The site has one home page: tests use the one the initial content made, or build one on a new root."""

import factory
import wagtail_factories

from casted_site.home.models import HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda number: f"Home {number}")
    title_zh_hans = factory.Sequence(lambda number: f"首页{number}")

    class Meta:
        model = HomePage
