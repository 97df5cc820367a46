"""The order of names in each language: English case-insensitively, Chinese by pinyin (as a Chinese reader looks
for 世界银行 under S, after 加拿大… under J), the same on SQLite and PostgreSQL. Pages keep the key in their
`sort_title` column (set on every save); Python sorts use sort_key directly."""

from django.conf import settings
from django.utils import translation

from modeltranslation.utils import build_localized_fieldname


def sort_key(text, language=None):
    """The key `text` sorts by in `language` (the active one by default). Chinese: each character's pinyin with
    its tone number (shi4 jie4 yin2 hang2), phrases read as phrases (银行 is yin2 hang2); Latin letters, as in
    Fafo or NISTEP, sort among the syllables by their letters."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    text = " ".join(str(text).split())
    if not language.startswith("zh"):
        return text.casefold()
    # Imported here: its dictionaries take about 55 MB, which only a process that sorts Chinese needs.
    from pypinyin import Style, lazy_pinyin

    return " ".join(
        part.strip() for part in lazy_pinyin(text, style=Style.TONE3, neutral_tone_with_five=True)
    ).casefold()


def sort_title_fields():
    """The sort key's column in each language."""
    return [build_localized_fieldname("sort_title", code) for code, _name in settings.LANGUAGES]


def sort_titles(titles):
    """{language: title} -> {each language's sort key column: its key}; a language without a title sorts by the
    English one, which it shows."""
    english = titles.get(settings.LANGUAGE_CODE) or ""
    return {
        build_localized_fieldname("sort_title", code): sort_key(titles.get(code) or english, code)
        for code, _name in settings.LANGUAGES
    }


def fill_sort_titles(model):
    """Set the sort keys of every page of `model` from its titles (the migration that adds the column). Reads and
    writes only those columns, so it runs on any later schema."""
    if not model.objects.exists():
        return
    codes = [code for code, _name in settings.LANGUAGES]
    titles = [build_localized_fieldname("title", code) for code in codes]
    english_key = build_localized_fieldname("sort_title", settings.LANGUAGE_CODE)
    for pk, *values in model.objects.values_list("pk", *titles):
        keys = sort_titles(dict(zip(codes, values, strict=True)))
        model.objects.filter(pk=pk).update(sort_title=keys[english_key], **keys)
