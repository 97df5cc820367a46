"""Translations kept in step: a page or snippet whose English text changed after its Chinese text last changed
may have an out-of-date Chinese version (and the other way round). Every save is recorded (a page's revision, a
translated snippet's save) in a TranslationStep: each language's texts as saved, and for each language the other
language's texts when it last changed. The report lists what changed since, as a diff; "mark as reviewed"
brings a language's baseline up to date."""

import difflib
import json

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from modeltranslation.translator import translator
from wagtail.fields import StreamField

from casted_site.reports.models import TranslationStep

LANGUAGES = ("en", "zh_hans")
# Texts that are translated prose; slugs, SEO titles and URL paths are not compared.
PROSE_FIELDS = ("title", "name", "summary", "intro", "body", "description", "scope", "term")


def other(language):
    return "zh_hans" if language == "en" else "en"


def plain_text(field, value):
    """A field's words: rich text without its tags, a StreamField's strings in order (from its value, or from its
    data as a revision holds it: JSON)."""
    if isinstance(field, StreamField):
        data = value.get_prep_value() if hasattr(value, "raw_data") else json.loads(value or "[]")
        return " ".join(strings_in(data))
    return " ".join(strip_tags(str(value or "")).split())


def strings_in(data):
    if isinstance(data, dict):
        for key, value in data.items():
            if key not in {"type", "id"}:
                yield from strings_in(value)
    elif isinstance(data, list):
        for item in data:
            yield from strings_in(item)
    elif isinstance(data, str) and not data.isdigit() and (words := " ".join(strip_tags(data).split())):
        yield words


def prose_fields(model):
    try:
        translated = translator.get_options_for_model(model).all_fields
    except Exception:  # noqa: BLE001 - modeltranslation raises NotRegistered for a model it does not translate
        return []
    return [name for name in PROSE_FIELDS if name in translated]


def texts_of(model, values):
    """{language: {field: words}} of the prose fields modeltranslation translates on this model, from values, a
    mapping of field names to values (an instance's, or a revision's content)."""
    texts = {}
    for language in LANGUAGES:
        names = [f"{name}_{language}" for name in prose_fields(model)]
        texts[language] = {
            name.removesuffix(f"_{language}"): plain_text(model._meta.get_field(name), values.get(name))
            for name in names
        }
    return texts


def record(model, pk, texts):
    """After a save: a language whose texts changed takes the other language's texts now as its baseline; if it
    was behind, it has caught up, and the other language is in step with it too."""
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    with transaction.atomic():
        step, created = TranslationStep.objects.select_for_update().get_or_create(
            content_type=content_type,
            object_id=str(pk),
            defaults={"texts": texts, "baselines": {language: texts[other(language)] for language in LANGUAGES}},
        )
        if created:
            return
        now = timezone.now().isoformat()
        behind_before = out_of_date(step)
        changed = [language for language in LANGUAGES if texts[language] != step.texts.get(language)]
        for language in changed:
            step.baselines[language] = texts[other(language)]
            step.changed_at[language] = now
            if language in behind_before:  # a translator catching up: the other language is in step with it
                step.baselines[other(language)] = texts[language]
        step.texts = texts
        step.save(update_fields=["texts", "baselines", "changed_at"])


def mark_reviewed(step, language, user):
    """The reviewer checked this language against the other one as it is now."""
    step.baselines[language] = step.texts.get(other(language), {})
    step.reviewed_by[language] = user.get_username()
    step.save(update_fields=["baselines", "reviewed_by"])


def out_of_date(step):
    """The languages of this record that may be out of date: the other language changed since this one did (or
    since it was reviewed). A language with no text at all is a missing translation, not an out-of-date one."""
    return [
        language
        for language in LANGUAGES
        if any(step.texts.get(language, {}).values())
        and step.baselines.get(language) != step.texts.get(other(language))
    ]


def changes_since(step, language):
    """[(field, HTML diff)] of the other language's texts, from this language's baseline to now."""
    before, now = step.baselines.get(language, {}), step.texts.get(other(language), {})
    return [
        (field, word_diff(before.get(field, ""), now.get(field, "")))
        for field in now
        if before.get(field) != now[field]
    ]


def word_diff(before, after):
    """Words removed in <del>, added in <ins> (characters for Chinese, which has no spaces between words)."""
    split = list if has_han(before + after) else str.split
    joiner = "" if split is list else " "
    a, b = split(before), split(after)
    parts = []
    for operation, a1, a2, b1, b2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if operation == "equal":
            parts.append(escape(joiner.join(a[a1:a2])))
            continue
        if a2 > a1:
            parts.append(f"<del>{escape(joiner.join(a[a1:a2]))}</del>")
        if b2 > b1:
            parts.append(f"<ins>{escape(joiner.join(b[b1:b2]))}</ins>")
    return mark_safe(joiner.join(parts))  # noqa: S308 - every piece is escaped above


def has_han(text):
    return any("\u4e00" <= character <= "\u9fff" for character in text)


def record_revision(sender, instance, created, **kwargs):
    """A page's every save makes a revision: what it holds is what the editor saved, draft or published."""
    from wagtail.models import Page

    if created and instance.base_content_type_id == ContentType.objects.get_for_model(Page).pk:
        # Read from the revision's content as saved: building the page from it would load what it links to.
        model = ContentType.objects.get_for_id(instance.content_type_id).model_class()
        if model is not None:
            record(model, instance.object_id, texts_of(model, instance.content))


def record_snippet(sender, instance, **kwargs):
    """Any model's save: a translated snippet's is recorded. (Snippets register when Wagtail's snippets app is
    ready, after this one, so the receiver cannot be connected to each of them.)"""
    from wagtail.snippets.models import get_snippet_models

    if not kwargs.get("raw") and sender in get_snippet_models() and prose_fields(sender):
        record(sender, instance.pk, texts_of(sender, vars(instance)))


def connect():
    from django.db.models.signals import post_save

    from wagtail.models import Revision

    post_save.connect(record_revision, sender=Revision, dispatch_uid="casted-translation-step-revision")
    post_save.connect(record_snippet, dispatch_uid="casted-translation-step-snippet")
