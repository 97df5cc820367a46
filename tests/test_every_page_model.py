"""Every page model of every app, as Wagtail's registry lists them, renders in both languages: built by the
factory its app ships (<app>/factories.py), under a parent its parent_page_types allow."""

from importlib import import_module

import pytest
import wagtail_factories

from django.apps import apps
from django.utils import translation

from wagtail.models import Page, get_page_models

from casted_site.home.models import HomePage

pytestmark = pytest.mark.django_db

PAGE_MODELS = [model for model in get_page_models() if model is not Page]


def page_factories():
    """{page model: factory} from the factories module of every installed app that has one."""
    found = {}
    for config in apps.get_app_configs():
        try:
            module = import_module(f"{config.name}.factories")
        except ModuleNotFoundError:
            continue
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, wagtail_factories.PageFactory):
                found[value._meta.model] = value
    return found


def make_page(model, home):
    """A new page of this model, under a new parent of the first kind it allows (the home page: the site's own)."""
    if model is HomePage:
        return home
    factory = page_factories().get(model)
    assert factory, f"{model._meta.label} has no factory: add one to {model._meta.app_label}/factories.py"
    parent_model = model.allowed_parent_page_models()[0]
    parent = home if parent_model is HomePage else make_page(parent_model, home)
    with translation.override("en"):
        return factory(parent=parent)


HTML_LANG = {"en": "en", "zh-hans": "zh-Hans"}


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize("model", PAGE_MODELS, ids=lambda model: model._meta.label)
def test_every_page_model_renders_in_both_languages(client, home, model, language):
    page = make_page(model, home)
    with translation.override(language):
        url, title = page.get_url(), page.specific.title
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    assert f'<html lang="{HTML_LANG[language]}"' in html
    assert title in html
    if language == "zh-hans" and model is not HomePage:
        assert page.specific.title_zh_hans in html
