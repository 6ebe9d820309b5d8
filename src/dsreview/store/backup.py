"""Backups of the system of record, and their restore into an empty data directory.

A backup is a folder:

    manifest.json        what it holds: when, which database, schema revision, files and their count
    database.sqlite3     SQLite's online backup (a consistent copy while the service runs), or
    database.pgdump      `pg_dump --format=custom` of the PostgreSQL database
    blobs/aa/bb/<sha256> every stored file (content-addressed, so a copy is the file itself)
    secret_key           the token signing key when it lives in the data directory (mode 0600)

The database is copied first and the files after: a file is stored before any row names it and
stored files never change, so every file the copied database refers to is in the copy.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import inspect, select

from dsreview import __version__
from dsreview.config import Settings
from dsreview.errors import DsreviewError, UsageError
from dsreview.store.blobs import BlobStore
from dsreview.store.db import Database
from dsreview.store.migrate import current_revision
from dsreview.store.models import (
    ApplicationFile,
    GeneratedDocument,
    QualityCheck,
    SanctionsList,
    ServiceEvent,
)

MANIFEST = "manifest.json"
FORMAT = 1
_HEX = re.compile(r"^[0-9a-f]{64}$")


class BackupError(DsreviewError):
    code = "backup_failed"


@dataclass(frozen=True, slots=True)
class Summary:
    folder: Path
    database: str
    revision: str | None
    files: int
    bytes: int


def _libpq_url(settings: Settings) -> str:
    url = settings.effective_database_url
    return re.sub(r"^postgres(ql)?(\+\w+)?://", "postgresql://", url)


def _is_sqlite(settings: Settings) -> bool:
    return settings.effective_database_url.startswith("sqlite")


def _sqlite_path(settings: Settings) -> Path:
    return Path(settings.effective_database_url.removeprefix("sqlite:///"))


def _blob_files(root: Path) -> list[Path]:
    return sorted(p for p in root.glob("??/??/*") if p.is_file() and _HEX.match(p.name))


def _run(command: list[str], what: str) -> None:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=3600)
    except FileNotFoundError:
        raise BackupError(
            f"{what}을(를) 찾을 수 없습니다 ({command[0]}); PostgreSQL 클라이언트를 설치하십시오."
        ) from None
    if done.returncode != 0:
        reason = " ".join(done.stderr.split())[-300:]
        raise BackupError(f"{what}이(가) 실패했습니다 (exit {done.returncode}): {reason}")


def backup(settings: Settings, db: Database, target: Path) -> Summary:
    """Copy the database, then every stored file, then the key, into `target` (new or empty)."""
    if target.exists() and any(target.iterdir()):
        raise UsageError(f"백업 폴더가 비어 있지 않습니다: {target}")
    target.mkdir(parents=True, exist_ok=True)
    revision = current_revision(db)
    if _is_sqlite(settings):
        kind, name = "sqlite", "database.sqlite3"
        source = sqlite3.connect(_sqlite_path(settings))
        copy = sqlite3.connect(target / name)
        try:
            with copy:
                source.backup(copy)  # SQLite's online backup: consistent while writers go on
        finally:
            copy.close()
            source.close()
    else:
        kind, name = "postgresql", "database.pgdump"
        command = [settings.pg_dump_cmd, "--format=custom", "--no-owner", f"--file={target / name}"]
        _run([*command, _libpq_url(settings)], "pg_dump")
    files, size = 0, 0
    for path in _blob_files(settings.blob_dir):
        relative = path.relative_to(settings.blob_dir)
        destination = target / "blobs" / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, destination)
        files += 1
        size += path.stat().st_size
    key = settings.data_dir / "secret_key"
    if key.is_file():
        shutil.copy2(key, target / "secret_key")
        os.chmod(target / "secret_key", 0o600)
    manifest = {
        "format": FORMAT,
        "dsreview": __version__,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": kind,
        "database_file": name,
        "schema_revision": revision,
        "files": files,
        "bytes": size,
        "secret_key": key.is_file(),
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return Summary(folder=target, database=kind, revision=revision, files=files, bytes=size)


def missing_files(settings: Settings, db: Database) -> list[str]:
    """The files the database names that the data directory does not hold (none, after a restore)."""
    blobs = BlobStore(settings.blob_dir)
    columns = [
        ApplicationFile.sha256,
        GeneratedDocument.docx_sha256,
        GeneratedDocument.pdf_sha256,
        SanctionsList.sha256,
        ServiceEvent.file_sha256,
        QualityCheck.self_check_sha256,
    ]
    named: set[str] = set()
    with db.session(write=False) as session:
        for column in columns:
            named.update(value for value in session.scalars(select(column).distinct()) if value)
    return sorted(sha for sha in named if not blobs.exists(sha))


def _manifest(source: Path) -> dict[str, object]:
    try:
        found: dict[str, object] = json.loads((source / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise UsageError(f"백업 폴더가 아닙니다 ({MANIFEST} 없음 또는 손상): {source}") from None
    if found.get("format") != FORMAT:
        raise UsageError(f"지원하지 않는 백업 형식입니다: {found.get('format')!r}")
    return found


def _database_empty(db: Database) -> bool:
    return not inspect(db.engine).get_table_names()


def restore(settings: Settings, db: Database, source: Path) -> Summary:
    """Restore a backup into this data directory and database, which must hold nothing yet."""
    manifest = _manifest(source)
    kind = str(manifest["database"])
    if (kind == "sqlite") != _is_sqlite(settings):
        raise UsageError(f"백업의 데이터베이스({kind})와 설정된 데이터베이스의 종류가 다릅니다.")
    if _blob_files(settings.blob_dir) or not _database_empty(db):
        raise UsageError(
            f"복원할 곳이 비어 있지 않습니다 (data directory or database in use): {settings.data_dir}"
        )
    dump = source / str(manifest["database_file"])
    if kind == "sqlite":
        db.dispose()
        target = _sqlite_path(settings)
        target.parent.mkdir(parents=True, exist_ok=True)
        for leftover in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
            leftover.unlink(missing_ok=True)
        copy, into = sqlite3.connect(dump), sqlite3.connect(target)
        try:
            with into:
                copy.backup(into)
        finally:
            into.close()
            copy.close()
    else:
        command = [
            settings.pg_restore_cmd,
            "--no-owner",
            "--exit-on-error",
            f"--dbname={_libpq_url(settings)}",
        ]
        _run([*command, str(dump)], "pg_restore")
    files, size = 0, 0
    for path in _blob_files(source / "blobs"):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != path.name:
            raise BackupError(f"백업의 파일이 손상되었습니다: {path.name}")
        destination = settings.blob_dir / path.relative_to(source / "blobs")
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, destination)
        files += 1
        size += path.stat().st_size
    if files != manifest["files"]:
        raise BackupError(f"백업의 파일 수가 맞지 않습니다: {files} / {manifest['files']}")
    key = source / "secret_key"
    if key.is_file() and not settings.secret_key:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        shutil.copy2(key, settings.data_dir / "secret_key")
        os.chmod(settings.data_dir / "secret_key", 0o600)
    return Summary(
        folder=source, database=kind, revision=str(manifest["schema_revision"]), files=files, bytes=size
    )
