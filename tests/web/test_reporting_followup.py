"""Completeness and timeliness arithmetic, overdue lists, reminders sent exactly once,
and the reminder letter."""

from __future__ import annotations

import datetime as dt
import io
import smtplib
import threading

import pytest
from django.core import mail
from django.core.mail.backends import locmem
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse

from trienkhai.web.reporting import followup, reminders
from trienkhai.web.reporting.followup import Rate
from trienkhai.web.reporting.models import Obligation, ReportEvent

from .reporting_helpers import department_obligation

pytestmark = pytest.mark.django_db


def test_rate_arithmetic() -> None:
    rate = Rate(expected=8, received=6, on_time=3)
    assert (rate.completeness, rate.timeliness, rate.missing) == (0.75, 0.375, 2)
    assert Rate(0, 0, 0).completeness is None and Rate(0, 0, 0).timeliness is None
    assert Rate(1, 1, 0) + Rate(3, 1, 1) == Rate(4, 2, 1)


def test_completeness_and_timeliness_by_unit_and_period(cast) -> None:
    department_obligation(cast)  # department 4 quarters of 2025, district (abolished 30/06) 2
    obs = Obligation.objects.all()
    dept = {o.period.index: o for o in obs.filter(unit=cast.department)}
    dept[1].mark_received(dept[1].due_at - dt.timedelta(days=2))  # on time
    dept[2].mark_received(dept[2].due_at + dt.timedelta(days=1))  # late
    dept[4].mark_received(dept[4].due_at - dt.timedelta(days=30))  # early, not yet due
    as_of = dept[3].due_at + dt.timedelta(hours=1)  # Q1–Q3 due, Q4 not
    by_unit = followup.rates_by(obs, ("unit_id",), as_of)
    assert by_unit[(cast.department.pk,)] == Rate(expected=4, received=3, on_time=2)
    assert by_unit[(cast.district_committee.pk,)] == Rate(expected=2, received=0, on_time=0)
    by_period = followup.rates_by(obs, ("period_id",), as_of)
    assert by_period[(dept[2].period_id,)] == Rate(2, 1, 0)
    assert followup.overall(obs, as_of) == Rate(6, 3, 2)
    late = list(followup.overdue(obs, as_of))
    assert [(o.unit_id, o.period.index) for o in late] == [
        (cast.district_committee.pk, 1),
        (cast.district_committee.pk, 2),
        (cast.department.pk, 3),
    ]
    # a cancelled obligation is never expected
    Obligation.objects.filter(pk=dept[3].pk).update(state="cancelled")
    assert followup.overall(obs, as_of) == Rate(5, 3, 2)


def test_reminder_before_then_escalation_after_then_silence(cast, settings) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    ob = department_obligation(cast)
    Obligation.objects.exclude(pk=ob.pk).update(remind_after=None)
    before = ob.due_at - dt.timedelta(days=4)
    assert reminders.send_due(before).reminders == 1
    assert mail.outbox[0].to == ["head@example.test", "reporter@example.test"]
    assert "Quý I/2025" in mail.outbox[0].subject
    assert reminders.send_due(before).reminders == 0  # nothing twice
    after = ob.due_at + dt.timedelta(days=4)
    assert reminders.send_due(after).escalations == 1
    assert set(mail.outbox[1].to) == {"head@example.test", "officer@example.test"}
    assert reminders.send_due(after + dt.timedelta(days=30)).escalations == 0
    kinds = list(ReportEvent.objects.filter(obligation=ob).values_list("kind", flat=True))
    assert kinds == ["reminder", "escalation"]


def test_received_reports_get_no_reminder(cast, settings) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    ob = department_obligation(cast)
    Obligation.objects.exclude(pk=ob.pk).update(remind_after=None)
    ob.mark_received(ob.due_at - dt.timedelta(days=10))
    assert reminders.send_due(ob.due_at + dt.timedelta(days=10)).escalations == 0
    assert mail.outbox == []


def test_two_workers_claim_each_reminder_once(cast) -> None:
    ob = department_obligation(cast)
    now = ob.due_at - dt.timedelta(days=4)
    first = Obligation.objects.get(pk=ob.pk)
    second = Obligation.objects.get(pk=ob.pk)  # a second worker read the same row
    assert reminders.claim(first, now) == 1
    assert reminders.claim(second, now) is None


@pytest.mark.django_db(transaction=True)
def test_concurrent_workers_send_one_message(cast, settings) -> None:
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers; the race is exercised on PostgreSQL")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    ob = department_obligation(cast)
    Obligation.objects.exclude(pk=ob.pk).update(remind_after=None)
    now = ob.due_at - dt.timedelta(days=4)
    results = []

    def worker() -> None:
        results.append(reminders.send_due(now).reminders)
        connection.close()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(results) == 1
    assert ReportEvent.objects.filter(obligation=ob, kind="reminder").count() == 1


def test_send_reminders_command(cast, settings, capsys) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    department_obligation(cast)
    call_command("send_reminders")
    out = capsys.readouterr().out
    assert "reminder(s)" in out and "escalation(s)" in out


def test_reminder_letter_for_late_units(cast) -> None:
    from docx import Document

    ob = department_obligation(cast)
    client = Client()
    client.force_login(cast.officer)
    url = reverse("reporting:letter") + f"?plan={ob.plan_id}&period={ob.period_id}"
    response = client.get(url)
    assert response.status_code == 200
    word = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in word.paragraphs)
    cells = " ".join(c.text for t in word.tables for row in t.rows for c in row.cells)
    assert "V/v đôn đốc báo cáo kết quả thực hiện kỳ Quý I/2025" in cells
    assert "Kính gửi" in text and "chưa gửi báo cáo" in text
    assert "Sở Nội vụ tỉnh Mẫu" in cells and "Ủy ban nhân dân huyện Mẫu Sơn" in cells
    assert ReportEvent.objects.filter(kind="letter").count() == 2
    viewer = Client()
    viewer.force_login(cast.viewer)
    assert viewer.get(url).status_code == 403
    outsider = Client()
    outsider.force_login(cast.outsider)
    assert outsider.get(url).status_code == 302  # nothing of theirs is late: back to the list


def test_escalation_reaches_the_officers_serving_the_recipient(cast) -> None:
    from trienkhai.web.reporting.reminders import ESCALATION, recipients

    ob = department_obligation(cast)
    ob.via = None  # addressed to the Tỉnh ủy itself, whose Ban Dân vận follows up
    assert recipients(ob, ESCALATION) == ["head@example.test", "officer@example.test"]


class FlakySMTPBackend(locmem.EmailBackend):
    """The in-memory outbox behind a mail server that refuses the next ``failures`` sends."""

    failures = 0

    def send_messages(self, messages):  # type: ignore[no-untyped-def]
        if FlakySMTPBackend.failures > 0:
            FlakySMTPBackend.failures -= 1
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)


FLAKY = f"{__name__}.FlakySMTPBackend"


def test_failed_send_is_released_and_retried_with_backoff(cast, settings) -> None:
    settings.EMAIL_BACKEND = FLAKY
    settings.TRIENKHAI_REMINDER_RETRY_MINUTES = 10
    FlakySMTPBackend.failures = 2
    ob = department_obligation(cast)
    Obligation.objects.exclude(pk=ob.pk).update(remind_after=None)
    now = ob.due_at - dt.timedelta(days=4)

    first = reminders.send_due(now)
    assert (first.reminders, first.failed) == (0, 1)
    ob.refresh_from_db()
    # the claim was handed back: same stage, retried in 10 minutes
    assert (ob.reminder_stage, ob.reminder_failures) == (0, 1)
    assert ob.remind_after == now + dt.timedelta(minutes=10)
    failed = ReportEvent.objects.get(obligation=ob, kind="mail_failed")
    assert "SMTPServerDisconnected" in failed.comment and "1/5" in failed.comment

    assert reminders.send_due(now + dt.timedelta(minutes=5)).failed == 0  # backing off
    assert reminders.send_due(now + dt.timedelta(minutes=10)).failed == 1
    ob.refresh_from_db()
    assert ob.remind_after == now + dt.timedelta(minutes=30)  # doubled

    done = reminders.send_due(now + dt.timedelta(minutes=30))
    assert (done.reminders, done.failed) == (1, 0)
    assert len(mail.outbox) == 1
    ob.refresh_from_db()
    assert (ob.reminder_stage, ob.reminder_failures) == (1, 0)
    assert ob.remind_after == ob.next_reminder_at()  # the escalation keeps its own time
    kinds = list(
        ReportEvent.objects.filter(obligation=ob).order_by("id").values_list("kind", flat=True)
    )
    assert kinds == ["mail_failed", "mail_failed", "reminder"]


def test_worker_gives_up_and_tells_the_focal_body(cast, settings) -> None:
    settings.EMAIL_BACKEND = FLAKY
    settings.TRIENKHAI_REMINDER_MAX_TRIES = 2
    FlakySMTPBackend.failures = 100
    ob = department_obligation(cast)
    Obligation.objects.exclude(pk=ob.pk).update(remind_after=None)
    now = ob.due_at - dt.timedelta(days=4)
    assert reminders.send_due(now).failed == 1
    assert reminders.send_due(now + dt.timedelta(minutes=10)).gave_up == 1
    ob.refresh_from_db()
    # this reminder is abandoned, the escalation is still to come at its time
    assert (ob.reminder_stage, ob.reminder_failures) == (1, 0)
    assert ob.remind_after == ob.due_at + dt.timedelta(days=3)
    assert reminders.send_due(now + dt.timedelta(hours=5)).failed == 0  # no endless retries
    gave_up = ReportEvent.objects.get(obligation=ob, kind="mail_gave_up")
    assert "2 lần" in gave_up.comment and "SMTPServerDisconnected" in gave_up.comment

    client = Client()
    client.force_login(cast.officer)
    page = client.get(reverse("reporting:followup")).content.decode()
    assert 'id="mail-gave-up"' in page and cast.department.name in page
    timeline = client.get(reverse("reporting:obligation", args=[ob.pk])).content.decode()
    assert "Ngừng gửi thư nhắc sau nhiều lần lỗi" in timeline


def test_a_report_received_meanwhile_is_not_rescheduled_by_a_failure(cast, settings) -> None:
    settings.EMAIL_BACKEND = FLAKY
    FlakySMTPBackend.failures = 1
    ob = department_obligation(cast)
    now = ob.due_at - dt.timedelta(days=4)
    stage = reminders.claim(ob, now)
    Obligation.objects.get(pk=ob.pk).mark_received(now)  # the unit sent it while we mailed
    with pytest.raises(reminders.DeliveryFailed):
        reminders.send_one(ob, stage, now)
    assert reminders.release(ob, stage, now, "SMTPServerDisconnected") is False
    ob.refresh_from_db()
    assert (ob.state, ob.remind_after) == ("received", None)
    assert "không thử lại" in ReportEvent.objects.get(obligation=ob, kind="mail_failed").comment


def test_a_failed_escalation_is_retried_then_given_up(cast, settings) -> None:
    settings.EMAIL_BACKEND = FLAKY
    settings.TRIENKHAI_REMINDER_MAX_TRIES = 2
    FlakySMTPBackend.failures = 100
    ob = department_obligation(cast)
    Obligation.objects.exclude(pk=ob.pk).update(remind_after=None)
    Obligation.objects.filter(pk=ob.pk).update(reminder_stage=1, remind_after=ob.due_at)
    late = ob.due_at + dt.timedelta(days=4)
    assert reminders.send_due(late).failed == 1
    ob.refresh_from_db()
    assert (ob.reminder_stage, ob.remind_after) == (1, late + dt.timedelta(minutes=10))
    assert reminders.send_due(late + dt.timedelta(minutes=10)).gave_up == 1
    ob.refresh_from_db()
    assert (ob.reminder_stage, ob.remind_after) == (2, None)  # nothing left to send
    assert "Đôn đốc quá hạn" in ReportEvent.objects.get(obligation=ob, kind="mail_gave_up").comment
    assert mail.outbox == []
