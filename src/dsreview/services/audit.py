"""The audit trail: every state change records who, when, what, and the files involved."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy.orm import Session

from dsreview.services.actors import Actor, require_role
from dsreview.store.models import AuditEvent, Role
from dsreview.store.repositories import AuditRepository


def record(
    session: Session,
    *,
    actor: Actor | None,
    action: str,
    subject_type: str,
    subject_id: int | None,
    data: dict[str, Any] | None = None,
    files: Iterable[str] = (),
) -> AuditEvent:
    event = AuditEvent(
        actor_id=actor.user_id if actor else None,
        actor_role=actor.role.value if actor else "system",
        action=action,
        subject_type=subject_type,
        subject_id=subject_id,
        data=data or {},
        files=sorted(set(files)),
    )
    return AuditRepository(session).add(event)


def list_events(
    session: Session,
    *,
    actor: Actor,
    subject_type: str | None = None,
    subject_id: int | None = None,
    action: str | None = None,
    limit: int = 200,
    offset: int = 0,
) -> Sequence[AuditEvent]:
    require_role(actor, Role.staff)
    return AuditRepository(session).search(
        subject_type=subject_type, subject_id=subject_id, action=action, limit=limit, offset=offset
    )
