from modeltranslation.translator import TranslationOptions, register

from .models import InstitutionSettings


@register(InstitutionSettings)
class InstitutionSettingsTR(TranslationOptions):
    fields = ("name", "short_name", "site_name", "address", "copyright", "privacy_note")
