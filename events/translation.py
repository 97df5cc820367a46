from modeltranslation.translator import TranslationOptions, register

from .models import EventIndexPage


@register(EventIndexPage)
class EventIndexPageTR(TranslationOptions):
    fields = ("summary", "intro")
