"""iCalendar files of events, in the visitor's language, made with the icalendar library."""

import datetime

from icalendar import Calendar, Event

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from casted_site.navigation.seo import absolute_url
from casted_site.navigation.templatetags.site_tags import country_name


def calendar_event(page, request):
    event = Event()
    event.add("uid", f"event-{page.pk}@casted-international")
    event.add("summary", page.title)
    event.add("dtstart", page.start_date)
    # In iCalendar an all-day event ends the day after its last day.
    event.add("dtend", (page.end_date or page.start_date) + datetime.timedelta(days=1))
    event.add("dtstamp", page.last_published_at or timezone.now())
    url = absolute_url(page, request)
    event.add("url", url)
    event.add("description", "\n\n".join(part for part in (page.summary, url) if part))
    place = ", ".join(str(part) for part in (page.venue, page.city, country_name(page.country)) if part)
    if place:
        event.add("location", place)
    return event


def calendar_file(events, request, name):
    """The events with a date as an iCalendar file (bytes), named name."""
    calendar = Calendar()
    calendar.add("prodid", "-//CASTED//International cooperation//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", timezone.get_current_timezone_name())
    for page in events:
        if page.start_date:
            calendar.add_component(calendar_event(page, request))
    return calendar.to_ical()


def calendar_response(ical, filename):
    response = HttpResponse(ical, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def all_events_calendar_name():
    return _("CASTED international conferences and events")
