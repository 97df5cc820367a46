from modeltranslation.translator import TranslationOptions, register

from .models import ProjectIndexPage, ProjectPage, ResearchField


@register(ProjectIndexPage)
class ProjectIndexPageTR(TranslationOptions):
    fields = ("summary", "intro")


@register(ProjectPage)
class ProjectPageTR(TranslationOptions):
    fields = ("summary", "sort_title", "body", "casted_role", "funding_programme", "outputs")


@register(ResearchField)
class ResearchFieldTR(TranslationOptions):
    fields = ("name",)
