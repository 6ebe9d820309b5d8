"""Readiness: the database answers at the schema this code expects, the data directory takes a
write, and the queue is reachable."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

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
    storage: str


def _probe(folder: Path) -> None:
    """Write, sync and remove a small file where uploads are written first."""
    folder.mkdir(parents=True, exist_ok=True)
    probe = folder / f"health-{uuid.uuid4().hex}"
    try:
        with probe.open("wb") as out:
            out.write(b"ok")
            out.flush()
            os.fsync(out.fileno())
    finally:
        probe.unlink(missing_ok=True)


def check(db: Database, *, ping_queue: Callable[[], None], storage: Path | None = None) -> Health:
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
    if storage is not None:
        try:
            _probe(storage)
        except OSError as exc:
            raise UnavailableError(
                "데이터 폴더에 기록할 수 없습니다 (저장 공간 또는 권한을 확인하십시오).",
                detail={"storage": os.strerror(exc.errno) if exc.errno else type(exc).__name__},
            ) from None
    return Health(
        database=db.engine.dialect.name,
        revision=revision,
        queue="ok",
        storage="ok" if storage is not None else "not checked",
    )
