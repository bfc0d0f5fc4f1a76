"""Engine result → ``Plan`` + draft ``PlanVersion``, all or nothing.

The engine reads and extracts the file; this module only stores what it returns. A document
already in the registry (same content, or same issuer, number and date) is refused with the
existing plan named, unless the caller asks for a new version of that very plan.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from trienkhai.documents import extract_source, read_bytes
from trienkhai.documents.errors import DocumentError
from trienkhai.web.audit.log import record
from trienkhai.web.audit.models import Action
from trienkhai.web.orgs.models import Unit
from trienkhai.web.orgs.resolve import find_unit

from .errors import DuplicatePlan, FileTooLarge, UnreadableDocument
from .graph import attach_incoming, link_document
from .models import (
    Comparator,
    DocumentKind,
    DocumentLink,
    LinkRelation,
    Plan,
    PlanVersion,
    ReportingDuty,
    Target,
    Task,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ImportResult:
    plan: Plan
    version: PlanVersion
    created_plan: bool
    # The registry unit the document's printed issuer names, when it is not the unit chosen
    # as issuer: the page shows it as a warning (the officer may have picked the wrong unit).
    printed_issuer: Unit | None = None


def printed_issuer(extraction: dict[str, Any], near: Unit) -> Unit | None:
    """The unit the document names as its issuer, looked up from ``near``; ``None`` if unsure."""
    doc = extraction.get("document") or {}
    text = doc.get("issuer")
    if not isinstance(text, str) or not text.strip():
        return None
    return find_unit(text, near, parse_iso_date(doc.get("date")))


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def parse_iso_date(value: Any) -> dt.date | None:
    """An ISO date from the engine, or ``None`` for a blank or malformed one."""
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _kind(value: Any) -> str:
    return value if value in DocumentKind.values else DocumentKind.OTHER


def _read(data: bytes, name: str) -> tuple[dict[str, Any], str]:
    """Run the engine; every failure becomes a one-line refusal."""
    try:
        source = read_bytes(data, name)
        return extract_source(source), source.text
    except DocumentError as err:
        raise UnreadableDocument(
            _("Không đọc được tệp “%(name)s”: %(why)s") % {"name": name, "why": err.message}
        ) from err
    except Exception as err:  # an engine bug must not reach the user as a traceback
        log.exception("engine failed on %s", name)
        raise UnreadableDocument(
            _("Không trích xuất được nội dung tệp “%(name)s” (lỗi bộ đọc văn bản).")
            % {"name": name}
        ) from err


def check_size(size: int) -> None:
    limit = settings.TRIENKHAI_MAX_UPLOAD_MB
    if size > limit * 1024 * 1024:
        raise FileTooLarge(size, limit)


def find_duplicate(
    issuer: Unit, number: str | None, date: dt.date | None, digest: str
) -> Plan | None:
    """A plan holding the same file, or issued by the same body with the same number and date."""
    if digest:
        same_file = PlanVersion.objects.filter(content_hash=digest).select_related("plan").first()
        if same_file is not None:
            return same_file.plan
    if number and date:
        return Plan.objects.filter(issuing_unit=issuer, number__iexact=number, date=date).first()
    return None


def import_document(
    data: bytes,
    name: str,
    issuer: Unit,
    user: AbstractBaseUser | None = None,
    *,
    new_version_of: Plan | None = None,
) -> ImportResult:
    """Read ``data`` with the engine and store it as a draft version for review."""
    check_size(len(data))
    digest = content_hash(data)
    extraction, text = _read(data, name)
    return store_extraction(
        extraction,
        issuer,
        user,
        source_name=name,
        source_text=text,
        digest=digest,
        new_version_of=new_version_of,
    )


def store_extraction(
    extraction: dict[str, Any],
    issuer: Unit,
    user: AbstractBaseUser | None = None,
    *,
    source_name: str = "",
    source_text: str = "",
    digest: str = "",
    new_version_of: Plan | None = None,
) -> ImportResult:
    """Store an engine result (the contract's dict) as a plan's next draft version."""
    doc = extraction.get("document") or {}
    number = (doc.get("number") or "").strip()[:100] or None
    date = parse_iso_date(doc.get("date"))
    same_file = find_duplicate(issuer, None, None, digest)
    duplicate = same_file or find_duplicate(issuer, number, date, "")
    if duplicate is not None and (same_file is not None or duplicate != new_version_of):
        raise _duplicate(duplicate)
    try:
        return _store(
            extraction, issuer, user, number, date, source_name, source_text, digest, new_version_of
        )
    except IntegrityError as err:  # the same file sent twice at once: the database decides
        existing = find_duplicate(issuer, number, date, digest)
        if existing is None:
            raise
        raise _duplicate(existing) from err


def _duplicate(plan: Plan) -> DuplicatePlan:
    return DuplicatePlan(_("Văn bản này đã có trong hệ thống: %(plan)s.") % {"plan": plan}, plan)


def _store(
    extraction: dict[str, Any],
    issuer: Unit,
    user: Any,
    number: str | None,
    date: dt.date | None,
    source_name: str,
    source_text: str,
    digest: str,
    new_version_of: Plan | None,
) -> ImportResult:
    doc = extraction.get("document") or {}
    with transaction.atomic():
        plan, created = new_version_of, False
        if plan is None:
            plan = Plan.objects.create(
                issuing_unit=issuer,
                kind=_kind(doc.get("kind")),
                number=number or "",
                date=date,
                title=(doc.get("title") or "").strip(),
                created_by=user,
            )
            created = True
        last = plan.versions.order_by("-number").first()
        version = PlanVersion.objects.create(
            plan=plan,
            number=(last.number + 1) if last else 1,
            extraction=extraction,
            source_name=source_name[:255],
            source_text=source_text,
            content_hash=digest,
            created_by=user,
        )
        fill_version(version, extraction)
        if created:
            store_links(plan, extraction)
            attach_incoming(plan)
        record(
            Action.IMPORT,
            version,
            actor=user,
            note=source_name,
            changes={"tasks": version.tasks.count(), "targets": version.targets.count()},
        )
    named = printed_issuer(extraction, issuer)
    return ImportResult(
        plan=plan,
        version=version,
        created_plan=created,
        printed_issuer=named if named is not None and named != issuer else None,
    )


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, list):
        return [str(v).strip() for v in value if v and str(v).strip()]
    return []


def _decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value)) if value is not None and not isinstance(value, bool) else None
    except InvalidOperation:
        return None


def fill_version(version: PlanVersion, extraction: dict[str, Any]) -> None:
    """Create the version's tasks, targets and reporting duties from an engine result."""
    tasks = []
    for order, item in enumerate(extraction.get("tasks") or [], start=1):
        if not isinstance(item, dict) or not (item.get("text") or "").strip():
            continue
        line = item.get("line")
        tasks.append(
            Task(
                version=version,
                order=order,
                section=str(item.get("section") or "")[:64],
                text=item["text"].strip(),
                group=str(item.get("group") or "")[:32],
                due_text=str(item.get("due") or "")[:255],
                output=str(item.get("output") or ""),
                line=line if isinstance(line, int) and line >= 0 else None,
                lead=_texts(item.get("lead")),
                support=_texts(item.get("support")),
                requested=_texts(item.get("requested")),
            )
        )
    Task.objects.bulk_create(tasks)
    targets = []
    for order, item in enumerate(extraction.get("targets") or [], start=1):
        if not isinstance(item, dict):
            continue
        comparator = item.get("comparator")
        raw = item.get("value")
        low, high = (raw[0], raw[1]) if isinstance(raw, list) and len(raw) == 2 else (raw, None)
        value = _decimal(low)
        if comparator not in Comparator.values or value is None:
            continue
        year = item.get("year")
        targets.append(
            Target(
                version=version,
                order=order,
                text=str(item.get("text") or "").strip(),
                comparator=comparator,
                value=value,
                value_high=_decimal(high),
                unit=str(item.get("unit") or "")[:100],
                year=year if isinstance(year, int) and 1900 < year < 2200 else None,
            )
        )
    Target.objects.bulk_create(targets)
    duties = []
    for order, item in enumerate(extraction.get("reporting") or [], start=1):
        if not isinstance(item, dict):
            continue
        deadline = item.get("deadline")
        deadlines = [deadline] if isinstance(deadline, str) else _texts(deadline)
        duties.append(
            ReportingDuty(
                version=version,
                order=order,
                frequencies=[f for f in _texts(item.get("frequency")) if f],
                deadlines=deadlines,
                reporter_text=str(item.get("reporter") or "")[:500],
                recipient_text=str(item.get("recipient") or "")[:500],
                via_text=str(item.get("via") or "")[:500],
            )
        )
    ReportingDuty.objects.bulk_create(duties)


def store_links(plan: Plan, extraction: dict[str, Any]) -> None:
    """The plan's links to what it implements and cites, each resolved when known."""
    seen: set[tuple[str, str, str]] = set()
    rows = [(LinkRelation.IMPLEMENTS, i) for i in extraction.get("implements") or []]
    rows += [(LinkRelation.CITES, c) for c in extraction.get("citations") or []]
    for relation, item in rows:
        if not isinstance(item, dict) or not item.get("number"):
            continue
        key = (relation, str(item["number"]).casefold(), str(item.get("date")))
        if key in seen:
            continue
        seen.add(key)
        link = DocumentLink.objects.create(
            plan=plan,
            relation=relation,
            kind=_kind(item.get("kind")),
            number=str(item["number"])[:100],
            date=parse_iso_date(item.get("date")),
            issuer_text=str(item.get("issuer") or "")[:255],
        )
        link_document(link)
