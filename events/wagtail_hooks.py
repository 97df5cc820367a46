"""The admin's Registrations screen: staff with the permission (Moderators, and superusers) see, export and delete
registrations; nobody else reads them (roles.py gives Editors none of its permissions)."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import ModelPermissionPolicy, register_permission_policy

from casted_site.framework_fixes.spreadsheet_export import FormulaSafeIndexView
from events.models import Registration


class ConfirmationColumn(Column):
    def get_value(self, instance):
        if instance.confirmation_sent_at:
            return _("Sent")
        if instance.confirmation_error:
            return _("Not sent (%(attempts)s attempts): %(error)s") % {
                "attempts": instance.confirmation_attempts,
                "error": instance.confirmation_error,
            }
        return _("Queued")


class NoAddingPolicy(ModelPermissionPolicy):
    """Registrations come from visitors' forms, with their consent: staff do not add them by hand."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, [action for action in actions if action != "add"])


register_permission_policy(Registration, NoAddingPolicy(Registration))


class RegistrationViewSet(ModelViewSet):
    model = Registration
    icon = "group"
    menu_label = _("Registrations")
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = FormulaSafeIndexView
    inspect_view_enabled = True
    list_display = [
        "name",
        "affiliation",
        "email",
        "country",
        "event",
        "status",
        "created_at",
        ConfirmationColumn("confirmation", label=_("Confirmation e-mail")),
    ]
    list_filter = ["event", "status"]
    search_fields = ["name", "affiliation", "email"]
    list_export = [
        "event",
        "status",
        "name",
        "affiliation",
        "email",
        "country",
        "answers_shown",
        "language",
        "created_at",
        "consent_given_at",
        "delete_after",
        "confirmation_sent_at",
        "confirmation_error",
    ]
    export_headings = {"answers_shown": _("Answers")}
    export_filename = "registrations"
    form_fields = ["status"]  # staff may move a registrant between the list and the waiting list, nothing more


@hooks.register("register_admin_viewset")
def register_registrations():
    return RegistrationViewSet("registrations")
