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
    # The acronym in Chinese is the standard Chinese short name (经合组织 for OECD); institutes keep their Latin one.
    fields = ("acronym", "summary", "sort_title", "city", "description")


@register(MouPage)
class MouPageTR(TranslationOptions):
    fields = ("summary", "sort_title", "term", "scope")
