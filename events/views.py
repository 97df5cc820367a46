"""The registration pages of an event: the form (never in the page cache: it carries a CSRF token) and the page a
registrant lands on afterwards."""

from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache

from casted_site.caching.page_cache import declare_query_params
from casted_site.operations.throttle import throttled
from events.registration import AlreadyRegistered, RegistrationClosed, RegistrationForm, RegistrationState, register

OUTCOMES = ("registered", "waiting-list")
# A visitor's registrations an hour, from one address (an office behind one address may register several people).
REGISTRATIONS_PER_HOUR = 30


@never_cache
@throttled("event-registration", REGISTRATIONS_PER_HOUR, 3600)
def registration_view(request, event):
    state = RegistrationState(event)
    form = None
    if state.value != state.NOT_OFFERED:
        form = RegistrationForm(event, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form is not None and form.is_valid():
        if form.is_spam:  # answered as a success, and nothing kept
            return HttpResponseRedirect(event.url + event.reverse_subpage("registered", args=["registered"]))
        try:
            registration = register(event, form.cleaned_data, form.answers(), translation.get_language())
        except AlreadyRegistered:
            form.add_error("email", gettext("This e-mail address is registered for this event already."))
        except RegistrationClosed:
            state = RegistrationState(event)
        else:
            outcome = "waiting-list" if registration.status == "waiting" else "registered"
            return HttpResponseRedirect(event.url + event.reverse_subpage("registered", args=[outcome]))
    status = 200 if request.method == "GET" or form is None or not form.is_bound else 400
    if request.method == "POST" and not state.accepts:
        status = 409
    context = {**event.get_context(request), "form": form, "state": state}
    return TemplateResponse(request, "events/registration_page.html", context, status=status)


def registered_view(request, event, outcome):
    if outcome not in OUTCOMES:
        raise Http404("No such page.")
    declare_query_params(request)
    context = {**event.get_context(request), "outcome": outcome}
    return TemplateResponse(request, "events/registered_page.html", context)
