"""Queries about jobs, generated documents, sanctions lists and audit events."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import and_, func, or_, select, update

from dsreview.store.models import AuditEvent, GeneratedDocument, Job, SanctionsList, utcnow
from dsreview.store.repositories.base import Repository


class JobRepository(Repository[Job]):
    model = Job

    def claim(self, job_id: int, *, worker: str, lease_seconds: float) -> bool:
        """Take a job atomically: queued, or running with a lapsed lease (its worker died)."""
        now = utcnow()
        result = self.session.execute(
            update(Job)
            .where(
                Job.id == job_id,
                or_(Job.status == "queued", and_(Job.status == "running", Job.lease_until < now)),
            )
            .values(
                status="running",
                worker=worker,
                lease_until=now + timedelta(seconds=lease_seconds),
                attempts=Job.attempts + 1,
                started_at=now,
            )
            .execution_options(synchronize_session=False)
        )
        return bool(getattr(result, "rowcount", 0) == 1)

    def renew(self, job_id: int, *, worker: str, lease_seconds: float) -> bool:
        result = self.session.execute(
            update(Job)
            .where(Job.id == job_id, Job.status == "running", Job.worker == worker)
            .values(lease_until=utcnow() + timedelta(seconds=lease_seconds))
            .execution_options(synchronize_session=False)
        )
        return bool(getattr(result, "rowcount", 0) == 1)

    def latest_for(self, kind: str, subject_id: int) -> Job | None:
        query = select(Job).where(Job.kind == kind, Job.subject_id == subject_id).order_by(Job.id.desc())
        return self.session.scalars(query).first()

    def unfinished(self) -> Sequence[Job]:
        query = select(Job).where(Job.status.in_(("queued", "running"))).order_by(Job.id)
        return self.session.scalars(query).all()

    def stale(self, *, now: datetime, queued_before: datetime) -> Sequence[Job]:
        """Running jobs whose lease lapsed, and queued jobs nobody has picked up for a long time."""
        query = (
            select(Job)
            .where(
                or_(
                    and_(Job.status == "running", Job.lease_until < now),
                    and_(
                        Job.status == "queued", func.coalesce(Job.resent_at, Job.created_at) < queued_before
                    ),
                )
            )
            .order_by(Job.id)
        )
        return self.session.scalars(query).all()


class DocumentRepository(Repository[GeneratedDocument]):
    model = GeneratedDocument

    def search(
        self,
        *,
        kind: str | None = None,
        application_id: int | None = None,
        round_id: int | None = None,
        contract_id: int | None = None,
        organisation_id: int | None = None,
        user_id: int | None = None,
        public: bool | None = None,
        limit: int = 200,
        offset: int = 0,
    ) -> Sequence[GeneratedDocument]:
        query = select(GeneratedDocument)
        if kind is not None:
            query = query.where(GeneratedDocument.kind == kind)
        if application_id is not None:
            query = query.where(GeneratedDocument.application_id == application_id)
        if round_id is not None:
            query = query.where(GeneratedDocument.round_id == round_id)
        if contract_id is not None:
            query = query.where(GeneratedDocument.contract_id == contract_id)
        if organisation_id is not None:
            query = query.where(GeneratedDocument.recipient_organisation_id == organisation_id)
        if user_id is not None:
            query = query.where(GeneratedDocument.recipient_user_id == user_id)
        if public is not None:
            query = query.where(GeneratedDocument.public.is_(public))
        query = query.order_by(GeneratedDocument.id.desc()).limit(limit).offset(offset)
        return self.session.scalars(query).all()


class SanctionsRepository(Repository[SanctionsList]):
    model = SanctionsList

    def latest(self) -> SanctionsList | None:
        return self.session.scalars(select(SanctionsList).order_by(SanctionsList.id.desc())).first()


class AuditRepository(Repository[AuditEvent]):
    model = AuditEvent

    def search(
        self,
        *,
        subject_type: str | None = None,
        subject_id: int | None = None,
        action: str | None = None,
        limit: int = 200,
        offset: int = 0,
    ) -> Sequence[AuditEvent]:
        query = select(AuditEvent)
        if subject_type is not None:
            query = query.where(AuditEvent.subject_type == subject_type)
        if subject_id is not None:
            query = query.where(AuditEvent.subject_id == subject_id)
        if action is not None:
            query = query.where(AuditEvent.action == action)
        return self.session.scalars(query.order_by(AuditEvent.id.desc()).limit(limit).offset(offset)).all()
