"""Accounts: creating users, checking passwords (argon2id) and signed, expiring bearer tokens."""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.orm import Session

from dsreview.config import Settings
from dsreview.errors import (
    AuthenticationError,
    ConflictError,
    InvalidCredentialsError,
    UsageError,
)
from dsreview.services import audit
from dsreview.services.actors import Actor, require_role
from dsreview.store.models import Organisation, OrganisationKind, Role, User, utcnow
from dsreview.store.repositories import OrganisationRepository, UserRepository

_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,190}\.[^@\s.]{2,}$")
_BRN = re.compile(r"^\d{3}-\d{2}-\d{5}$")
_ALGORITHM = "HS256"
MIN_PASSWORD = 8
MIN_KEY = 32  # bytes of an HS256 key (RFC 7518 §3.2)
_ORG_KIND = {Role.vendor: OrganisationKind.vendor, Role.agency: OrganisationKind.agency}


def hasher(settings: Settings) -> PasswordHasher:
    return PasswordHasher(time_cost=settings.password_time_cost, memory_cost=settings.password_memory_kib)


def normalise_brn(value: str) -> str:
    digits = re.sub(r"\D", "", value)
    brn = f"{digits[:3]}-{digits[3:5]}-{digits[5:]}" if len(digits) == 10 else value.strip()
    if not _BRN.match(brn):
        raise UsageError(f"사업자등록번호 형식이 올바르지 않습니다 (XXX-XX-XXXXX): {value!r}")
    return brn


def _organisation_for(
    session: Session, *, settings: Settings, role: Role, org_brn: str | None, org_name: str | None
) -> Organisation:
    orgs = OrganisationRepository(session)
    if role in _ORG_KIND:
        if not org_brn:
            raise UsageError("신청기업·수요기관 계정에는 --org-brn (사업자등록번호)이 필요합니다.")
        brn = normalise_brn(org_brn)
        found = orgs.by_brn(brn)
        if found is not None:
            if found.kind != _ORG_KIND[role]:
                raise ConflictError(f"사업자등록번호 {brn}은(는) 다른 유형의 기관으로 등록되어 있습니다.")
            return found
        return orgs.add(Organisation(kind=_ORG_KIND[role], name=(org_name or brn).strip(), brn=brn))
    operator = orgs.operator()
    if operator is None:
        operator = orgs.add(Organisation(kind=OrganisationKind.operator, name=settings.organisation.agency))
    return operator


def create_user(
    session: Session,
    *,
    settings: Settings,
    email: str,
    password: str,
    role: Role | str,
    name: str = "",
    org_brn: str | None = None,
    org_name: str | None = None,
    actor: Actor | None = None,
) -> User:
    """A new account; vendors and agencies belong to the organisation of `org_brn` (made if new)."""
    try:
        role = Role(role)
    except ValueError:
        raise UsageError(f"역할은 vendor, staff, reviewer, agency 중 하나여야 합니다: {role!r}") from None
    email = email.strip().lower()
    if not _EMAIL.match(email):
        raise UsageError(f"전자우편 주소 형식이 올바르지 않습니다: {email!r}")
    if len(password) < MIN_PASSWORD:
        raise UsageError(f"비밀번호는 {MIN_PASSWORD}자 이상이어야 합니다.")
    users = UserRepository(session)
    if users.by_email(email) is not None:
        raise ConflictError(f"이미 등록된 전자우편 주소입니다: {email}")
    organisation = _organisation_for(
        session, settings=settings, role=role, org_brn=org_brn, org_name=org_name
    )
    user = users.add(
        User(
            email=email,
            password_hash=hasher(settings).hash(password),
            role=role.value,
            name=name.strip(),
            organisation_id=organisation.id,
        )
    )
    audit.record(
        session,
        actor=actor,
        action="user.created",
        subject_type="user",
        subject_id=user.id,
        data={"email": email, "role": role.value, "organisation_id": organisation.id},
    )
    return user


def authenticate(session: Session, *, settings: Settings, email: str, password: str) -> User:
    """The user whose password this is; one error for an unknown address or a wrong password."""
    user = UserRepository(session).by_email(email)
    ph = hasher(settings)
    if user is None or not user.active:
        # Same work as a real check, so response time does not tell which addresses exist.
        ph.hash(password or "-")
        raise InvalidCredentialsError("전자우편 주소 또는 비밀번호가 올바르지 않습니다.")
    try:
        ph.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        raise InvalidCredentialsError("전자우편 주소 또는 비밀번호가 올바르지 않습니다.") from None
    return user


def signing_key(settings: Settings) -> str:
    """The token key: the setting, else a random key kept in the data folder (made once, 0600)."""
    if settings.secret_key:
        if len(settings.secret_key) < MIN_KEY:
            raise UsageError(f"DSREVIEW_SECRET_KEY 는 {MIN_KEY}자 이상이어야 합니다 (HS256 key too short).")
        return settings.secret_key
    path = settings.data_dir / "secret_key"
    if not path.exists():
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        _create_secret(path)
    key = path.read_text(encoding="ascii").strip()
    if not key:
        raise UsageError(f"토큰 서명 키 파일이 비어 있습니다: {path}")
    return key


def _create_secret(path: Path) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return  # another process made it first
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(secrets.token_urlsafe(48))
        out.flush()
        os.fsync(out.fileno())


def issue_token(user: User, *, settings: Settings, key: str) -> str:
    now = utcnow()
    claims = {
        "sub": str(user.id),
        "role": user.role,
        "ver": user.token_version,
        "iat": now,
        "exp": now + timedelta(minutes=settings.token_minutes),
    }
    return jwt.encode(claims, key, algorithm=_ALGORITHM)


def actor_from_token(session: Session, *, token: str, key: str) -> Actor:
    """The actor a bearer token names, if the token is genuine, unexpired and its user active."""
    try:
        claims = jwt.decode(token, key, algorithms=[_ALGORITHM], options={"require": ["sub", "exp", "ver"]})
        user_id, version = int(claims["sub"]), int(claims["ver"])
    except (jwt.PyJWTError, ValueError, TypeError):
        raise AuthenticationError("로그인이 필요합니다 (인증 토큰이 없거나 만료되었습니다).") from None
    user = UserRepository(session).get(user_id)
    if user is None or not user.active or user.token_version != version:
        # A token from before a logout, a password change or the account's disabling.
        raise AuthenticationError("로그인이 필요합니다 (인증 토큰이 없거나 만료되었습니다).")
    return Actor.of(user)


def genuine_token(token: str, *, key: str) -> bool:
    """Signed by us and unexpired (no database: checked before a request's body is read)."""
    try:
        jwt.decode(token, key, algorithms=[_ALGORITHM], options={"require": ["sub", "exp", "ver"]})
    except jwt.PyJWTError:
        return False
    return True


def sign_out_everywhere(session: Session, *, actor: Actor) -> None:
    """End every sign-in of the actor's account: every token issued so far stops working."""
    user = UserRepository(session).get(actor.user_id)
    if user is None:
        raise AuthenticationError("로그인이 필요합니다.")
    user.token_version += 1
    audit.record(session, actor=actor, action="user.signed_out", subject_type="user", subject_id=user.id)


def _by_email(session: Session, email: str) -> User:
    user = UserRepository(session).by_email(email.strip().lower())
    if user is None:
        raise UsageError(f"등록되지 않은 전자우편 주소입니다: {email}")
    return user


def change_password(session: Session, *, settings: Settings, email: str, password: str) -> User:
    """A new password (the command line); every sign-in of the account ends."""
    if len(password) < MIN_PASSWORD:
        raise UsageError(f"비밀번호는 {MIN_PASSWORD}자 이상이어야 합니다.")
    user = _by_email(session, email)
    user.password_hash = hasher(settings).hash(password)
    user.token_version += 1
    audit.record(session, actor=None, action="user.password_changed", subject_type="user", subject_id=user.id)
    return user


def set_active(session: Session, *, email: str, active: bool) -> User:
    """Disable (or enable again) an account (the command line); disabling ends every sign-in."""
    user = _by_email(session, email)
    user.active = active
    if not active:
        user.token_version += 1
    action = "user.enabled" if active else "user.disabled"
    audit.record(session, actor=None, action=action, subject_type="user", subject_id=user.id)
    return user


def list_reviewers(session: Session, *, actor: Actor) -> Sequence[User]:
    require_role(actor, Role.staff)
    return UserRepository(session).by_role(Role.reviewer.value)


def profile(session: Session, *, actor: Actor) -> User:
    user = UserRepository(session).get(actor.user_id)
    if user is None:
        raise AuthenticationError("로그인이 필요합니다.")
    return user


def staff_count(session: Session) -> int:
    return len(UserRepository(session).by_role(Role.staff.value))


def all_users(session: Session) -> Sequence[User]:
    """Every account (the command line, run by whoever administers the server)."""
    return UserRepository(session).all()


def organisation_of(session: Session, organisation_id: int | None) -> Organisation | None:
    return OrganisationRepository(session).get(organisation_id) if organisation_id else None
