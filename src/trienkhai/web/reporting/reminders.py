"""Reminders before a deadline and escalation after it (modelled on healthchecks' sendalerts).

Each pending :class:`Obligation` carries ``remind_after`` (indexed) and ``reminder_stage``.
A worker picks rows whose ``remind_after`` has come, *claims* each with a conditional UPDATE
on (stage, remind_after) — so of two workers running at once exactly one sends — then sends
the e-mail through Django's configured backend and writes a :class:`ReportEvent` per message.

A failed send loses nothing: :func:`release` hands the claim back with a second conditional
UPDATE (stage and ``remind_after`` as the claim left them), so a later pass retries after an
exponential back-off (``TRIENKHAI_REMINDER_RETRY_MINUTES`` × 2ⁿ⁻¹), and every failure is a
``mail_failed`` event carrying the error. After ``TRIENKHAI_REMINDER_MAX_TRIES`` failures of
one message the worker gives up on it with a ``mail_gave_up`` event, which the receiving focal
body sees on the obligation's timeline and on the follow-up page, and moves on to the next stage.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import Obligation, ReportEvent

log = logging.getLogger(__name__)

REMINDER, ESCALATION = 1, 2
#: first retry after a failed send, doubled at each further failure
RETRY_MINUTES = 10
#: failed sends of one message before the worker gives up on it
MAX_TRIES = 5


class DeliveryFailed(Exception):
    """Building or sending a claimed message failed; nothing went out."""


@dataclass
class ReminderResult:
    reminders: int = 0
    escalations: int = 0
    skipped: int = 0  # claimed but nothing to send (deadline already past, no address)
    failed: int = 0  # the send failed; released for a later retry
    gave_up: int = 0  # the send failed MAX_TRIES times; the focal body is told


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
    try:
        to = recipients(obligation, stage)
    except Exception as err:
        raise DeliveryFailed(f"{type(err).__name__}: {err}"[:1000]) from err
    kind = ReportEvent.Kind.REMINDER if stage == REMINDER else ReportEvent.Kind.ESCALATION
    if not to:
        ReportEvent.objects.create(
            obligation=obligation, kind=kind, at=now, comment="no e-mail address on file"
        )
        return False
    try:
        subject, body = _message(obligation, stage, now)
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to, fail_silently=False)
    except Exception as err:  # SMTP refused, connection lost, a template broken …
        raise DeliveryFailed(f"{type(err).__name__}: {err}"[:1000]) from err
    ReportEvent.objects.create(
        obligation=obligation, kind=kind, at=now, comment=subject, recipients=", ".join(to)
    )
    if obligation.reminder_failures:
        Obligation.objects.filter(pk=obligation.pk).update(reminder_failures=0)
        obligation.reminder_failures = 0
    return True


def _as_claimed(obligation: Obligation, stage: int) -> Q:
    """The row exactly as :func:`claim` left it (nobody rescheduled or received it since)."""
    when = (
        Q(remind_after__isnull=True)
        if obligation.remind_after is None
        else Q(remind_after=obligation.remind_after)
    )
    return (
        Q(
            pk=obligation.pk,
            state=Obligation.State.PENDING,
            reminder_stage=stage,
            reminder_failures=obligation.reminder_failures,
        )
        & when
    )


def release(obligation: Obligation, stage: int, now: dt.datetime, error: str) -> bool:
    """Hand a failed claim back so a later pass retries it; True when the worker gives up.

    The UPDATE is conditional on the row being as the claim left it: if the report arrived or
    the plan was re-published meanwhile, the new schedule stands and nothing is undone.
    Either way the failure is recorded with its error.
    """
    failures = obligation.reminder_failures + 1
    max_tries = max(1, _setting("TRIENKHAI_REMINDER_MAX_TRIES", MAX_TRIES))
    kind = ReportEvent.Kind.REMINDER if stage == REMINDER else ReportEvent.Kind.ESCALATION
    label = ReportEvent.Kind(kind).label
    claimed = Obligation.objects.filter(_as_claimed(obligation, stage))
    if failures >= max_tries:
        # keep the claim: this message is abandoned, the next stage keeps its own time
        claimed.update(reminder_failures=0)
        obligation.reminder_failures = 0
        ReportEvent.objects.create(
            obligation=obligation,
            kind=ReportEvent.Kind.MAIL_GAVE_UP,
            at=now,
            comment=(
                f"{label}: không gửi được sau {failures} lần thử, đã ngừng gửi. Lỗi cuối: {error}"
            ),
        )
        return True
    minutes = _setting("TRIENKHAI_REMINDER_RETRY_MINUTES", RETRY_MINUTES) * 2 ** (failures - 1)
    retry_at = now + dt.timedelta(minutes=minutes)
    if claimed.update(reminder_stage=stage - 1, remind_after=retry_at, reminder_failures=failures):
        obligation.reminder_stage = stage - 1
        obligation.remind_after = retry_at
        obligation.reminder_failures = failures
        retry = timezone.localtime(retry_at).strftime("%d/%m/%Y %H:%M")
        note = f"lần thử {failures}/{max_tries}, sẽ thử lại lúc {retry}"
    else:
        note = f"lần thử {failures}/{max_tries}; lịch nhắc đã thay đổi, không thử lại"
    ReportEvent.objects.create(
        obligation=obligation,
        kind=ReportEvent.Kind.MAIL_FAILED,
        at=now,
        comment=f"{label}: {note}. Lỗi: {error}",
    )
    return False


def _setting(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


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
        except DeliveryFailed as err:  # released for a retry; the other reminders go on
            log.warning("sending reminder for obligation %s failed: %s", obligation.pk, err)
            if release(obligation, stage, now, str(err)):
                result.gave_up += 1
            else:
                result.failed += 1
            continue
        except Exception:  # recording after a successful send failed: do not resend
            log.exception("recording the reminder for obligation %s failed", obligation.pk)
            sent = False
        if not sent:
            result.skipped += 1
        elif stage == REMINDER:
            result.reminders += 1
        else:
            result.escalations += 1
    return result
