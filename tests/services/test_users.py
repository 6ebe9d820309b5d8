"""Accounts: validation, argon2id passwords, signed expiring tokens, and `dsreview users add`."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import jwt
import pytest

from dsreview.config import Settings
from dsreview.errors import AuthenticationError, ConflictError, InvalidCredentialsError, UsageError
from dsreview.services import users
from dsreview.store import Database
from dsreview.store.models import utcnow

pytestmark = pytest.mark.parametrize("backend", ["sqlite"], indirect=True)


def test_create_and_authenticate(db: Database, service_settings: Settings) -> None:
    with db.transaction() as s:
        user = users.create_user(
            s,
            settings=service_settings,
            email=" Vendor@Example.KR ",
            password="long-enough",
            role="vendor",
            org_brn="2718781566",
            org_name="누리데이터 주식회사",
        )
        assert user.email == "vendor@example.kr"
        assert user.password_hash.startswith("$argon2id$")
        assert user.organisation is not None
        assert user.organisation.brn == "271-87-81566"
    with db.transaction() as s:
        same_org = users.create_user(
            s,
            settings=service_settings,
            email="second@example.kr",
            password="long-enough",
            role="vendor",
            org_brn="271-87-81566",
        )
        assert same_org.organisation_id == user.organisation_id
        staff = users.create_user(
            s, settings=service_settings, email="s@example.kr", password="long-enough", role="staff"
        )
        assert staff.organisation is not None
        assert staff.organisation.kind == "operator"
    for bad in (
        {"email": "not-an-email", "password": "long-enough", "role": "staff"},
        {"email": "a@b.kr", "password": "short", "role": "staff"},
        {"email": "a@b.kr", "password": "long-enough", "role": "admin"},
        {"email": "a@b.kr", "password": "long-enough", "role": "vendor"},
        {"email": "a@b.kr", "password": "long-enough", "role": "agency", "org_brn": "12-34"},
    ):
        with db.transaction() as s, pytest.raises(UsageError):
            users.create_user(s, settings=service_settings, **bad)  # type: ignore[arg-type]
    with db.transaction() as s, pytest.raises(ConflictError):
        users.create_user(
            s, settings=service_settings, email="VENDOR@example.kr", password="long-enough", role="staff"
        )
    with db.transaction() as s, pytest.raises(ConflictError):  # a vendor's BRN is not an agency's
        users.create_user(
            s,
            settings=service_settings,
            email="x@example.kr",
            password="long-enough",
            role="agency",
            org_brn="271-87-81566",
        )
    with db.session(write=False) as s:
        assert users.authenticate(
            s, settings=service_settings, email="VENDOR@example.kr", password="long-enough"
        )
        with pytest.raises(InvalidCredentialsError):
            users.authenticate(s, settings=service_settings, email="vendor@example.kr", password="wrong-one")
        with pytest.raises(InvalidCredentialsError):
            users.authenticate(
                s, settings=service_settings, email="nobody@example.kr", password="long-enough"
            )


def test_tokens_are_signed_and_expire(db: Database, service_settings: Settings) -> None:
    key = users.signing_key(service_settings)
    path = service_settings.data_dir / "secret_key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert users.signing_key(service_settings) == key
    with pytest.raises(UsageError):
        users.signing_key(service_settings.model_copy(update={"secret_key": "short"}))
    with db.transaction() as s:
        user = users.create_user(
            s, settings=service_settings, email="r@example.kr", password="long-enough", role="reviewer"
        )
        token = users.issue_token(user, settings=service_settings, key=key)
        assert users.actor_from_token(s, token=token, key=key).user_id == user.id
        expired = jwt.encode(
            {"sub": str(user.id), "exp": utcnow() - timedelta(seconds=1)}, key, algorithm="HS256"
        )
        forged = jwt.encode(
            {"sub": str(user.id), "exp": utcnow() + timedelta(hours=1)},
            "another-key-of-the-right-length-0123456789",
            algorithm="HS256",
        )
        for bad in (expired, forged, "x.y.z", ""):
            with pytest.raises(AuthenticationError):
                users.actor_from_token(s, token=bad, key=key)
        user.active = False
        s.flush()
        with pytest.raises(AuthenticationError):
            users.actor_from_token(s, token=token, key=key)


def _cli(args: list[str], data_dir: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DSREVIEW_")}
    env["DSREVIEW_DATA_DIR"] = str(data_dir)
    code = "import sys; from dsreview.cli.app import main; sys.exit(main())"
    return subprocess.run(
        [sys.executable, "-c", code, *args], input=stdin, env=env, capture_output=True, text=True, timeout=120
    )


def test_users_add_from_the_command_line(tmp_path: Path, backend: str) -> None:
    data = tmp_path / "cli"
    ok = _cli(
        [
            "users",
            "add",
            "agency@example.kr",
            "--role",
            "agency",
            "--org-brn",
            "138-83-00012",
            "--org-name",
            "한빛시청",
            "--password-stdin",
        ],
        data,
        "secret-pass\n",
    )
    assert ok.returncode == 0, ok.stderr
    assert "agency@example.kr" in ok.stdout
    listed = _cli(["users", "list"], data)
    assert "agency@example.kr\tagency\t한빛시청" in listed.stdout
    again = _cli(
        [
            "users",
            "add",
            "agency@example.kr",
            "--role",
            "agency",
            "--org-brn",
            "138-83-00012",
            "--password-stdin",
        ],
        data,
        "secret-pass\n",
    )
    assert again.returncode == 1
    assert again.stderr.count("\n") == 1
    assert "이미 등록된" in again.stderr
    missing = _cli(["users", "add", "x@example.kr", "--role", "staff", "--password-stdin"], data, "")
    assert missing.returncode == 2
    assert "Traceback" not in missing.stderr
    assert backend == "sqlite"
