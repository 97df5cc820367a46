import pytest

from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation

from casted_site.home.models import HomePage


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the real initial content, loaded once per run."""
    with django_db_blocker.unblock():
        call_command("load_initial_content", verbosity=0)


@pytest.fixture
def home(db):
    return HomePage.objects.get()


@pytest.fixture(autouse=True)
def english_by_default():
    """A request leaves its language active in the thread; every test starts from English."""
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def empty_cache():
    """The database is rolled back after each test; the cache must not remember what it held."""
    cache.clear()
