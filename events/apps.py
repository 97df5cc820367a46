from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"

    def ready(self):
        from wagtail.signals import page_published

        from events.calendar import record_calendar_change
        from events.models import EventPage

        def raise_sequence(sender, instance, **kwargs):
            record_calendar_change(instance)

        page_published.connect(raise_sequence, sender=EventPage, weak=False, dispatch_uid="event-calendar-sequence")
