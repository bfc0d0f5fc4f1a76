"""`manage.py issue_api_token USER NAME`: issue an API key for a user (printed once)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = "Issue an API key for a user; the key is printed once and only its hash is stored."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("name", help="what the key is for")

    def handle(self, *args: object, **opts: object) -> None:
        from trienkhai.web.accounts.models import ApiToken

        user = get_user_model().objects.filter(username=opts["username"], is_active=True).first()
        if user is None:
            raise CommandError(f"no active user named {opts['username']!r}")
        _token, raw = ApiToken.issue(user, str(opts["name"])[:100])
        self.stdout.write(raw)
