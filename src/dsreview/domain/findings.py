"""Findings are data: what is wrong or notable in a bundle, with a stable code and a Korean message."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class Severity(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


class Status(StrEnum):
    """The outcome of one review criterion (DOMAIN §6)."""

    passed = "pass"
    fail = "fail"
    exempt = "exempt"
    review = "review"


CRITERIA: tuple[str, ...] = ("1", "2-1", "2-2", "3-1", "3-2", "3-3")


class Finding(BaseModel):
    model_config = ConfigDict(frozen=True)

    code: str
    criterion: str | None = None
    severity: Severity
    document: str | None = None
    field: str | None = None
    message: str
    source: str | None = None  # the file concerned, where there is one

    def key(self) -> str:
        return f"{self.code}:{self.document}" if self.document else self.code
