"""Staff accounts: a notification reaches each person in their admin language. Wagtail mails a user who never
chose one in the language of whoever acted (a moderator reading the admin in Chinese approves, and the English
editor is told in Chinese), so the language a person's admin was shown in when they logged in is kept as their
choice, until they change it on their Account page."""

from django.contrib.auth.signals import user_logged_in
from django.utils import translation


def remember_admin_language(sender, request, user, **kwargs):
    from wagtail.admin.localization import get_available_admin_languages
    from wagtail.users.models import UserProfile

    if not user.is_staff and not user.has_perm("wagtailadmin.access_admin"):
        return
    profile = UserProfile.get_for_user(user)
    language = translation.get_language_from_request(request)
    if not profile.preferred_language and language in dict(get_available_admin_languages()):
        profile.preferred_language = language
        profile.save(update_fields=["preferred_language"])


def connect():
    user_logged_in.connect(remember_admin_language, dispatch_uid="casted-remember-admin-language")
