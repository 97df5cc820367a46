"""Load examples/conference.json: a sample conference in a sample series, with a two-day programme, three speakers
and registration open, published under the events index. Loading it again updates it (by its slugs)."""

import datetime
import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from events.models import EventIndexPage, EventPage, EventSeries, EventSession, RegistrationField, Speaker

EXAMPLE = Path(settings.BASE_DIR) / "examples" / "conference.json"


def translated(data, field):
    return {f"{field}_en": data.get(f"{field}_en", ""), f"{field}_zh_hans": data.get(f"{field}_zh_hans", "")}


class Command(BaseCommand):
    help = "Load the sample conference of examples/conference.json (every name in it is made up)."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(EXAMPLE))

    @transaction.atomic
    def handle(self, path, **options):
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        index = EventIndexPage.objects.first()
        if index is None:
            raise CommandError("There is no events index page: load the initial content first.")
        series_data = data["series"]
        series, _created = EventSeries.objects.update_or_create(
            slug=series_data["slug"],
            defaults={
                **translated(series_data, "name"),
                **translated(series_data, "short_name"),
                **translated(series_data, "description"),
                **translated(series_data, "organisers"),
            },
        )
        speakers = {}
        for person in data["speakers"]:
            fields = ("name", "position", "affiliation_name", "bio")
            speakers[person["slug"]], _created = Speaker.objects.update_or_create(
                slug=person["slug"],
                defaults={key: value for field in fields for key, value in translated(person, field).items()},
            )
        event = self.load_event(index, series, speakers, data["event"])
        self.stdout.write(f"Loaded the sample conference: {event.url}")

    def load_event(self, index, series, speakers, data):
        start = timezone.localdate() + datetime.timedelta(days=data["starts_in_days"])
        fields = {
            **translated(data, "title"),
            **translated(data, "summary"),
            **translated(data, "venue"),
            **translated(data, "city"),
            "title": data["title_en"],
            "slug_en": data["slug"],
            "slug_zh_hans": data.get("slug_zh_hans", data["slug"]),
            "kind": data["kind"],
            "series": series,
            "edition": data["edition"],
            "start_date": start,
            "end_date": start + datetime.timedelta(days=data["days"] - 1),
            "start_time": datetime.time.fromisoformat(data["start_time"]),
            "end_time": datetime.time.fromisoformat(data["end_time"]),
            "time_zone": data["time_zone"],
            "country": data["country"],
            "attendance": data["attendance"],
            "online_url": data["online_url"],
            "registration_open": True,
            "registration_capacity": data["registration_capacity"],
        }
        event = EventPage.objects.filter(slug_en=data["slug"]).first()
        if event is None:
            event = EventPage(slug=data["slug"], **fields)
            index.add_child(instance=event)
        else:
            for name, value in fields.items():
                setattr(event, name, value)
        event.sessions = [
            EventSession(
                date=start + datetime.timedelta(days=session["day"] - 1),
                start_time=datetime.time.fromisoformat(session["start"]),
                end_time=datetime.time.fromisoformat(session["end"]),
                chair=speakers.get(session.get("chair")),
                language=session.get("language", ""),
                interpretation=session.get("interpretation", ""),
                speakers=[speakers[slug] for slug in session["speakers"]],
                **translated(session, "title"),
                **translated(session, "room"),
            )
            for session in data["sessions"]
        ]
        event.registration_fields = [
            RegistrationField(
                kind=question["kind"],
                required=question.get("required", False),
                **translated(question, "label"),
                **translated(question, "choices"),
            )
            for question in data["registration_fields"]
        ]
        event.save()
        event.save_revision().publish()
        return event
