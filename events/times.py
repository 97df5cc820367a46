"""An event's times: kept as the day and the wall-clock time where it takes place, with that place's time zone (an
IANA name such as Asia/Shanghai), and made into instants only for showing and for calendars."""

import datetime
from zoneinfo import ZoneInfo

from django.utils.translation import get_language
from django.utils.translation import gettext as _


def at(day, time, zone_name):
    """The instant of a wall-clock time on a day in a zone (None without both)."""
    if not day or time is None:
        return None
    return datetime.datetime.combine(day, time, tzinfo=ZoneInfo(zone_name))


def utc_offset(moment):
    """UTC+8, UTC-5, UTC+5:30: the offset at that moment (summer time included)."""
    minutes = int(moment.utcoffset().total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def zone_label(zone_name, moment):
    """The zone as a visitor reads it: "Beijing time (UTC+8)"; another zone by its city: "Berlin time (UTC+1)"."""
    if zone_name in ("Asia/Shanghai", "Asia/Chongqing", "PRC"):
        place = _("Beijing time")
    else:
        city = zone_name.rsplit("/", 1)[-1].replace("_", " ")
        place = _("%(city)s time") % {"city": city}
    offset = utc_offset(moment)
    return f"{place}（{offset}）" if get_language().startswith("zh") else f"{place} ({offset})"


def english_ordinal(number):
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def edition_label(number):
    """An edition of a series: "3rd edition" in English, 第3届 in Chinese."""
    if get_language().startswith("zh"):
        return f"第{number}届"
    return _("%(ordinal)s edition") % {"ordinal": english_ordinal(number)}
