"""The events listing's month view: a month as weeks of days, each day with the events on it."""

import calendar
import datetime

from django.db.models import Max, Min, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.dates import WEEKDAYS_ABBR


def month_view(index, year, month):
    first = datetime.date(year, month, 1)
    last = datetime.date(year, month, calendar.monthrange(year, month)[1])
    events = list(
        index.records()
        .filter(start_date__lte=last)
        .filter(Q(end_date__gte=first) | Q(end_date__isnull=True, start_date__gte=first))
        .order_by("start_date", "sort_title")
    )
    weeks = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        days = []
        for day in week:
            on_day = [event for event in events if event.start_date <= day <= (event.end_date or event.start_date)]
            days.append({"date": day, "in_month": day.month == month, "events": on_day})
        weeks.append(days)
    # Links lead only to the months from the first event to the last (or this month): no endless chain of empty
    # months for a visitor or a crawler to follow.
    bounds = index.records().aggregate(earliest=Min("start_date"), latest=Max(Coalesce("end_date", "start_date")))
    today = timezone.localdate().replace(day=1)
    earliest = min(filter(None, (bounds["earliest"], today))).replace(day=1)
    latest = max(filter(None, (bounds["latest"], today))).replace(day=1)
    previous = (first - datetime.timedelta(days=1)).replace(day=1)
    following = last + datetime.timedelta(days=1)
    return {
        "month": first,
        "weeks": weeks,
        "weekdays": [WEEKDAYS_ABBR[number] for number in range(7)],
        "month_events": events,
        "previous_month": month_url(index, previous) if previous >= earliest else "",
        "next_month": month_url(index, following) if following <= latest else "",
    }


def month_url(index, month):
    return index.url + index.reverse_subpage("month", args=[month.year, month.month])
