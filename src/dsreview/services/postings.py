"""Removal from the catalogue and the public nonconformance posting (부적합 게시), up for at least the
policy's minimum days (DOMAIN §7: not extended by holidays)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy.orm import Session

from dsreview.config import Settings
from dsreview.errors import DataValidationError
from dsreview.forms import load_policy
from dsreview.services import audit, clock, documents
from dsreview.services.actors import Actor
from dsreview.store import BlobStore
from dsreview.store.models import Posting, Service
from dsreview.store.repositories import PostingRepository
from dsreview.validators import periods


def remove_and_post(
    session: Session,
    *,
    actor: Actor | None,
    settings: Settings,
    blobs: BlobStore,
    service: Service,
    reason: str,
    decision_date: date,
    start: date | None = None,
    end: date | None = None,
    quality_check_id: int | None = None,
) -> Posting:
    """Remove the service from the catalogue and post it publicly for at least the minimum days."""
    start = start or clock.today(settings)
    if start < decision_date:
        raise DataValidationError("게시 시작일은 결정일 이후여야 합니다.", pointer="/posting_start")
    minimum = periods.minimum_posting_end(start, policy=load_policy(settings.policy_file))
    end = end or minimum
    if end < minimum:
        raise DataValidationError(
            f"게시 기간이 최소 기간보다 짧습니다: {minimum.isoformat()}까지 게시해야 합니다.",
            pointer="/posting_end",
            detail={"minimum_end": minimum.isoformat()},
        )
    service.status = "removed"
    service.removed_on = decision_date
    service.removal_reason = reason
    posting = PostingRepository(session).add(
        Posting(
            service_id=service.id,
            quality_check_id=quality_check_id,
            reason=reason,
            decision_date=decision_date,
            start_date=start,
            end_date=end,
        )
    )
    doc = documents.generate(
        session,
        settings=settings,
        blobs=blobs,
        actor=actor,
        kind="nonconformance_posting",
        build=lambda number: {
            "document_number": number,
            "issue_date": start.isoformat(),
            "recipient": "수신자 참조",
            "posting_start": start.isoformat(),
            "posting_end": end.isoformat(),
            "services": [
                {
                    "service_name": service.name,
                    "company_name": service.company_name,
                    "selection_number": service.selection_number,
                    "reason": reason,
                    "decision_date": decision_date.isoformat(),
                }
            ],
        },
        links=documents.Links(service_id=service.id, public=True),
        title=f"부적합 디지털서비스 게시_{service.name}"[:200],
    )
    posting.document_id = doc.id
    audit.record(
        session,
        actor=actor,
        action="service.removed_and_posted",
        subject_type="service",
        subject_id=service.id,
        data={
            "posting_id": posting.id,
            "start": start.isoformat(),
            "end": end.isoformat(),
            "document_id": doc.id,
            "reason": reason,
        },
        files=[doc.docx_sha256],
    )
    return posting


def current_postings(session: Session, *, settings: Settings) -> Sequence[Posting]:
    """The postings public today."""
    return PostingRepository(session).current(clock.today(settings))
