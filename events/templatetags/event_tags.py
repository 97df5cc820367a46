from django import template
from django.utils.formats import time_format
from django.utils.html import format_html

from events.times import at, edition_label, zone_label

register = template.Library()


@register.simple_tag
def event_time(day, time, zone_name):
    """A time of an event in its zone, as <time> with the instant: static/js/site.js adds the visitor's own time
    where their zone differs."""
    moment = at(day, time, zone_name)
    if moment is None:
        return ""
    return format_html('<time datetime="{}" data-event-time>{}</time>', moment.isoformat(), time_format(time, "H:i"))


@register.simple_tag
def time_zone_name(day, time, zone_name):
    moment = at(day, time, zone_name)
    return zone_label(zone_name, moment) if moment else ""


@register.filter
def edition(number):
    return edition_label(number) if number else ""
