"""`dsreview users add|passwd|disable|enable|list`: accounts, on the server's data folder and database."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from dsreview.errors import UsageError

users_app = typer.Typer(help="계정 관리 (accounts)", no_args_is_help=True)


def _password(from_stdin: bool) -> str:
    if from_stdin:
        line = sys.stdin.readline()
        password = line.rstrip("\r\n")
        if not password:
            raise UsageError("--password-stdin: 표준 입력에 비밀번호가 없습니다 (no password on stdin)")
        return password
    if not sys.stdin.isatty():
        raise UsageError("비밀번호를 --password-stdin 으로 전달해 주십시오 (use --password-stdin)")
    import getpass

    first = getpass.getpass("비밀번호 (password): ")
    if getpass.getpass("비밀번호 확인 (again): ") != first:
        raise UsageError("비밀번호가 서로 다릅니다 (passwords differ)")
    return first


@users_app.command("add")
def add(
    email: Annotated[str, typer.Argument(help="로그인 전자우편 주소")],
    role: Annotated[str, typer.Option("--role", help="vendor | staff | reviewer | agency")],
    org_brn: Annotated[
        str | None, typer.Option("--org-brn", help="기업·기관 사업자등록번호 (vendor, agency)")
    ] = None,
    org_name: Annotated[str | None, typer.Option("--org-name", help="새 기업·기관의 이름")] = None,
    name: Annotated[str, typer.Option("--name", help="사용자 이름")] = "",
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="비밀번호를 표준 입력 첫 줄에서 읽음")
    ] = False,
) -> None:
    """Create an account (vendors and agencies belong to the organisation of --org-brn)."""
    from dsreview.config import get_settings
    from dsreview.services.users import create_user
    from dsreview.store import Database
    from dsreview.store.migrate import upgrade

    password = _password(password_stdin)
    settings = get_settings()
    db = Database(settings)
    try:
        upgrade(db)
        with db.transaction() as session:
            user = create_user(
                session,
                settings=settings,
                email=email,
                password=password,
                role=role,
                name=name,
                org_brn=org_brn,
                org_name=org_name,
            )
            user_id, user_role, user_email = user.id, user.role, user.email
    finally:
        db.dispose()
    print(f"사용자를 만들었습니다 (created): id={user_id} {user_email} role={user_role}")


def _on_account(change: str, email: str, password: str | None = None) -> str:
    """Apply one change to the account of `email` in its own transaction; its e-mail back."""
    from dsreview.config import get_settings
    from dsreview.services import users
    from dsreview.store import Database
    from dsreview.store.migrate import upgrade

    settings = get_settings()
    db = Database(settings)
    try:
        upgrade(db)
        with db.transaction() as session:
            if change == "passwd":
                assert password is not None
                user = users.change_password(session, settings=settings, email=email, password=password)
            else:
                user = users.set_active(session, email=email, active=change == "enable")
            return user.email
    finally:
        db.dispose()


@users_app.command("passwd")
def passwd(
    email: Annotated[str, typer.Argument(help="로그인 전자우편 주소")],
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="새 비밀번호를 표준 입력 첫 줄에서 읽음")
    ] = False,
) -> None:
    """Set a new password; every sign-in of the account ends (tokens and cookies issued before)."""
    password = _password(password_stdin)
    done = _on_account("passwd", email, password)
    print(f"비밀번호를 바꾸고 모든 로그인을 끝냈습니다 (password changed, signed out): {done}")


@users_app.command("disable")
def disable(email: Annotated[str, typer.Argument(help="로그인 전자우편 주소")]) -> None:
    """Disable an account: it can no longer sign in, and its sign-ins end at once."""
    done = _on_account("disable", email)
    print(f"계정을 사용 중지했습니다 (disabled): {done}")


@users_app.command("enable")
def enable(email: Annotated[str, typer.Argument(help="로그인 전자우편 주소")]) -> None:
    """Enable a disabled account again (it signs in anew)."""
    done = _on_account("enable", email)
    print(f"계정을 다시 사용하게 했습니다 (enabled): {done}")


@users_app.command("list")
def list_users() -> None:
    """List accounts: id, e-mail, role, organisation."""
    from dsreview.config import get_settings
    from dsreview.services.users import all_users
    from dsreview.store import Database
    from dsreview.store.migrate import upgrade

    db = Database(get_settings())
    try:
        upgrade(db)
        with db.session(write=False) as session:
            for user in all_users(session):
                org = user.organisation.name if user.organisation else "-"
                print(f"{user.id}\t{user.email}\t{user.role}\t{org}")
    finally:
        db.dispose()


def register(app: typer.Typer) -> None:
    app.add_typer(users_app, name="users")
