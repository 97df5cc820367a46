from modeltranslation.translator import TranslationOptions, register

from .models import ProjectIndexPage


@register(ProjectIndexPage)
class ProjectIndexPageTR(TranslationOptions):
    fields = ("summary", "intro")
