import email
import email.policy
from types import SimpleNamespace

import pytest
from aiosmtpd.controller import Controller

from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import translation

from casted_site.home.models import HomePage
from tests.factories import build_minimal_tree, build_sample_records
from tests.test_production_server import free_port


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the minimal tree, built once per run: tests add the records they are about."""
    with django_db_blocker.unblock():
        build_minimal_tree()


@pytest.fixture
def home(db):
    return HomePage.objects.get()


@pytest.fixture(scope="module")
def sample_database(django_db_setup, django_db_blocker):
    """A few linked records built by factories (tests/factories.py: build_sample_records), once for a module, in
    a transaction rolled back after it (each test's own transaction nests in it as a savepoint)."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_sample_records()
        transaction.set_rollback(True)


@pytest.fixture
def sample(sample_database, db):
    """The sample records, read anew for each test: no test sees what another changed in memory."""
    return SimpleNamespace(**{name: reread(value) for name, value in vars(sample_database).items()})


def reread(value):
    if isinstance(value, dict):
        return {key: reread(item) for key, item in value.items()}
    return type(value).objects.get(pk=value.pk)


@pytest.fixture(scope="module")
def seeded_database(django_db_setup, django_db_blocker):
    """The real initial content, loaded as on a new site, once for a module about it, in a transaction rolled back
    after the module (each test's own transaction nests in it as a savepoint)."""
    with django_db_blocker.unblock(), transaction.atomic():
        HomePage.objects.get().delete()  # the minimal tree, its site and its permissions with it
        call_command("load_initial_content", verbosity=0)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def seeded(seeded_database, db):
    """The real initial content's home page. A module about the seed overrides `home` with it."""
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


class Inbox:
    """aiosmtpd's handler: every message the server accepts, parsed."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((envelope.rcpt_tos, message))
        return "250 OK"

    def bodies_to(self, address):
        return [message.get_body(("plain",)).get_content() for to, message in self.messages if address in to]


@pytest.fixture
def inbox():
    """A real SMTP server on loopback (aiosmtpd) that the site sends through for the test."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    smtp = {"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": controller.port}
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend", **smtp):
        yield inbox
    controller.stop()
