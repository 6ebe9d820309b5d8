"""Intake: vendors submit bundles and re-upload documents; everyone sees only what is theirs.

The check itself runs in a job (`dsreview.services.checking`); these functions store the files
durably, record the application and ask for the job.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO

from sqlalchemy.orm import Session

from dsreview.config import Settings
from dsreview.errors import ConflictError, NotFoundError, PayloadTooLargeError, UsageError
from dsreview.services import audit, clock, upload_limits, work
from dsreview.services.actors import Actor, require_role
from dsreview.store import BlobStore, safe_name
from dsreview.store.models import (
    Application,
    ApplicationFile,
    ApplicationStatus,
    Job,
    Role,
    Round,
    RoundStatus,
    User,
    utcnow,
)
from dsreview.store.repositories import (
    ApplicationRepository,
    AssignmentRepository,
    JobRepository,
    RoundRepository,
    UserRepository,
)

S = ApplicationStatus
# While the documents are still being checked or completed, a vendor may replace one.
REUPLOAD_STATES = (S.received, S.processing, S.checked, S.failed, S.supplement_requested)
# Before the review starts, a vendor may withdraw its application.
WITHDRAWABLE = (*REUPLOAD_STATES, S.refused)


@dataclass(frozen=True, slots=True)
class IncomingFile:
    """An uploaded file as any front end hands it over: its name as sent and a readable stream."""

    name: str
    stream: BinaryIO


def _round_for(session: Session, round_id: int | None) -> Round:
    rounds = RoundRepository(session)
    if round_id is None:
        current = rounds.current_open()
        if current is None:
            raise ConflictError("현재 접수 중인 심사 차수가 없습니다. 담당자에게 문의해 주십시오.")
        return current
    found = rounds.get(round_id)
    if found is None:
        raise NotFoundError("심사 차수를 찾을 수 없습니다.", detail={"round_id": round_id})
    if found.status != RoundStatus.open:
        raise ConflictError(
            "접수가 마감된 심사 차수입니다. 접수 중인 차수에 신청해 주십시오.",
            detail={"round_id": round_id, "round_status": found.status},
        )
    return found


def _store_files(
    blobs: BlobStore, files: Sequence[IncomingFile], *, settings: Settings
) -> list[tuple[IncomingFile, str, int]]:
    budget = settings.limits.max_upload_bytes
    stored: list[tuple[IncomingFile, str, int]] = []
    for incoming in files:
        if budget < 0:
            raise PayloadTooLargeError("업로드 크기 제한을 넘었습니다.", detail={"max_bytes": budget})
        limit = min(budget, settings.limits.max_file_bytes)
        try:
            blob = blobs.put_stream(incoming.stream, max_bytes=limit)
        except PayloadTooLargeError:
            if limit == settings.limits.max_file_bytes:
                raise upload_limits.too_large(incoming, limit) from None
            raise
        budget -= blob.size
        stored.append((incoming, blob.sha256, blob.size))
    return stored


def submit_application(
    session: Session,
    *,
    actor: Actor,
    settings: Settings,
    blobs: BlobStore,
    files: Sequence[IncomingFile],
    round_id: int | None = None,
    received_on: date | None = None,
) -> Application:
    """A new application in `received` with its files stored, and its check job requested.

    The documents are judged on the day the bundle is received (today in the service's calendar);
    `received_on` is for history loaded by the demo, never something a front end passes on.
    """
    require_role(actor, Role.vendor)
    if actor.organisation_id is None:
        raise ConflictError("계정에 소속 기업이 없습니다.")
    if not files:
        raise UsageError("제출할 파일을 하나 이상 첨부해 주십시오.", detail={"field": "files"})
    if len(files) > settings.limits.max_files_per_bundle:
        raise UsageError(
            f"한 번에 제출할 수 있는 파일은 {settings.limits.max_files_per_bundle}개까지입니다.",
            detail={"field": "files", "max_files": settings.limits.max_files_per_bundle},
        )
    clock.plausible(received_on, "/received_on")
    target_round = _round_for(session, round_id)
    upload_limits.check_sizes(session, files, settings=settings, organisation_id=actor.organisation_id)
    stored = _store_files(blobs, files, settings=settings)
    repo = ApplicationRepository(session)
    application = repo.add(
        Application(
            round_id=target_round.id,
            organisation_id=actor.organisation_id,
            submitted_by=actor.user_id,
            status=S.received,
            received_on=received_on or clock.today(settings),
            check_generation=1,
        )
    )
    application.number = f"DS-{application.created_at.year}-{application.id:05d}"
    add_files(
        session,
        application=application,
        files=[(sha, safe_name(incoming.name), size) for incoming, sha, size in stored],
        actor=actor,
    )
    audit.record(
        session,
        actor=actor,
        action="application.submitted",
        subject_type="application",
        subject_id=application.id,
        data={"number": application.number, "round_id": target_round.id, "files": len(stored)},
        files=[sha for _, sha, _ in stored],
    )
    return application


def add_files(
    session: Session, *, application: Application, files: Sequence[tuple[str, str, int]], actor: Actor
) -> None:
    """A new application's files (sha256, name, size) in order, and its first check requested."""
    for position, (sha, name, size) in enumerate(files):
        session.add(
            ApplicationFile(
                application_id=application.id,
                sha256=sha,
                name=name,
                size=size,
                position=position,
                uploaded_by=actor.user_id,
            )
        )
    session.flush()
    work.request_job(session, kind=work.CHECK, subject_id=application.id, generation=1, actor=actor)


def visible_application(session: Session, *, actor: Actor, application_id: int) -> Application:
    """The application if this actor may see it; otherwise 'not found', never a hint it exists."""
    application = ApplicationRepository(session).get(application_id)
    if application is not None and _may_see(session, actor, application):
        return application
    raise NotFoundError("신청을 찾을 수 없습니다.", detail={"application_id": application_id})


def _may_see(session: Session, actor: Actor, application: Application) -> bool:
    if actor.role is Role.staff:
        return True
    if actor.role is Role.vendor:
        return application.organisation_id == actor.organisation_id
    if actor.role is Role.reviewer:
        return AssignmentRepository(session).is_assigned(application.id, actor.user_id)
    return False


def list_applications(
    session: Session,
    *,
    actor: Actor,
    status: str | None = None,
    round_id: int | None = None,
    limit: int = 100,
    offset: int = 0,
) -> Sequence[Application]:
    require_role(actor, Role.vendor, Role.staff, Role.reviewer)
    scope: dict[str, int | None] = {}
    if actor.role is Role.vendor:
        scope["organisation_id"] = actor.organisation_id if actor.organisation_id is not None else -1
    elif actor.role is Role.reviewer:
        scope["reviewer_id"] = actor.user_id
    return ApplicationRepository(session).search(
        status=status, round_id=round_id, limit=limit, offset=offset, **scope
    )


def request_recheck(
    session: Session, *, actor: Actor | None, application: Application, reason: str
) -> Application:
    """Start a new check generation; an older check still running will be ignored when it ends."""
    application.check_generation += 1
    application.status = S.received
    application.failure = None
    work.request_job(
        session,
        kind=work.CHECK,
        subject_id=application.id,
        generation=application.check_generation,
        actor=actor,
    )
    audit.record(
        session,
        actor=actor,
        action="application.recheck_requested",
        subject_type="application",
        subject_id=application.id,
        data={"generation": application.check_generation, "reason": reason},
    )
    return application


def replace_document(
    session: Session,
    *,
    actor: Actor,
    settings: Settings,
    blobs: BlobStore,
    application_id: int,
    file: IncomingFile,
    replaces_file_id: int | None = None,
) -> Application:
    """Re-upload one document (replacing a file, or adding one) and check the bundle again."""
    require_role(actor, Role.vendor)
    application = visible_application(session, actor=actor, application_id=application_id)
    if application.status not in REUPLOAD_STATES:
        raise ConflictError(
            "심사가 진행 중이어서 서류를 바꿀 수 없습니다.", detail={"status": application.status}
        )
    repo = ApplicationRepository(session)
    replaced = None
    if replaces_file_id is not None:
        replaced = repo.file(application.id, replaces_file_id)
        if replaced is None or not replaced.active:
            raise NotFoundError("바꿀 파일을 찾을 수 없습니다.", detail={"file_id": replaces_file_id})
    upload_limits.check_sizes(session, [file], settings=settings, organisation_id=application.organisation_id)
    (incoming, sha, size), *_ = _store_files(blobs, [file], settings=settings)
    active = repo.active_files(application.id)
    if replaced is None and len(active) >= settings.limits.max_files_per_bundle:
        raise UsageError("제출 파일 수 제한을 넘었습니다.", detail={"field": "file"})
    position = (
        replaced.position if replaced is not None else max((f.position for f in active), default=-1) + 1
    )
    if replaced is not None:
        repo.deactivate_file(replaced.id)
    new = ApplicationFile(
        application_id=application.id,
        sha256=sha,
        name=safe_name(incoming.name),
        size=size,
        position=position,
        replaces_id=replaced.id if replaced is not None else None,
        uploaded_by=actor.user_id,
    )
    session.add(new)
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="application.document_replaced" if replaced else "application.document_added",
        subject_type="application",
        subject_id=application.id,
        data={"file_id": new.id, "replaces_file_id": replaced.id if replaced else None, "name": new.name},
        files=[sha] + ([replaced.sha256] if replaced else []),
    )
    session.refresh(application)
    return request_recheck(session, actor=actor, application=application, reason="document_replaced")


def recheck(session: Session, *, actor: Actor, application_id: int) -> Application:
    """Staff run the check again (after a failure, a new sanctions list, a policy change)."""
    require_role(actor, Role.staff)
    application = visible_application(session, actor=actor, application_id=application_id)
    if application.status not in REUPLOAD_STATES:
        raise ConflictError(
            "심사 단계의 신청은 다시 확인할 수 없습니다.", detail={"status": application.status}
        )
    return request_recheck(session, actor=actor, application=application, reason="staff_request")


def withdraw(session: Session, *, actor: Actor, application_id: int, reason: str = "") -> Application:
    """The vendor withdraws its application before the review starts; a running check is ignored."""
    require_role(actor, Role.vendor)
    application = visible_application(session, actor=actor, application_id=application_id)
    if application.status not in WITHDRAWABLE:
        raise ConflictError(
            "검토가 시작된 신청은 철회할 수 없습니다. 담당자에게 문의해 주십시오.",
            detail={"status": application.status},
        )
    application.check_generation += 1  # a check still running records nothing
    application.status = S.withdrawn
    application.withdrawn_at = utcnow()
    audit.record(
        session,
        actor=actor,
        action="application.withdrawn",
        subject_type="application",
        subject_id=application.id,
        data={"number": application.number, "reason": reason.strip()[:2000]},
    )
    return application


def record_rehabilitation(session: Session, *, actor: Actor, application_id: int, note: str) -> Application:
    """Staff record that a court approved the applicant's rehabilitation; the bundle is checked again."""
    require_role(actor, Role.staff)
    application = visible_application(session, actor=actor, application_id=application_id)
    if application.status not in REUPLOAD_STATES:
        raise ConflictError(
            "심사 단계의 신청은 다시 확인할 수 없습니다.", detail={"status": application.status}
        )
    application.rehabilitation = note.strip()[:2000]
    return request_recheck(session, actor=actor, application=application, reason="rehabilitation")


def submitter(session: Session, *, actor: Actor, application: Application) -> User | None:
    """The account that submitted the application, for staff (vendors know it is theirs)."""
    if actor.role is not Role.staff or application.submitted_by is None:
        return None
    return UserRepository(session).get(application.submitted_by)


def latest_check_job(session: Session, *, application: Application) -> Job | None:
    return JobRepository(session).latest_for(work.CHECK, application.id)


def original_file(session: Session, *, actor: Actor, application_id: int, file_id: int) -> ApplicationFile:
    """A file of the bundle as uploaded, for those who may see the application."""
    application = visible_application(session, actor=actor, application_id=application_id)
    found = ApplicationRepository(session).file(application.id, file_id)
    if found is None:
        raise NotFoundError("파일을 찾을 수 없습니다.", detail={"file_id": file_id})
    return found
