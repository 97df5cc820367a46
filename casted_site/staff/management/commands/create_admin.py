"""Create the first admin account with a random password, printed once. Does nothing if one exists."""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create an 'admin' superuser with a random password if the site has no superuser yet."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--url", default="http://127.0.0.1:8000/admin/")
        # Wagtail's Account page saves no preference until a name and an e-mail are filled: give it both.
        parser.add_argument("--email", default="admin@localhost", help="Where notifications and resets are sent.")

    def handle(self, *args, username, url, email, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                f"An admin account exists already. Log in at {url} "
                f"(forgotten the password? python manage.py changepassword {username})."
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(
            username=username, email=email, password=password, first_name="Site", last_name="Administrator"
        )
        self.stdout.write(
            self.style.SUCCESS(f"Admin account created. Log in at {url} as '{username}' with password: {password}")
        )
        self.stdout.write("This password is shown only once; change it after logging in.")
