"""iCalendar files of events and their sessions, in the visitor's language, made with the icalendar library.

RFC 5545 as calendar programs need it: UIDs that stay the same when a page moves (made from the record's id, not
its URL); SEQUENCE raised when what a calendar shows changes (CalendarVersion, kept by `record_calendar_change`
on publish); STATUS:CANCELLED for a cancelled event, so a subscriber's copy is struck out rather than left; timed
events in the event's own zone with its VTIMEZONE; an event without times stays all-day."""

import datetime
import hashlib
import json

from icalendar import Calendar, Event

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from casted_site.navigation.seo import absolute_url
from casted_site.navigation.templatetags.site_tags import country_name
from events.times import at

UID_DOMAIN = "casted-international"
ICAL_STATUS = {"cancelled": "CANCELLED", "postponed": "TENTATIVE"}


def calendar_fingerprint(page):
    """What a calendar shows of an event and its sessions: a change to it raises the event's SEQUENCE."""
    shown = [
        page.title,
        page.summary,
        str(page.start_date),
        str(page.end_date),
        str(page.start_time),
        str(page.end_time),
        page.time_zone,
        page.status,
        page.venue,
        page.city,
        str(page.country),
    ]
    for session in page.sessions.all():
        shown += [str(session.date), str(session.start_time), str(session.end_time), session.title, session.room]
    return hashlib.sha256(json.dumps(shown).encode()).hexdigest()


def record_calendar_change(page):
    """Called when an event is published: raise its SEQUENCE if its calendar entry changed."""
    from events.models import CalendarVersion

    fingerprint = calendar_fingerprint(page)
    version, created = CalendarVersion.objects.get_or_create(event=page, defaults={"fingerprint": fingerprint})
    if not created and version.fingerprint != fingerprint:
        version.sequence += 1
        version.fingerprint = fingerprint
        version.save(update_fields=["sequence", "fingerprint"])


def sequence_of(page):
    try:
        return page.calendar_version.sequence
    except page._meta.get_field("calendar_version").related_model.DoesNotExist:
        return 0


def place_of(page):
    return ", ".join(str(part) for part in (page.venue, page.city, country_name(page.country)) if part)


def add_times(entry, day, start_time, last_day, end_time, zone_name):
    start = at(day, start_time, zone_name)
    if start is None:  # all-day: in iCalendar an all-day event ends the day after its last day
        entry.add("dtstart", day)
        entry.add("dtend", (last_day or day) + datetime.timedelta(days=1))
        return
    entry.add("dtstart", start)
    end = at(last_day or day, end_time, zone_name)
    if end and end > start:
        entry.add("dtend", end)


def common(entry, page, uid, sequence, stamp):
    entry.add("uid", f"{uid}@{UID_DOMAIN}")
    entry.add("sequence", sequence)
    entry.add("dtstamp", stamp)
    entry.add("status", ICAL_STATUS.get(page.status, "CONFIRMED"))


def calendar_event(page, request):
    event = Event()
    sequence, stamp = sequence_of(page), page.last_published_at or timezone.now()
    common(event, page, f"event-{page.pk}", sequence, stamp)
    summary = page.title
    if page.status == "cancelled":
        summary = _("Cancelled: %(title)s") % {"title": page.title}
    event.add("summary", summary)
    add_times(event, page.start_date, page.start_time, page.end_date, page.end_time, page.time_zone)
    url = absolute_url(page, request)
    event.add("url", url)
    event.add("description", "\n\n".join(part for part in (page.summary, url) if part))
    if place_of(page):
        event.add("location", place_of(page))
    return event


def session_event(session, page, request):
    event = Event()
    common(event, page, f"session-{session.pk}", sequence_of(page), page.last_published_at or timezone.now())
    event.add("summary", f"{session.title} · {page.title}")
    add_times(event, session.date, session.start_time, session.date, session.end_time, page.time_zone)
    speakers = ", ".join(speaker.name for speaker in session.speakers.all())
    url = absolute_url(page, request)
    event.add("description", "\n\n".join(part for part in (session.description, speakers, url) if part))
    event.add("url", url)
    location = ", ".join(part for part in (session.room, place_of(page)) if part)
    if location:
        event.add("location", location)
    return event


def calendar_file(events, request, name, sessions=()):
    """The events with a date (and the sessions given) as an iCalendar file (bytes), named name, with a VTIMEZONE
    for every zone a timed entry uses."""
    calendar = Calendar()
    calendar.add("prodid", "-//CASTED//International cooperation//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", timezone.get_current_timezone_name())
    for page in events:
        if page.start_date:
            calendar.add_component(calendar_event(page, request))
    for session, page in sessions:
        calendar.add_component(session_event(session, page, request))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def calendar_response(ical, filename):
    response = HttpResponse(ical, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def all_events_calendar_name():
    return _("CASTED international conferences and events")
