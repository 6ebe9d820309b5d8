"""Queries about rounds, applications, their files, corrections and reviewer assignments."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import exists, func, select, update

from dsreview.store.models import (
    Application,
    ApplicationFile,
    Assignment,
    FieldCorrection,
    Round,
)
from dsreview.store.repositories.base import Repository


class RoundRepository(Repository[Round]):
    model = Round

    def current_open(self) -> Round | None:
        query = select(Round).where(Round.status == "open").order_by(Round.id.desc())
        return self.session.scalars(query).first()

    def all(self) -> Sequence[Round]:
        return self.session.scalars(select(Round).order_by(Round.id.desc())).all()


class ApplicationRepository(Repository[Application]):
    model = Application

    def stored_bytes(self, organisation_id: int) -> int:
        """The size of every file the organisation's applications hold (replaced ones too)."""
        total = self.session.scalar(
            select(func.coalesce(func.sum(ApplicationFile.size), 0))
            .join(Application, Application.id == ApplicationFile.application_id)
            .where(Application.organisation_id == organisation_id)
        )
        return int(total or 0)

    def get_for_update(self, ident: int) -> Application | None:
        """The row, locked against concurrent writers where the database supports it."""
        return self.session.scalars(
            select(Application).where(Application.id == ident).with_for_update()
        ).first()

    def search(
        self,
        *,
        organisation_id: int | None = None,
        reviewer_id: int | None = None,
        status: str | None = None,
        round_id: int | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> Sequence[Application]:
        query = select(Application)
        if organisation_id is not None:
            query = query.where(Application.organisation_id == organisation_id)
        if reviewer_id is not None:
            assigned = exists().where(
                Assignment.application_id == Application.id, Assignment.reviewer_id == reviewer_id
            )
            query = query.where(assigned)
        if status is not None:
            query = query.where(Application.status == status)
        if round_id is not None:
            query = query.where(Application.round_id == round_id)
        query = query.order_by(Application.id.desc()).limit(limit).offset(offset)
        return self.session.scalars(query).all()

    def in_round(self, round_id: int, *, status: str | None = None) -> Sequence[Application]:
        query = select(Application).where(Application.round_id == round_id)
        if status is not None:
            query = query.where(Application.status == status)
        return self.session.scalars(query.order_by(Application.id)).all()

    def active_files(self, application_id: int) -> Sequence[ApplicationFile]:
        query = (
            select(ApplicationFile)
            .where(ApplicationFile.application_id == application_id, ApplicationFile.active.is_(True))
            .order_by(ApplicationFile.position, ApplicationFile.id)
        )
        return self.session.scalars(query).all()

    def file(self, application_id: int, file_id: int) -> ApplicationFile | None:
        query = select(ApplicationFile).where(
            ApplicationFile.application_id == application_id, ApplicationFile.id == file_id
        )
        return self.session.scalars(query).first()

    def deactivate_file(self, file_id: int) -> None:
        self.session.execute(
            update(ApplicationFile).where(ApplicationFile.id == file_id).values(active=False)
        )

    def corrections(self, application_id: int) -> Sequence[FieldCorrection]:
        query = (
            select(FieldCorrection)
            .where(FieldCorrection.application_id == application_id)
            .order_by(FieldCorrection.id)
        )
        return self.session.scalars(query).all()

    def with_status(self, statuses: Sequence[str]) -> Sequence[Application]:
        query = select(Application).where(Application.status.in_(statuses)).order_by(Application.id)
        return self.session.scalars(query).all()


class AssignmentRepository(Repository[Assignment]):
    model = Assignment

    def for_application(self, application_id: int) -> Sequence[Assignment]:
        query = select(Assignment).where(Assignment.application_id == application_id).order_by(Assignment.id)
        return self.session.scalars(query).all()

    def find(self, application_id: int, reviewer_id: int) -> Assignment | None:
        query = select(Assignment).where(
            Assignment.application_id == application_id, Assignment.reviewer_id == reviewer_id
        )
        return self.session.scalars(query).first()

    def is_assigned(self, application_id: int, reviewer_id: int) -> bool:
        return self.find(application_id, reviewer_id) is not None
