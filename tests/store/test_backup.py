"""`dsreview backup` and `dsreview restore`, through the real command line on a real service's data:
a restore into an empty data directory (and an empty database) holds every application, every file
with its hash, every generated document, and the server on it signs the same people in."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from dsreview.api.app import create_app
from dsreview.config import Settings
from dsreview.store import BlobStore, Database
from dsreview.store.migrate import upgrade
from dsreview.store.models import Application, ApplicationFile, GeneratedDocument
from tests.services.support import (
    Api,
    LiveServer,
    api_for,
    case_files,
    make_people,
    make_settings,
    record_fake_check,
    report_from_truth,
    upload_files,
)


def _cli(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DSREVIEW_")}
    env["DSREVIEW_DATA_DIR"] = str(settings.data_dir)
    if settings.database_url:
        env["DSREVIEW_DATABASE_URL"] = settings.database_url
    command = [sys.executable, "-c", "import sys; from dsreview.cli.app import main; sys.exit(main())"]
    return subprocess.run([*command, *args], env=env, capture_output=True, text=True, timeout=300)


def _records(db: Database) -> dict[str, Any]:
    with db.session(write=False) as s:
        return {
            "applications": sorted((a.id, a.status) for a in s.scalars(select(Application))),
            "files": sorted(
                (f.application_id, f.name, f.sha256, f.size) for f in s.scalars(select(ApplicationFile))
            ),
            "documents": sorted(
                (d.id, d.kind, d.docx_sha256, d.input_sha256) for d in s.scalars(select(GeneratedDocument))
            ),
        }


def _seed(api: Api, db: Database) -> None:
    for case in ("S01", "S10"):
        r = api.post("vendor", "/api/applications", files=upload_files(case_files(case)))
        assert r.status_code == 202, r.text
        record_fake_check(db, r.json()["id"], report_from_truth(case))
    r = api.post("staff", "/api/applications/2/supplement-request", json={})
    assert r.status_code == 201, r.text
    sanctions = Path(__file__).resolve().parents[2] / "samples" / "sanctions.csv"
    r = api.post("staff", "/api/sanctions", files={"file": ("s.csv", sanctions.read_bytes(), "text/csv")})
    assert r.status_code == 201, r.text


def test_backup_then_restore_into_an_empty_data_directory(
    service_settings: Settings, db: Database, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    people = make_people(db, service_settings)
    with api_for(service_settings, db, people) as api:
        _seed(api, db)
        before = _records(db)
        token = api.tokens["staff"]
    assert len(before["applications"]) == 2
    assert len(before["files"]) > 10
    assert len(before["documents"]) == 1

    folder = tmp_path / "backup"
    done = _cli(service_settings, "backup", str(folder))
    assert done.returncode == 0, done.stderr
    assert "백업했습니다" in done.stdout
    assert (folder / "manifest.json").is_file()
    assert oct((folder / "secret_key").stat().st_mode & 0o777) == "0o600"

    # An empty data directory (and, on PostgreSQL, an empty database of its own).
    url = None
    if service_settings.database_url:
        url = request.getfixturevalue("pg_server").create_database()
    fresh = make_settings(tmp_path / "restored", database_url=url)
    done = _cli(fresh, "restore", str(folder))
    assert done.returncode == 0, done.stderr
    assert "모든 파일 확인됨" in done.stdout

    restored = Database(fresh)
    upgrade(restored)
    try:
        after = _records(restored)
        assert after == before
        blobs = BlobStore(fresh.blob_dir)
        for _, _, sha, size in after["files"]:
            assert blobs.verify(sha)
            assert blobs.path(sha).stat().st_size == size
        for _, _, docx, _ in after["documents"]:
            data = blobs.path(docx).read_bytes()
            assert data[:2] == b"PK"
            assert hashlib.sha256(data).hexdigest() == docx
        # The service on the restored data: the same sign-ins, the same tokens (the key came along).
        with LiveServer(create_app(fresh, db=restored)) as live:
            client = Api(live.url)
            client.login("vendor", "vendor@test.kr")
            assert len(client.get("vendor", "/api/applications").json()) == 2
            client.tokens["staff"] = token
            assert client.get("staff", "/api/me").status_code == 200
            client.close()
    finally:
        restored.dispose()

    # A restore refuses a data directory that already holds data, in one line, exit 2.
    again = _cli(fresh, "restore", str(folder))
    assert again.returncode == 2
    assert again.stderr.count("\n") == 1
    assert "비어 있지 않습니다" in again.stderr
    # And a backup refuses a folder that is not empty.
    again = _cli(service_settings, "backup", str(folder))
    assert again.returncode == 2
    assert "비어 있지 않습니다" in again.stderr
