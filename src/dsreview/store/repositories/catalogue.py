"""Queries about selected services, quality checks, postings and contracts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import func, or_, select

from dsreview.store.models import Contract, Posting, QualityCheck, Service, ServiceChange, ServiceEvent
from dsreview.store.repositories.base import Repository


class ServiceRepository(Repository[Service]):
    model = Service

    def by_application(self, application_id: int) -> Service | None:
        return self.session.scalars(select(Service).where(Service.application_id == application_id)).first()

    def by_ids(self, ids: Sequence[int]) -> Sequence[Service]:
        return self.session.scalars(select(Service).where(Service.id.in_(ids)).order_by(Service.id)).all()

    def in_round(self, round_id: int) -> Sequence[Service]:
        query = (
            select(Service).where(Service.round_id == round_id).order_by(Service.organisation_id, Service.id)
        )
        return self.session.scalars(query).all()

    def search(
        self,
        *,
        status: str | None = None,
        organisation_id: int | None = None,
        text: str | None = None,
        company: str | None = None,
        limit: int = 100,
        offset: int = 0,
        **equal: str | None,
    ) -> Sequence[Service]:
        """`equal` names columns that must hold the value given (category, model, csap_type …)."""
        query = select(Service)
        if status is not None:
            query = query.where(Service.status == status)
        if organisation_id is not None:
            query = query.where(Service.organisation_id == organisation_id)
        for column, value in equal.items():
            if value:
                query = query.where(getattr(Service, column) == value)
        if company:
            query = query.where(Service.company_name.ilike(f"%{company}%"))
        for word in (text or "").split():
            pattern = f"%{word}%"
            query = query.where(
                or_(
                    Service.name.ilike(pattern),
                    Service.company_name.ilike(pattern),
                    Service.spec.ilike(pattern),
                )
            )
        return self.session.scalars(query.order_by(Service.id).limit(limit).offset(offset)).all()

    def listed_selected_before(self, cutoff: date) -> Sequence[Service]:
        query = (
            select(Service)
            .where(Service.status == "listed", Service.selection_date <= cutoff)
            .order_by(Service.selection_date, Service.id)
        )
        return self.session.scalars(query).all()

    def count_selected_in_year(self, year: int) -> int:
        start, end = date(year, 1, 1), date(year, 12, 31)
        query = select(func.count()).select_from(Service).where(Service.selection_date.between(start, end))
        return int(self.session.scalar(query) or 0)


class ServiceEventRepository(Repository[ServiceEvent]):
    model = ServiceEvent

    def search(
        self, *, service_id: int | None = None, status: str | None = None, limit: int = 500
    ) -> Sequence[ServiceEvent]:
        query = select(ServiceEvent)
        if service_id is not None:
            query = query.where(ServiceEvent.service_id == service_id)
        if status is not None:
            query = query.where(ServiceEvent.status == status)
        return self.session.scalars(query.order_by(ServiceEvent.id.desc()).limit(limit)).all()

    def open_of(self, service_id: int, kind: str) -> ServiceEvent | None:
        query = select(ServiceEvent).where(
            ServiceEvent.service_id == service_id, ServiceEvent.kind == kind, ServiceEvent.status == "open"
        )
        return self.session.scalars(query).first()

    def by_application(self, application_id: int) -> ServiceEvent | None:
        return self.session.scalars(
            select(ServiceEvent).where(ServiceEvent.application_id == application_id)
        ).first()


class ServiceChangeRepository(Repository[ServiceChange]):
    model = ServiceChange

    def search(
        self, *, service_id: int | None = None, status: str | None = None, limit: int = 500
    ) -> Sequence[ServiceChange]:
        query = select(ServiceChange)
        if service_id is not None:
            query = query.where(ServiceChange.service_id == service_id)
        if status is not None:
            query = query.where(ServiceChange.status == status)
        return self.session.scalars(query.order_by(ServiceChange.id.desc()).limit(limit)).all()

    def by_application(self, application_id: int) -> ServiceChange | None:
        return self.session.scalars(
            select(ServiceChange).where(ServiceChange.application_id == application_id)
        ).first()


class QualityCheckRepository(Repository[QualityCheck]):
    model = QualityCheck

    def find(self, service_id: int, month: str) -> QualityCheck | None:
        query = select(QualityCheck).where(QualityCheck.service_id == service_id, QualityCheck.month == month)
        return self.session.scalars(query).first()

    def for_month(self, month: str) -> Sequence[QualityCheck]:
        return self.session.scalars(select(QualityCheck).where(QualityCheck.month == month)).all()

    def by_application(self, application_id: int) -> QualityCheck | None:
        return self.session.scalars(
            select(QualityCheck).where(QualityCheck.application_id == application_id)
        ).first()

    def with_due_dates(self) -> Sequence[QualityCheck]:
        query = select(QualityCheck).where(
            QualityCheck.result == "supplement", QualityCheck.due_date.is_not(None)
        )
        return self.session.scalars(query.order_by(QualityCheck.due_date)).all()

    def for_service(self, service_id: int) -> Sequence[QualityCheck]:
        query = select(QualityCheck).where(QualityCheck.service_id == service_id).order_by(QualityCheck.month)
        return self.session.scalars(query).all()


class PostingRepository(Repository[Posting]):
    model = Posting

    def current(self, today: date) -> Sequence[Posting]:
        query = (
            select(Posting)
            .where(Posting.start_date <= today, Posting.end_date >= today)
            .order_by(Posting.start_date.desc(), Posting.id.desc())
        )
        return self.session.scalars(query).all()

    def ending_between(self, start: date, end: date) -> Sequence[Posting]:
        query = select(Posting).where(Posting.end_date.between(start, end)).order_by(Posting.end_date)
        return self.session.scalars(query).all()


class ContractRepository(Repository[Contract]):
    model = Contract

    def search(
        self, *, agency_id: int | None = None, limit: int = 100, offset: int = 0
    ) -> Sequence[Contract]:
        query = select(Contract)
        if agency_id is not None:
            query = query.where(Contract.agency_id == agency_id)
        return self.session.scalars(query.order_by(Contract.id.desc()).limit(limit).offset(offset)).all()
