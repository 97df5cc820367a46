"""Twenty visitors register at once for the last places of an event, each in their own thread with their own
database connection, as gunicorn's workers would: no place is given twice, nobody's registration is lost (the
rest are on the waiting list), and an event without a waiting list refuses the rest with a clear answer."""

import datetime
import threading

import pytest

from django.core.management import call_command
from django.db import connection

from casted_site.home.models import HomePage
from events.models import Registration
from events.registration import RegistrationClosed, register
from tests.factories import days_from_today, make_event, publish

pytestmark = [
    pytest.mark.django_db(transaction=True),
    # The test database on SQLite is in memory, shared between threads by SQLite's shared cache, which answers a
    # second writer "table is locked" at once instead of waiting: a file database (the development server's) waits
    # for the lock (transaction_mode IMMEDIATE). CI runs this on PostgreSQL, as production is.
    pytest.mark.skipif(connection.vendor == "sqlite", reason="concurrent writers need PostgreSQL's row locks here"),
]


@pytest.fixture(autouse=True)
def site():
    """The real content, loaded anew: a transactional test may start from the tree of the suite or from nothing."""
    HomePage.objects.all().delete()
    call_command("load_initial_content", verbosity=0)


VISITORS = 20


def register_at_once(event):
    """Each visitor's outcome: "confirmed", "waiting", or "refused"."""
    start = threading.Barrier(VISITORS)
    outcomes, errors = [], []

    def visitor(number):
        try:
            start.wait()
            registration = register(event, form(number), {}, "en")
            outcomes.append(registration.status)
        except RegistrationClosed:
            outcomes.append("refused")
        except Exception as error:  # noqa: BLE001 - any other failure is the test's to report
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=visitor, args=(number,)) for number in range(VISITORS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    return outcomes


def form(number):
    return {"name": f"Visitor {number}", "affiliation": "Sample", "email": f"v{number}@example.org", "country": "CN"}


def conference(**fields):
    event = make_event("last-places", start_date=days_from_today(30), registration_open=True, **fields)
    return publish(event)


def test_the_last_places_are_given_once_and_the_rest_wait():
    event = conference(registration_capacity=25)
    for number in range(100, 120):  # 20 of the 25 places already taken
        register(event, form(number), {}, "en")
    outcomes = register_at_once(event)
    assert outcomes.count("confirmed") == 5 and outcomes.count("waiting") == VISITORS - 5
    assert Registration.objects.filter(event=event, status="confirmed").count() == 25
    assert Registration.objects.filter(event=event).count() == 20 + VISITORS  # nobody lost


def test_without_a_waiting_list_the_rest_are_refused_and_nothing_is_half_saved():
    event = conference(registration_capacity=3, waiting_list=False)
    outcomes = register_at_once(event)
    assert outcomes.count("confirmed") == 3 and outcomes.count("refused") == VISITORS - 3
    assert Registration.objects.filter(event=event).count() == 3


def test_after_the_closing_time_nobody_gets_in():
    event = conference(registration_closes=datetime.datetime.now(datetime.UTC) - datetime.timedelta(seconds=1))
    assert register_at_once(event) == ["refused"] * VISITORS
