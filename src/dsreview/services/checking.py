"""The check job's three steps: prepare (one transaction), run the engine (none), record (one).

The engine (`services.check.check_files`) parses every file in its own resource-limited child
processes; a bad file becomes a finding in the report, never an exception here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from dsreview.config import Settings
from dsreview.domain import Report
from dsreview.extractors.reading import ProgressCallback
from dsreview.services import admission, audit, clock
from dsreview.services.business_status import lookup, provider_for
from dsreview.services.check import check_files
from dsreview.services.corrections import Correction, overlay
from dsreview.store import BlobStore
from dsreview.store.models import ApplicationStatus, utcnow
from dsreview.store.repositories import ApplicationRepository, OrganisationRepository, SanctionsRepository
from dsreview.validators.identity import Applicant

S = ApplicationStatus


@dataclass(frozen=True, slots=True)
class CheckInput:
    application_id: int
    generation: int
    files: list[tuple[str, str]]  # (sha256, name as uploaded)
    application_date: date | None  # the reference date: the day the bundle was received
    sanctions_sha256: str | None
    corrections: list[Correction] = field(default_factory=list)
    applicant: Applicant | None = None
    rehabilitation: str = ""


def begin(session: Session, *, application_id: int, generation: int) -> CheckInput | None:
    """Mark the application `processing`; None when this generation was superseded or is done."""
    repo = ApplicationRepository(session)
    application = repo.get_for_update(application_id)
    if application is None or application.check_generation != generation:
        return None
    if application.checked_generation >= generation:
        return None
    if application.status not in (S.received, S.processing, S.failed):
        return None
    application.status = S.processing
    files = [(f.sha256, f.name) for f in repo.active_files(application_id)]
    sanctions = SanctionsRepository(session).latest()
    corrections = [
        Correction(document_type=c.document_type, index=c.document_index, field=c.field, value=c.new_value)
        for c in repo.corrections(application_id)
    ]
    organisation = OrganisationRepository(session).get(application.organisation_id)
    return CheckInput(
        application_id=application_id,
        generation=generation,
        files=files,
        application_date=application.received_on
        or application.requested_date
        or application.created_at.date(),
        sanctions_sha256=sanctions.sha256 if sanctions else None,
        corrections=corrections,
        applicant=Applicant(brn=organisation.brn, name=organisation.name) if organisation else None,
        rehabilitation=application.rehabilitation,
    )


def run(
    check: CheckInput, *, settings: Settings, blobs: BlobStore, progress: ProgressCallback | None = None
) -> Report:
    """The engine's report on the stored files, judged on the receipt date, with staff's
    corrections, the applying account's company and the business status from 국세청 (when set up)."""
    names = [name for _, name in check.files]
    today = clock.today(settings)
    corrections = check.corrections
    with blobs.materialise(check.files) as paths:
        return check_files(
            paths,
            settings=settings,
            application_date=check.application_date,
            sanctions_csv=blobs.path(check.sanctions_sha256) if check.sanctions_sha256 else None,
            names=names,
            progress=progress,
            today=today,
            adjust=(lambda documents: overlay(documents, corrections)) if corrections else None,
            applicant=check.applicant,
            business_status=lookup(provider_for(settings)),
            rehabilitation=check.rehabilitation,
        )


def _summary(report: Report) -> dict[str, Any]:
    form = next((d for d in report.documents if d.type == "application_form"), None)
    fields = form.fields if form else {}
    return {
        "company_name": fields.get("company_name") or "",
        "service_name": fields.get("service_name") or "",
    }


def record(session: Session, *, check: CheckInput, report: Report) -> bool:
    """Store the report unless a newer generation started meanwhile. True when it was stored."""
    application = ApplicationRepository(session).get_for_update(check.application_id)
    if application is None or application.check_generation != check.generation:
        return False
    summary = _summary(report)
    application.report = report.to_json_dict()
    application.complete = report.complete
    application.application_date = report.application_date
    application.company_name = str(summary["company_name"])[:200]
    application.service_name = str(summary["service_name"])[:200]
    application.checked_generation = check.generation
    application.checked_at = utcnow()
    application.status = S.checked
    application.failure = None
    admission.admit(session, application=application, report=report)
    audit.record(
        session,
        actor=None,
        action="application.checked",
        subject_type="application",
        subject_id=application.id,
        data={
            "generation": check.generation,
            "complete": report.complete,
            "criteria": {k: v.value for k, v in report.criteria.items()},
            "findings": sorted({f.key() for f in report.findings}),
        },
        files=[sha for sha, _ in check.files] + ([check.sanctions_sha256] if check.sanctions_sha256 else []),
    )
    return True


def fail(session: Session, *, application_id: int, generation: int, message: str) -> None:
    """The check could not run at all (not a bad file: that is a finding). Staff can re-run it."""
    application = ApplicationRepository(session).get_for_update(application_id)
    if application is None or application.check_generation != generation:
        return
    application.status = S.failed
    application.failure = message[:2000]
    audit.record(
        session,
        actor=None,
        action="application.check_failed",
        subject_type="application",
        subject_id=application_id,
        data={"generation": generation, "error": message[:500]},
    )
