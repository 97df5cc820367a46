from modeltranslation.translator import TranslationOptions, register

from .models import EventIndexPage, EventPage, EventSeries, EventSession, RegistrationField, Speaker


@register(EventIndexPage)
class EventIndexPageTR(TranslationOptions):
    fields = ("summary", "intro")


@register(EventPage)
class EventPageTR(TranslationOptions):
    fields = (
        "summary",
        "sort_title",
        "venue",
        "city",
        "programme",
        "body",
        "documents",
        "outcome",
        "materials",
        "data_use",
    )


@register(EventSeries)
class EventSeriesTR(TranslationOptions):
    fields = ("name", "short_name", "description", "organisers")


@register(Speaker)
class SpeakerTR(TranslationOptions):
    fields = ("name", "position", "affiliation_name", "bio")


@register(EventSession)
class EventSessionTR(TranslationOptions):
    fields = ("title", "description", "room")


@register(RegistrationField)
class RegistrationFieldTR(TranslationOptions):
    fields = ("label", "choices", "help_text")
