from modeltranslation.translator import TranslationOptions, register

from .models import MouIndexPage, PartnerIndexPage


@register(PartnerIndexPage)
class PartnerIndexPageTR(TranslationOptions):
    fields = ("summary", "intro")


@register(MouIndexPage)
class MouIndexPageTR(TranslationOptions):
    fields = ("summary", "intro")
