"""The sanctions list (부정당업자 제재 목록) staff upload; the newest one is used by every check."""

from __future__ import annotations

from sqlalchemy.orm import Session

from dsreview.config import Settings
from dsreview.errors import DataValidationError, NotFoundError
from dsreview.services import audit
from dsreview.services.actors import Actor, require_role
from dsreview.services.intake import IncomingFile, request_recheck
from dsreview.store import BlobStore, safe_name
from dsreview.store.models import ApplicationStatus, SanctionsList
from dsreview.store.models import Role as R
from dsreview.store.repositories import ApplicationRepository, SanctionsRepository
from dsreview.validators.sanctions import parse_sanctions

# Applications whose verdict a new list can change without disturbing a review in progress.
RECHECK_STATES = (ApplicationStatus.checked,)


def _text(raw: bytes) -> str:
    """Excel in Korea saves CSV as CP949; the engine reads UTF-8, so the list is stored as UTF-8."""
    for encoding in ("utf-8-sig", "cp949"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DataValidationError("CSV 파일의 문자 인코딩을 알 수 없습니다 (UTF-8 또는 CP949).", pointer="/file")


def upload(
    session: Session,
    *,
    actor: Actor,
    settings: Settings,
    blobs: BlobStore,
    file: IncomingFile,
    recheck: bool = False,
) -> tuple[SanctionsList, int]:
    """Store a new list; with `recheck`, checked applications are checked again against it."""
    require_role(actor, R.staff)
    raw = file.stream.read(settings.limits.max_file_bytes + 1)
    if len(raw) > settings.limits.max_file_bytes:
        raise DataValidationError("제재 목록 파일이 너무 큽니다.", pointer="/file")
    text = _text(raw)
    rows = len(parse_sanctions(text, source=safe_name(file.name)))
    original = blobs.put_bytes(raw)
    blob = blobs.put_bytes(text.lstrip("\ufeff").encode("utf-8"))
    entry = SanctionsRepository(session).add(
        SanctionsList(
            sha256=blob.sha256, name=safe_name(file.name), row_count=rows, uploaded_by=actor.user_id
        )
    )
    audit.record(
        session,
        actor=actor,
        action="sanctions.uploaded",
        subject_type="sanctions_list",
        subject_id=entry.id,
        data={"rows": rows, "name": entry.name, "recheck": recheck, "original_sha256": original.sha256},
        files=[blob.sha256, original.sha256],
    )
    count = 0
    if recheck:
        for application in ApplicationRepository(session).with_status(list(RECHECK_STATES)):
            request_recheck(session, actor=actor, application=application, reason="sanctions_updated")
            count += 1
    return entry, count


def latest(session: Session, *, actor: Actor) -> SanctionsList:
    require_role(actor, R.staff)
    entry = SanctionsRepository(session).latest()
    if entry is None:
        raise NotFoundError("등록된 제재 목록이 없습니다.")
    return entry
