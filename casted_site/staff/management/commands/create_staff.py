"""Create a staff account in the Editors or Moderators group, with a random password printed once."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

ROLES = {"editor": "Editors", "moderator": "Moderators"}


class Command(BaseCommand):
    help = "Create an editor or a moderator account (run load_initial_content first: it sets up the roles)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=sorted(ROLES))
        parser.add_argument("--email", default="")

    def handle(self, *args, username, role, email, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            raise CommandError(f"There is already an account '{username}'.")
        group = Group.objects.filter(name=ROLES[role]).first()
        if group is None:
            raise CommandError(f"The group '{ROLES[role]}' does not exist yet: run manage.py load_initial_content.")
        password = secrets.token_urlsafe(12)
        user = User.objects.create_user(username=username, email=email, password=password)
        user.groups.add(group)
        self.stdout.write(self.style.SUCCESS(f"Created {role} '{username}' with password: {password}"))
        self.stdout.write("Log in at /admin/ and change the password; it is shown only once.")
