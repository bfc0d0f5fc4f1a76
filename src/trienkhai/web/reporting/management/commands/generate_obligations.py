"""`manage.py generate_obligations`: periods and obligations from published plans (idempotent)."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError, CommandParser

from trienkhai.web.reporting.generation import generate_all


def _date(text: str) -> dt.date:
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise CommandError(f"not a date (dd/mm/yyyy or yyyy-mm-dd): {text!r}")


class Command(BaseCommand):
    help = "Create the reporting periods and obligations of published plans (safe to re-run)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--plan", type=int, action="append", help="only this plan id")
        parser.add_argument("--since", type=_date, help="first day (default: publication)")
        parser.add_argument("--until", type=_date, help="last day (default: end of this year)")

    def handle(self, *args: object, **opts: object) -> None:
        since, until = opts.get("since"), opts.get("until")
        if since and until and until < since:
            raise CommandError("--until is before --since")
        result = generate_all(since=since, until=until, plan_ids=opts.get("plan"))  # type: ignore[arg-type]
        self.stdout.write(
            f"{result.plans} plan(s): {result.created} obligation(s) created, "
            f"{result.rescheduled} rescheduled"
        )
