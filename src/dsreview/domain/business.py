"""A business's registration status as 국세청 reports it (사업자등록 상태조회), and the answer of a lookup."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class BusinessState(StrEnum):
    """`b_stt_cd` of the status service; an unregistered number answers an empty code."""

    active = "01"  # 계속사업자
    suspended = "02"  # 휴업자
    closed = "03"  # 폐업자
    unregistered = ""


@dataclass(frozen=True, slots=True)
class BusinessStatus:
    brn: str  # ten digits
    state: BusinessState
    closed_on: date | None = None  # end_dt, for a closed business
    text: str = ""  # b_stt / tax_type as the service printed them


@dataclass(frozen=True, slots=True)
class BusinessCheck:
    """What a lookup gave for one bundle: a status, or why there is none (not configured, failed)."""

    status: BusinessStatus | None = None
    unavailable: str | None = None  # not_configured | failed

    @classmethod
    def skipped(cls, reason: str = "not_configured") -> BusinessCheck:
        return cls(status=None, unavailable=reason)
