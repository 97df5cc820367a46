from modeltranslation.translator import TranslationOptions, register

from .models import NewsIndexPage, NewsPage


@register(NewsIndexPage)
class NewsIndexPageTR(TranslationOptions):
    fields = ("summary", "intro")


@register(NewsPage)
class NewsPageTR(TranslationOptions):
    fields = ("summary", "sort_title", "body")
