"""Reminders before a deadline and escalation after it (modelled on healthchecks' sendalerts).

Each pending :class:`Obligation` carries ``remind_after`` (indexed) and ``reminder_stage``.
A worker picks rows whose ``remind_after`` has come, *claims* each with a conditional UPDATE
on (stage, remind_after) — so of two workers running at once exactly one sends — then sends
the e-mail through Django's configured backend and writes a :class:`ReportEvent` per message.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import Obligation, ReportEvent

log = logging.getLogger(__name__)

REMINDER, ESCALATION = 1, 2


@dataclass
class ReminderResult:
    reminders: int = 0
    escalations: int = 0
    skipped: int = 0  # claimed but nothing to send (deadline already past, no address)


def claim(obligation: Obligation, now: dt.datetime) -> int | None:
    """Move the obligation to its next stage if nobody else did; the stage won, or None."""
    stage = obligation.reminder_stage
    obligation.reminder_stage = stage + 1
    next_at = obligation.next_reminder_at()
    won = Obligation.objects.filter(
        pk=obligation.pk,
        state=Obligation.State.PENDING,
        reminder_stage=stage,
        remind_after=obligation.remind_after,
        remind_after__lte=now,
    ).update(reminder_stage=stage + 1, remind_after=next_at)
    if not won:
        obligation.reminder_stage = stage
        return None
    obligation.remind_after = next_at
    return stage + 1


def _emails(unit_id: int | None, roles: tuple[str, ...]) -> list[str]:
    from trienkhai.web.accounts.models import Membership

    if unit_id is None:
        return []
    return sorted(
        set(
            Membership.objects.filter(unit_id=unit_id, role__in=roles, user__is_active=True)
            .exclude(user__email="")
            .values_list("user__email", flat=True)
        )
    )


def recipients(obligation: Obligation, stage: int) -> list[str]:
    """Reminder: the unit's reporters and heads. Escalation: its heads and the receiving
    body's focal officers."""
    if stage == REMINDER:
        return _emails(obligation.unit_id, ("reporter", "head"))
    receiving = obligation.via_id or obligation.recipient_id
    return sorted(
        set(_emails(obligation.unit_id, ("head",)))
        | set(_emails(receiving, ("focal_officer",)))
        | set(_serving_officers(receiving))
    )


def _serving_officers(unit_id: int | None) -> list[str]:
    """Focal officers of the bodies that serve ``unit_id`` (its Văn phòng, its Ban Dân vận)."""
    from trienkhai.web.accounts.models import Membership

    if unit_id is None:
        return []
    return list(
        Membership.objects.filter(
            unit__parent_id=unit_id, role="focal_officer", user__is_active=True
        )
        .exclude(user__email="")
        .values_list("user__email", flat=True)
    )


def _message(obligation: Obligation, stage: int, now: dt.datetime) -> tuple[str, str]:
    name = "reminder" if stage == REMINDER else "escalation"
    context = {
        "obligation": obligation,
        "days_left": (obligation.due_date - timezone.localdate(now)).days,
        "days_late": (timezone.localdate(now) - obligation.due_date).days,
        "site_url": getattr(settings, "TRIENKHAI_SITE_URL", "http://127.0.0.1:8000"),
    }
    with translation.override(getattr(settings, "LANGUAGE_CODE", "vi")):
        subject = render_to_string(f"reporting/email/{name}_subject.txt", context)
        body = render_to_string(f"reporting/email/{name}_body.txt", context)
    return " ".join(subject.split()), body


def send_one(obligation: Obligation, stage: int, now: dt.datetime) -> bool:
    """Send the claimed stage's message and record it; False when there was nobody to tell."""
    if stage == REMINDER and now >= obligation.due_at:
        return False  # generated after the deadline: the escalation will speak instead
    to = recipients(obligation, stage)
    kind = ReportEvent.Kind.REMINDER if stage == REMINDER else ReportEvent.Kind.ESCALATION
    if not to:
        ReportEvent.objects.create(
            obligation=obligation, kind=kind, at=now, comment="no e-mail address on file"
        )
        return False
    subject, body = _message(obligation, stage, now)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to, fail_silently=False)
    ReportEvent.objects.create(
        obligation=obligation, kind=kind, at=now, comment=subject, recipients=", ".join(to)
    )
    return True


def send_due(now: dt.datetime | None = None, limit: int = 500) -> ReminderResult:
    """One pass of the worker: claim and send every reminder whose time has come."""
    now = now or timezone.now()
    result = ReminderResult()
    due = (
        Obligation.objects.filter(
            remind_after__lte=now, state=Obligation.State.PENDING, reminder_stage__lt=2
        )
        .select_related("unit", "period", "plan", "recipient", "via")
        .order_by("remind_after")[:limit]
    )
    for obligation in due:
        stage = claim(obligation, now)
        if stage is None:
            continue
        try:
            sent = send_one(obligation, stage, now)
        except Exception:  # an SMTP failure must not stop the other reminders
            log.exception("sending reminder for obligation %s failed", obligation.pk)
            sent = False
        if not sent:
            result.skipped += 1
        elif stage == REMINDER:
            result.reminders += 1
        else:
            result.escalations += 1
    return result
