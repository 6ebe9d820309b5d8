"""Several machines: two worker processes and the API share one PostgreSQL and one Redis queue."""

from __future__ import annotations

from pathlib import Path

import pytest

from dsreview.store import Database
from dsreview.store.migrate import upgrade
from tests.services.support import (
    PostgresServer,
    RedisServer,
    WorkerProcess,
    api_for,
    case_files,
    make_people,
    make_settings,
    upload_files,
    wait_status,
)


@pytest.mark.postgres
def test_postgres_and_redis(tmp_path: Path, pg_server: PostgresServer, redis_server: RedisServer) -> None:
    settings = make_settings(
        tmp_path / "data", database_url=pg_server.create_database(), queue_url=redis_server.url
    )
    db = Database(settings)
    upgrade(db)
    try:
        people = make_people(db, settings)
        with (
            api_for(settings, db, people) as api,
            WorkerProcess(settings) as one,
            WorkerProcess(settings) as two,
        ):
            ids = []
            for who, case in (("vendor", "S01"), ("other_vendor", "S02"), ("vendor", "S08")):
                r = api.post(who, "/api/applications", files=upload_files(case_files(case)))
                assert r.status_code == 202, r.text
                ids.append((who, r.json()["id"]))
            for who, app_id in ids:
                body = wait_status(api, who, app_id, {"checked", "failed"}, timeout=180)
                assert body["status"] == "checked", one.output()[-2000:] + two.output()[-2000:]
                assert body["job"]["attempts"] == 1
            assert api.get("staff", "/healthz").json()["database"] == "postgresql"
    finally:
        db.dispose()
