"""get_FOO_display without its cost on every card. Private API: Model._get_FIELD_display, which Django's
get_FOO_display calls."""

from functools import cache

from django.utils import translation
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable


@cache
def choice_labels(field, language):
    """A field's choices as value -> label, built once per field and language (a CountryField's labels are
    translated as its choices are read)."""
    return {make_hashable(value): label for value, label in field.flatchoices}


class ChoiceLabelsMixin:
    """get_FOO_display as Django gives it, without its cost on every card: Django builds a dict of all the
    choices on each call, and hashing their lazy labels translates every one of them."""

    def _get_FIELD_display(self, field):
        value = getattr(self, field.attname)
        labels = choice_labels(field, translation.get_language())
        return force_str(labels.get(make_hashable(value), value), strings_only=True)
