from modeltranslation.translator import TranslationOptions, register

from .models import MouIndexPage, MouPage, PartnerIndexPage, PartnerPage


@register(PartnerIndexPage)
class PartnerIndexPageTR(TranslationOptions):
    fields = ("summary", "intro")


@register(MouIndexPage)
class MouIndexPageTR(TranslationOptions):
    fields = ("summary", "intro")


@register(PartnerPage)
class PartnerPageTR(TranslationOptions):
    fields = ("summary", "city", "description")


@register(MouPage)
class MouPageTR(TranslationOptions):
    fields = ("summary", "term", "scope")
