from modeltranslation.translator import TranslationOptions, register

from .models import EventIndexPage, EventPage


@register(EventIndexPage)
class EventIndexPageTR(TranslationOptions):
    fields = ("summary", "intro")


@register(EventPage)
class EventPageTR(TranslationOptions):
    fields = ("summary", "sort_title", "venue", "city", "programme", "body", "documents")
