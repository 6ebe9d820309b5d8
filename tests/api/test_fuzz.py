"""Schemathesis over the app's OpenAPI: at least 1,000 generated requests, and not one 5xx.

Each operation is driven with generated data (valid and invalid), once with generated ids and once
with the ids of real records, as a role it serves and as one it does not.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from datetime import date
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from dsreview.api.app import create_app
from dsreview.config import Settings
from dsreview.services import selection
from dsreview.store import Database
from tests.api.test_roles import MATRIX, PUBLIC
from tests.services.support import (
    Api,
    LiveServer,
    case_files,
    make_people,
    record_fake_check,
    report_from_truth,
    set_round,
    upload_files,
)

EXAMPLES = 12  # per operation, per pass: about 44 operations × 2 passes × 12 ≈ 1,000 and more
LOGINS = {
    "staff": "staff@test.kr",
    "vendor": "vendor@test.kr",
    "reviewer": "reviewer@test.kr",
    "agency": "agency@test.kr",
}


def _seed(api: Api, db: Database, settings_: Settings, staff_id: int) -> dict[str, int]:
    r = api.post("vendor", "/api/applications", files=upload_files(case_files("S01")))
    app_id = r.json()["id"]
    record_fake_check(db, app_id, report_from_truth("S01"))
    with db.transaction() as s:
        application = selection.ApplicationRepository(s).get(app_id)
        assert application is not None
        application.status = "reviewed"
    set_round(db, 1, "committee")
    r = api.post(
        "staff",
        f"/api/applications/{app_id}/decision",
        json={"decision": "selected", "decided_on": "2025-06-20"},
    )
    assert r.status_code == 200, r.text
    set_round(db, 1, "open")  # the generated requests may submit bundles too
    service_id = api.get("staff", "/api/services").json()[0]["id"]
    api.post("staff", "/api/services/publish", json={"service_ids": [service_id]})
    contract = api.post(
        "agency",
        "/api/contracts",
        json={
            "name": "도입",
            "method": "private",
            "amount": 1000,
            "contract_date": "2025-01-02",
            "start_date": "2025-01-03",
            "end_date": "2025-12-31",
            "service_ids": [service_id],
            "registered_on": "2025-01-10",
        },
    ).json()
    detail = api.get("vendor", f"/api/applications/{app_id}").json()
    _ = (settings_, staff_id, date)
    return {
        "application_id": app_id,
        "file_id": detail["files"][0]["id"],
        "service_id": service_id,
        "contract_id": contract["id"],
        "document_id": contract["documents"][0]["id"],
        "round_id": 1,
        "job_id": detail["job"]["id"],
    }


def _drive(
    strategy: Any,
    base_url: str,
    session: Any,
    headers: dict[str, str],
    statuses: Counter[int],
    errors: list[str],
) -> None:
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.explicit, Phase.generate],
    )
    @given(case=strategy)
    def run(case: Any) -> None:
        response = case.call(base_url=base_url, session=session, headers=headers, timeout=30)
        statuses[response.status_code] += 1
        if response.status_code >= 500:
            errors.append(
                f"{case.method} {case.formatted_path}: {response.status_code} {response.text[:200]}"
            )

    # Negative mode on an operation without inputs to get wrong (e.g. GET /healthz) has no cases.
    with contextlib.suppress(Unsatisfiable):
        run()


def _role_for(method: str, path: str, *, allowed: bool) -> str | None:
    roles = MATRIX[(method, path)]
    if roles == PUBLIC:
        return None
    assert not isinstance(roles, str)
    if allowed:
        return sorted(roles)[0]
    others = sorted(set(LOGINS) - roles)
    return others[0] if others else None


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_no_server_errors(db: Database, service_settings: Settings) -> None:
    people = make_people(db, service_settings)
    app = create_app(service_settings, db=db)
    schema = schemathesis.openapi.from_dict(app.openapi())
    statuses: Counter[int] = Counter()
    errors: list[str] = []
    with LiveServer(app) as live:
        api = Api(live.url)
        for who, email in LOGINS.items():
            api.login(who, email)
        ids = _seed(api, db, service_settings, people.staff.user_id)
        import requests

        session = requests.Session()
        try:
            for result in schema.get_all_operations():
                operation = result.ok()
                method, path = operation.method.upper(), operation.path
                if path == "/api/auth/logout":
                    continue  # it would end the fuzzer's own sign-ins (tests/api/test_sessions.py)
                names = {p.name for p in operation.path_parameters}
                for fixed, allowed, mode in (
                    (False, True, GenerationMode.POSITIVE),
                    (True, True, GenerationMode.NEGATIVE),
                    (True, False, GenerationMode.POSITIVE),
                ):
                    who = _role_for(method, path, allowed=allowed)
                    headers = api.as_(who)
                    path_parameters = {k: v for k, v in ids.items() if k in names} if fixed else None
                    strategy = operation.as_strategy(generation_mode=mode, path_parameters=path_parameters)

                    _drive(strategy, live.url, session, headers, statuses, errors)
        finally:
            session.close()
            api.close()
    total = sum(statuses.values())
    print(f"schemathesis: {total} requests, statuses {dict(sorted(statuses.items()))}")
    assert not errors, "\n".join(sorted(set(errors)))
    assert total >= 1000, f"only {total} requests: {dict(statuses)}"
