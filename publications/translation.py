from modeltranslation.translator import TranslationOptions, register

from .models import PublicationIndexPage, PublicationPage


@register(PublicationIndexPage)
class PublicationIndexPageTR(TranslationOptions):
    fields = ("summary", "intro")


@register(PublicationPage)
class PublicationPageTR(TranslationOptions):
    fields = ("summary", "sort_title", "abstract", "authors", "container_title", "publisher", "place")
