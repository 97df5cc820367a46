"""Create a staff account in the Editors or Moderators group, with its name and e-mail (moderation notifications
and password resets go there; Wagtail's Account page needs both) and a random password printed once."""

import re
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

ROLES = {"editor": "Editors", "moderator": "Moderators"}
HAN = re.compile(r"[\u4e00-\u9fff]")


def split_name(name):
    """(given name, family name). A name in Chinese characters is written family name first: 王伟 or 王 伟 is
    (伟, 王), a one-character family name where no space says otherwise; a Latin one family name last."""
    name = " ".join(name.split())
    if HAN.search(name):
        family, _space, given = name.partition(" ") if " " in name else (name[:1], "", name[1:])
        return given, family
    given, _space, family = name.rpartition(" ")
    return given, family


class Command(BaseCommand):
    help = "Create an editor or a moderator account (run load_initial_content first: it sets up the roles)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=sorted(ROLES))
        parser.add_argument("--email", required=True, help="Where notifications and password resets are sent.")
        parser.add_argument("--name", required=True, help="Given and family name: 'Erin Example' or '王伟'.")
        parser.add_argument(
            "--language", choices=["en", "zh-hans"], default="", help="The admin's language (default: the browser's)."
        )

    def handle(self, *args, username, role, email, name, language, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            raise CommandError(f"There is already an account '{username}'.")
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"'{email}' is not an e-mail address.") from error
        first_name, last_name = split_name(name)
        if not first_name or not last_name:
            raise CommandError("--name needs a given and a family name, for example 'Erin Example' or '王伟'.")
        group = Group.objects.filter(name=ROLES[role]).first()
        if group is None:
            raise CommandError(f"The group '{ROLES[role]}' does not exist yet: run manage.py load_initial_content.")
        password = secrets.token_urlsafe(12)
        user = User.objects.create_user(
            username=username, email=email, password=password, first_name=first_name, last_name=last_name
        )
        user.groups.add(group)
        if language:
            from wagtail.users.models import UserProfile

            UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})
        self.stdout.write(self.style.SUCCESS(f"Created {role} '{username}' with password: {password}"))
        self.stdout.write("Log in at /admin/ and change the password; it is shown only once.")
