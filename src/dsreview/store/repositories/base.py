"""What every repository shares: a session, add and get."""

from __future__ import annotations

from typing import Generic, TypeVar

from sqlalchemy.orm import Session

from dsreview.store.models import Base

M = TypeVar("M", bound=Base)


class Repository(Generic[M]):
    model: type[M]

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, ident: int) -> M | None:
        return self.session.get(self.model, ident)

    def add(self, obj: M) -> M:
        self.session.add(obj)
        self.session.flush()
        return obj
