"""`manage.py send_reminders`: reminders before deadlines and escalations after (cron-safe).

Run it from cron every few minutes, or with ``--loop`` as a long-lived worker. Several copies
may run at once: each reminder is claimed with a conditional UPDATE and sent exactly once.
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandParser

from trienkhai.web.reporting.reminders import send_due


class Command(BaseCommand):
    help = "Send the reminder and escalation e-mails whose time has come."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--loop", action="store_true", help="keep running")
        parser.add_argument("--interval", type=int, default=60, help="seconds between passes")

    def handle(self, *args: object, **opts: object) -> None:
        while True:
            result = send_due()
            self.stdout.write(
                f"{result.reminders} reminder(s), {result.escalations} escalation(s), "
                f"{result.skipped} skipped, {result.failed} failed (will retry), "
                f"{result.gave_up} given up"
            )
            if not opts["loop"]:
                return
            time.sleep(max(1, int(opts["interval"])))  # type: ignore[arg-type]
