"""`dsreview backup DEST` and `dsreview restore SRC`: the database (SQLite's online backup or
`pg_dump`), every stored file and the signing key; a restore goes into an empty data directory."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dsreview.errors import DsreviewError


def backup(
    target: Annotated[Path, typer.Argument(help="새 백업 폴더 (없거나 비어 있어야 함)")],
) -> None:
    """Back up the database and the stored files while the service runs."""
    from dsreview.config import get_settings
    from dsreview.store import Database
    from dsreview.store.backup import backup as run_backup

    settings = get_settings()
    db = Database(settings)
    try:
        summary = run_backup(settings, db, target)
    finally:
        db.dispose()
    print(
        f"백업했습니다 (backed up): {summary.folder} — {summary.database}, "
        f"스키마 {summary.revision}, 파일 {summary.files}개 ({summary.bytes:,} bytes)"
    )


def restore(
    source: Annotated[Path, typer.Argument(help="dsreview backup 으로 만든 백업 폴더")],
) -> None:
    """Restore a backup into the configured (empty) data directory and database, then migrate."""
    from dsreview.config import get_settings
    from dsreview.store import Database
    from dsreview.store.backup import missing_files
    from dsreview.store.backup import restore as run_restore
    from dsreview.store.migrate import upgrade

    settings = get_settings()
    db = Database(settings)
    try:
        summary = run_restore(settings, db, source)
        db.dispose()
        db = Database(settings)
        upgrade(db)  # a backup of an older version is brought up to this one's schema
        missing = missing_files(settings, db)
    finally:
        db.dispose()
    if missing:
        raise DsreviewError(
            f"복원했지만 데이터베이스가 가리키는 파일 {len(missing)}개가 없습니다: {missing[0]} …"
        )
    print(
        f"복원했습니다 (restored): {settings.data_dir} — {summary.database}, "
        f"파일 {summary.files}개, 모든 파일 확인됨 (every file the database names is present)"
    )


def register(app: typer.Typer) -> None:
    app.command("backup")(backup)
    app.command("restore")(restore)
