"""Readiness: the database answers at the schema this code expects, and the queue is reachable."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from dsreview.errors import UnavailableError
from dsreview.store import Database
from dsreview.store.migrate import current_revision, head_revision


@dataclass(frozen=True, slots=True)
class Health:
    database: str
    revision: str | None
    queue: str


def check(db: Database, *, ping_queue: Callable[[], None]) -> Health:
    try:
        with db.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        revision = current_revision(db)
    except SQLAlchemyError as exc:
        raise UnavailableError(
            "데이터베이스에 연결할 수 없습니다.", detail={"error": type(exc).__name__}
        ) from None
    if revision != head_revision():
        raise UnavailableError(
            "데이터베이스 스키마가 최신이 아닙니다 (dsreview migrate).", detail={"revision": revision}
        )
    try:
        ping_queue()
    except Exception as exc:
        raise UnavailableError(
            "작업 대기열에 연결할 수 없습니다.", detail={"error": type(exc).__name__}
        ) from None
    return Health(database=db.engine.dialect.name, revision=revision, queue="ok")
