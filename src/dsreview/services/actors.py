"""Who is acting: the signed-in user as the services see them, and the rules of what they may see."""

from __future__ import annotations

from dataclasses import dataclass

from dsreview.errors import ForbiddenError
from dsreview.store.models import Role, User


@dataclass(frozen=True, slots=True)
class Actor:
    user_id: int
    role: Role
    organisation_id: int | None
    email: str
    name: str = ""

    @classmethod
    def of(cls, user: User) -> Actor:
        return cls(
            user_id=user.id,
            role=Role(user.role),
            organisation_id=user.organisation_id,
            email=user.email,
            name=user.name,
        )

    @property
    def is_staff(self) -> bool:
        return self.role is Role.staff


SYSTEM = None  # the actor of work the system does by itself (jobs, demo data): no user


def require_role(actor: Actor, *roles: Role) -> None:
    """Services re-check the role, so a second front end cannot forget it."""
    if actor.role not in roles:
        raise ForbiddenError(
            "이 기능을 사용할 권한이 없습니다.",
            detail={"role": actor.role.value, "allowed": [r.value for r in roles]},
        )
