"""Conferences as visitors and staff meet them, on the labelled sample conference (examples/conference.json) in the
real content: its calendar files parsed with icalendar, the programme and series pages in both languages, and
registration, from the form to the confirmation e-mail at a real SMTP server on loopback."""

import datetime
import json
import re
from io import StringIO

import pytest
from icalendar import Calendar

from django.core.management import call_command
from django.utils import timezone

from casted_site.staff.models import MailFailure
from events.models import EventPage, Registration
from events.registration import RegistrationClosed, register
from tests.factories import make_staff, publish

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]

SAMPLE = "/{lang}/events/sample-forum-2nd-edition/"


def sample_conference():
    call_command("load_example_conference", stdout=StringIO())
    return EventPage.objects.get(slug_en="sample-forum-2nd-edition")


def parsed(response):
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def entries(calendar):
    return list(calendar.walk("VEVENT"))


def run_mail_worker():
    """What `manage.py db_worker --backend mail` does with each task that is due, inside the test's transaction (the
    command itself opens an exclusive transaction, which SQLite cannot nest)."""
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="mail",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
    )
    for result in DBTaskResult.objects.ready().filter(backend_name="mail"):
        result.claim("test")
        worker.run_task(result)


def post_registration(client, url, data):
    """A POST whose transaction commits (the test's own never does): the confirmation is queued on commit."""
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(url, data)


# Calendars


def test_the_events_calendar_file_has_its_sessions_in_the_events_zone_with_a_real_vtimezone(client):
    event = sample_conference()
    calendar = parsed(client.get(SAMPLE.format(lang="en") + "ical/"))
    vevents = entries(calendar)
    assert len(vevents) == 1 + event.sessions.count()
    zones = [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")]
    assert zones == ["Asia/Shanghai"]
    conference = next(entry for entry in vevents if str(entry["UID"]).startswith("event-"))
    start = conference.decoded("DTSTART")
    assert start.tzinfo.key == "Asia/Shanghai" and start.time() == datetime.time(9, 0)
    assert conference["DTSTART"].params["TZID"] == "Asia/Shanghai"
    opening = next(entry for entry in vevents if "Opening" in str(entry["SUMMARY"]))
    assert opening.decoded("DTSTART") == datetime.datetime.combine(
        event.start_date, datetime.time(9, 0), tzinfo=start.tzinfo
    )
    assert opening.decoded("DTEND").time() == datetime.time(9, 30)
    assert "Hall A" in str(opening["LOCATION"])
    uids = [str(entry["UID"]) for entry in vevents]
    assert len(set(uids)) == len(uids) and not any("/" in uid or uid.startswith("http") for uid in uids)
    assert all(entry["STATUS"] == "CONFIRMED" for entry in vevents)


def test_uids_stay_and_sequence_rises_only_when_what_a_calendar_shows_changes(client):
    event = sample_conference()
    url = SAMPLE.format(lang="en") + "ical/"

    def seen():
        vevent = next(entry for entry in entries(parsed(client.get(url))) if str(entry["UID"]).startswith("event-"))
        return str(vevent["UID"]), int(vevent["SEQUENCE"])

    uid, sequence = seen()
    event.body_en = event.body  # a change no calendar shows: a new revision, the same SEQUENCE
    publish(event)
    assert seen() == (uid, sequence)
    event.start_time = datetime.time(10, 0)
    publish(event)
    assert seen() == (uid, sequence + 1)
    event.slug_en = "moved-forum"  # a new address keeps the UID
    publish(event)
    assert client.get("/en/events/moved-forum/ical/").status_code == 200
    vevent = next(
        entry for entry in entries(parsed(client.get("/en/events/moved-forum/ical/"))) if "event-" in entry["UID"]
    )
    assert str(vevent["UID"]) == uid


def test_a_cancelled_event_is_cancelled_in_every_calendar_and_on_its_page(client):
    event = sample_conference()
    event.status = "cancelled"
    publish(event)
    for url in (SAMPLE.format(lang="en") + "ical/", "/en/events/calendar/"):
        vevents = entries(parsed(client.get(url)))
        mine = [entry for entry in vevents if str(entry["UID"]) in (f"event-{event.pk}@casted-international",)]
        assert mine and all(entry["STATUS"] == "CANCELLED" for entry in mine)
    html = client.get(SAMPLE.format(lang="zh-hans")).content.decode()
    assert "已取消" in html and "报名</a>" not in html
    assert '"eventStatus": "https://schema.org/EventCancelled"' in html


def test_an_event_without_times_stays_all_day(client):
    event = sample_conference()
    event.start_time = event.end_time = None
    event.sessions = []
    publish(event)
    calendar = parsed(client.get(SAMPLE.format(lang="en") + "ical/"))
    (vevent,) = entries(calendar)
    assert type(vevent.decoded("DTSTART")) is datetime.date
    assert vevent.decoded("DTEND") == event.end_date + datetime.timedelta(days=1)
    assert not calendar.walk("VTIMEZONE")


# Pages


@pytest.mark.parametrize(
    ("lang", "says"),
    [
        ("en", ["Day 1", "Keynotes", "Chinese, with English interpretation", "Beijing time (UTC+8)", "2nd edition"]),
        ("zh-hans", ["第1天", "主旨演讲", "中文，同传英文", "北京时间（UTC+8）", "第2届"]),
    ],
)
def test_the_programme_shows_by_day_in_the_events_zone_in_each_language(client, lang, says):
    sample_conference()
    html = client.get(SAMPLE.format(lang=lang)).content.decode()
    for text in says:
        assert text in html, text
    assert '<time datetime="' in html and "+08:00" in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["superEvent"]["@type"] == "EventSeries"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert {"@type": "VirtualLocation"} in data["location"]  # the link itself only for registrants


def test_the_series_page_lists_its_editions_and_each_links_to_its_neighbours(client):
    event = sample_conference()
    earlier = EventPage(
        title="1st Sample Forum (sample conference)", slug="sample-forum-1st", series=event.series, edition=1
    )
    earlier.start_date = event.start_date - datetime.timedelta(days=365)
    event.get_parent().add_child(instance=earlier)
    publish(earlier)
    html = client.get("/zh-hans/events/series/sample-forum-series/").content.decode()
    assert "科技政策示例论坛（示例系列）" in html and "第1届" in html and "第2届" in html
    assert '"@type": "EventSeries"' in html
    page = client.get(SAMPLE.format(lang="en")).content.decode()
    assert 'rel="prev" href="/en/events/sample-forum-1st/"' in page
    assert (
        'rel="next" href="/en/events/sample-forum-2nd-edition/"'
        in client.get("/en/events/sample-forum-1st/").content.decode()
    )


def test_a_speakers_page_lists_their_sessions(client):
    sample_conference()
    html = client.get("/zh-hans/events/speakers/sample-speaker-li/").content.decode()
    assert "李明（示例嘉宾）" in html and "主旨演讲" in html and "闭幕式" in html and "主持人" in html


def test_the_listing_shows_the_next_event_first_and_filters_by_series_and_status(client):
    event = sample_conference()
    html = client.get("/en/events/").content.decode()
    assert html.index("Next event") < html.index(event.title)
    assert event.title in client.get("/en/events/?series=sample-forum-series").content.decode()
    assert event.title not in client.get("/en/events/?status=cancelled").content.decode()
    month_url = f"/zh-hans/events/month/{event.start_date.year}/{event.start_date.month}/"
    assert month_url in client.get("/zh-hans/events/").content.decode()  # the month view opens on the next event
    month = client.get(month_url).content.decode()
    assert event.title_zh_hans in month and f"{event.start_date.year}年{event.start_date.month}月" in month
    beyond = client.get(f"/en/events/month/{event.start_date.year + 1}/{event.start_date.month}/").content.decode()
    assert "No events this month." in beyond and 'rel="next"' not in beyond  # no endless chain of months


def test_materials_and_the_summary_show_once_the_event_is_past(client):
    event = sample_conference()
    event.outcome_en = "<p>The forum agreed on three joint studies.</p>"
    event.materials_en = json.dumps(
        [{"type": "recording", "value": {"title": "Recording", "url": "https://video.example.org/1"}}]
    )
    publish(event)
    assert "three joint studies" not in client.get(SAMPLE.format(lang="en")).content.decode()
    event.start_date = event.end_date = timezone.localdate() - datetime.timedelta(days=3)
    event.registration_open = False
    publish(event)
    html = client.get(SAMPLE.format(lang="en")).content.decode()
    assert "three joint studies" in html and "https://video.example.org/1" in html


# Registration


def form_data(email, **fields):
    return {
        "name": "Zhang San",
        "affiliation": "示例大学",
        "email": email,
        "country": "CN",
        "consent": "on",
        **fields,
    }


def answer_required_questions(event, data, lang):
    """The sample's required question answered with its first choice in the language of the form."""
    for question in event.registration_fields.all():
        if question.required:
            choices = question.choices_en if lang == "en" else question.choices_zh_hans
            data[f"question_{question.pk}"] = choices.splitlines()[0]
    return data


@pytest.mark.parametrize(("lang", "subject"), [("en", "Registration confirmed"), ("zh-hans", "报名确认")])
def test_a_visitor_registers_and_the_confirmation_in_their_language_reaches_the_mail_server(
    client, inbox, lang, subject
):
    event = sample_conference()
    form = client.get(SAMPLE.format(lang=lang) + "register/")
    assert form.status_code == 200 and "csrfmiddlewaretoken" in form.content.decode()
    data = answer_required_questions(event, form_data("zhang@example.org"), lang)
    response = post_registration(client, SAMPLE.format(lang=lang) + "register/", data)
    assert response.status_code == 302 and response["Location"].endswith("/register/registered/")
    registration = Registration.objects.get(email="zhang@example.org")
    assert registration.status == "confirmed" and registration.language == lang
    assert registration.confirmation_sent_at is None and inbox.messages == []  # saved first, sent by the worker
    run_mail_worker()
    registration.refresh_from_db()
    assert registration.confirmation_sent_at is not None
    ((to, message),) = inbox.messages
    assert to == ["zhang@example.org"] and subject in message["Subject"]
    body = message.get_body(("plain",)).get_content()
    assert "https://meeting.example.org/sample-forum" in body  # the online link, to registrants only
    assert "https://meeting.example.org" not in client.get(SAMPLE.format(lang=lang)).content.decode()
    done = client.get(response["Location"]).content.decode()
    assert ("You are registered" if lang == "en" else "报名成功") in done


def test_the_form_says_what_is_wrong_in_the_visitors_language_and_keeps_what_they_typed(client):
    sample_conference()
    response = client.post(SAMPLE.format(lang="zh-hans") + "register/", {"name": "李四", "email": "not-an-address"})
    html = response.content.decode()
    assert response.status_code == 400 and "李四" in html and "必需字段" in html
    assert not Registration.objects.exists()


def test_a_second_registration_with_the_same_address_is_refused_and_a_bot_is_answered_but_not_kept(client):
    event = sample_conference()
    data = answer_required_questions(event, form_data("Twice@Example.org"), "en")
    assert client.post(SAMPLE.format(lang="en") + "register/", data).status_code == 302
    again = client.post(SAMPLE.format(lang="en") + "register/", {**data, "email": "twice@example.org"})
    assert again.status_code == 400 and "registered for this event already" in again.content.decode()
    bot = client.post(SAMPLE.format(lang="en") + "register/", {**data, "email": "bot@example.org", "website": "x"})
    assert bot.status_code == 302 and not Registration.objects.filter(email="bot@example.org").exists()


def test_past_the_closing_time_the_form_is_closed(client):
    event = sample_conference()
    event.registration_closes = timezone.now() - datetime.timedelta(minutes=1)
    publish(event)
    html = client.get(SAMPLE.format(lang="en") + "register/").content.decode()
    assert "Registration for this event has closed." in html and "registration-form" not in html
    posted = client.post(
        SAMPLE.format(lang="en") + "register/", answer_required_questions(event, form_data("late@example.org"), "en")
    )
    assert posted.status_code == 409 and not Registration.objects.exists()


def test_a_full_event_keeps_a_waiting_list(client):
    event = sample_conference()
    event.registration_capacity = 1
    publish(event)
    register(event, form_data("first@example.org"), {}, "en")
    html = client.get(SAMPLE.format(lang="zh-hans") + "register/").content.decode()
    assert "报名候补" in html
    response = client.post(
        SAMPLE.format(lang="en") + "register/", answer_required_questions(event, form_data("second@example.org"), "en")
    )
    assert response["Location"].endswith("/register/waiting-list/")
    assert Registration.objects.get(email="second@example.org").status == "waiting"
    event.waiting_list = False
    publish(event)
    with pytest.raises(RegistrationClosed):
        register(event, form_data("third@example.org"), {}, "en")


def test_a_refusing_mail_server_leaves_the_registration_saved_and_the_failure_visible_to_staff(client, inbox, settings):
    event = sample_conference()
    settings.EMAIL_PORT = 1  # nothing listens there: the connection is refused
    url = SAMPLE.format(lang="en") + "register/"
    post_registration(client, url, answer_required_questions(event, form_data("kept@example.org"), "en"))
    run_mail_worker()
    registration = Registration.objects.get(email="kept@example.org")
    assert registration.confirmation_sent_at is None and registration.confirmation_attempts == 1
    assert "ConnectionRefusedError" in registration.confirmation_error
    assert MailFailure.objects.filter(message__contains=f"registration {registration.pk}").exists()
    from django_tasks_db.models import DBTaskResult

    assert DBTaskResult.objects.filter(status="READY", run_after__gt=timezone.now()).count() == 1  # tried again later
    client.force_login(make_staff("mo", "Moderators"))
    listing = client.get("/admin/registrations/").content.decode()
    assert "kept@example.org" in listing and "Not sent (1 attempts)" in listing
    assert f"registration {registration.pk}" in client.get("/admin/").content.decode()  # the dashboard's failed e-mail


def test_only_moderators_read_registrations_and_the_export_is_formula_safe(client):
    event = sample_conference()
    register(
        event,
        form_data("formula@example.org", name='=HYPERLINK("http://evil")', affiliation="中国科学技术发展战略研究院"),
        {},
        "zh-hans",
    )
    client.force_login(make_staff("erin", "Editors"))
    assert client.get("/admin/registrations/").status_code in (302, 403)
    client.force_login(make_staff("mo", "Moderators"))
    csv = b"".join(client.get("/admin/registrations/?export=csv").streaming_content).decode("utf-8")
    assert csv.startswith("\ufeff") and "'=HYPERLINK" in csv and "中国科学技术发展战略研究院" in csv
    xlsx = client.get("/admin/registrations/?export=xlsx")
    assert xlsx.status_code == 200 and xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_registrations_are_deleted_the_set_time_after_the_event():
    event = sample_conference()
    registration = register(event, form_data("old@example.org"), {}, "en")
    assert registration.delete_after == event.end_date + datetime.timedelta(days=event.registration_retention_days)
    call_command("delete_expired_registrations", stdout=StringIO())
    assert Registration.objects.filter(pk=registration.pk).exists()
    Registration.objects.filter(pk=registration.pk).update(
        delete_after=timezone.localdate() - datetime.timedelta(days=1)
    )
    out = StringIO()
    call_command("delete_expired_registrations", stdout=out)
    assert not Registration.objects.filter(pk=registration.pk).exists() and "1" in out.getvalue()
