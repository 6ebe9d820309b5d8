"""Queries about organisations and users."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select

from dsreview.store.models import Organisation, OrganisationKind, User
from dsreview.store.repositories.base import Repository


class OrganisationRepository(Repository[Organisation]):
    model = Organisation

    def by_brn(self, brn: str) -> Organisation | None:
        return self.session.scalars(select(Organisation).where(Organisation.brn == brn)).first()

    def operator(self) -> Organisation | None:
        query = (
            select(Organisation)
            .where(Organisation.kind == OrganisationKind.operator)
            .order_by(Organisation.id)
        )
        return self.session.scalars(query).first()


class UserRepository(Repository[User]):
    model = User

    def by_email(self, email: str) -> User | None:
        return self.session.scalars(select(User).where(User.email == email.strip().lower())).first()

    def by_role(self, role: str) -> Sequence[User]:
        return self.session.scalars(select(User).where(User.role == role).order_by(User.id)).all()

    def count(self) -> int:
        return int(self.session.scalar(select(func.count()).select_from(User)) or 0)

    def by_ids(self, ids: Sequence[int]) -> Sequence[User]:
        return self.session.scalars(select(User).where(User.id.in_(ids)).order_by(User.id)).all()

    def all(self) -> Sequence[User]:
        return self.session.scalars(select(User).order_by(User.id)).all()
