"""Registration for an event: the form in the visitor's language, and the one place a registration is made.

A registration is saved before any e-mail is sent (the confirmation is queued when the transaction commits:
events/tasks.py), and seats are counted while the event is locked, so that concurrent registrations for the last
places neither sell a seat twice nor lose anyone (PostgreSQL: SELECT … FOR UPDATE on the event; SQLite: every
transaction takes the write lock at its start, settings' transaction_mode IMMEDIATE)."""

import datetime
from zoneinfo import ZoneInfo

from django_countries import countries

from django import forms
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from casted_site.pages.collation import sort_key
from events.times import at, zone_label


class RegistrationState:
    """What the registration of an event is at a moment: one of the constants, with the places left."""

    NOT_OFFERED, CLOSED, OPEN, WAITING_LIST, FULL = "not-offered", "closed", "open", "waiting-list", "full"

    def __init__(self, event, now=None):
        from events.models import EventStatus, RegistrationStatus

        now = now or timezone.now()
        self.closes = registration_closes(event)
        self.zone = event.time_zone
        self.places_left = None
        if not event.registration_open or not event.start_date or event.status == EventStatus.CANCELLED:
            self.value = self.NOT_OFFERED
        elif self.closes and now >= self.closes:
            self.value = self.CLOSED
        else:
            self.value = self.OPEN
            if event.registration_capacity is not None:
                taken = event.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
                self.places_left = max(event.registration_capacity - taken, 0)
                if not self.places_left:
                    self.value = self.WAITING_LIST if event.waiting_list else self.FULL

    @property
    def closes_shown(self):
        """When registration closes, as the event's place reads it: "1 December 2026, 18:00, Beijing time (UTC+8)"."""
        if not self.closes:
            return ""
        local = self.closes.astimezone(ZoneInfo(self.zone))
        return f"{date_format(local, 'DATETIME_FORMAT')} {zone_label(self.zone, local)}"

    @property
    def accepts(self):
        return self.value in (self.OPEN, self.WAITING_LIST)


def registration_closes(event):
    """When registration closes: the time staff set, or else the start of the event in its own zone."""
    if event.registration_closes:
        return event.registration_closes
    if not event.start_date:
        return None
    return at(event.start_date, event.start_time or datetime.time(0, 0), event.time_zone)


class RegistrationClosed(Exception):
    pass


class AlreadyRegistered(Exception):
    pass


def register(event, data, answers, language):
    """Save a registration, confirmed while places are left, else on the waiting list (if the event keeps one);
    queue its confirmation e-mail once saved. Raises RegistrationClosed or AlreadyRegistered."""
    from events.models import EventPage, Registration, RegistrationStatus
    from events.tasks import send_registration_confirmation

    with transaction.atomic():
        # The lock that serialises the counting of seats of this one event.
        list(EventPage.objects.select_for_update().filter(pk=event.pk).values_list("pk", flat=True))
        state = RegistrationState(event)
        if not state.accepts:
            raise RegistrationClosed(state.value)
        status = RegistrationStatus.WAITING if state.value == state.WAITING_LIST else RegistrationStatus.CONFIRMED
        last_day = event.end_date or event.start_date
        try:
            with transaction.atomic():
                registration = Registration.objects.create(
                    event=event,
                    status=status,
                    name=data["name"],
                    affiliation=data["affiliation"],
                    email=data["email"].lower(),
                    country=data["country"],
                    answers=answers,
                    language=language,
                    consent_given_at=timezone.now(),
                    delete_after=last_day + datetime.timedelta(days=event.registration_retention_days),
                )
        except IntegrityError as error:
            raise AlreadyRegistered from error
        transaction.on_commit(lambda: send_registration_confirmation.enqueue(registration.pk))
    return registration


def country_choices():
    """Every country and region by its name in the visitor's language, Chinese names in pinyin order."""
    named = [(code, str(name)) for code, name in countries]
    return [("", "—"), *sorted(named, key=lambda choice: sort_key(choice[1], get_language()))]


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    affiliation = forms.CharField(label=_("Affiliation"), max_length=250)
    email = forms.EmailField(label=_("E-mail"))
    country = forms.ChoiceField(label=_("Country or region"))
    # Spam protection without a foreign service: a field people do not see (hidden by the stylesheet, and from
    # screen readers), which programs that fill in every field fill in; and a rate limit on the view.
    website = forms.CharField(required=False, label=_("Leave this empty"))
    consent = forms.BooleanField(label=_("I agree to the use of my data as described above."))

    def __init__(self, event, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = country_choices()
        self.questions = list(event.registration_fields.all())
        for question in self.questions:
            self.fields[f"question_{question.pk}"] = question_field(question)
        self.order_fields(["name", "affiliation", "email", "country", *self.question_names(), "website", "consent"])

    def question_names(self):
        return [f"question_{question.pk}" for question in self.questions]

    @property
    def is_spam(self):
        return bool(self.cleaned_data.get("website"))

    def answers(self):
        """The answers to staff's questions, each under its question as the registrant read it."""
        answers = {}
        for question in self.questions:
            value = self.cleaned_data.get(f"question_{question.pk}")
            if isinstance(value, bool):
                value = str(_("Yes") if value else _("No"))
            answers[question.label] = value or ""
        return answers


def question_field(question):
    from events.models import FieldKind

    common = {"label": question.label, "required": question.required, "help_text": question.help_text}
    if question.kind == FieldKind.PARAGRAPH:
        return forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), max_length=2000, **common)
    if question.kind == FieldKind.CHOICE:
        return forms.ChoiceField(choices=[("", "—"), *((line, line) for line in question.choice_lines)], **common)
    if question.kind == FieldKind.CHECKBOX:
        return forms.BooleanField(**common)
    return forms.CharField(max_length=250, **common)
