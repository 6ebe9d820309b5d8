"""Business status (휴업/폐업) from 국세청's 사업자등록 상태조회 on the public data portal.

`POST <url>?serviceKey=KEY` with `{"b_no": [...]}` (at most 100 ten-digit numbers) answers
`{"status_code": "OK", "data": [{"b_no", "b_stt", "b_stt_cd", "end_dt", ...}]}`; `b_stt_cd` is
`01` 계속 / `02` 휴업 / `03` 폐업 and empty for a number 국세청 does not know. The provider is
optional: without a key `provider_for` gives None and the callers skip the check (an `info`
finding at intake, a note in 상시점검).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, Protocol

import httpx

from dsreview.config import Settings
from dsreview.domain.business import BusinessCheck, BusinessState, BusinessStatus
from dsreview.domain.identifiers import digits_of
from dsreview.errors import UnavailableError

log = logging.getLogger("dsreview.business_status")
BATCH = 100  # numbers per request, the service's limit


class BusinessStatusProvider(Protocol):
    def statuses(self, brns: Sequence[str]) -> dict[str, BusinessStatus]:
        """The status of each number (ten digits), by number; raises UnavailableError."""
        ...


def _closed_on(value: Any) -> date | None:
    text = str(value or "")
    if len(text) == 8 and text.isdigit():
        try:
            return date(int(text[:4]), int(text[4:6]), int(text[6:]))
        except ValueError:
            return None
    return None


def _status(row: dict[str, Any]) -> BusinessStatus:
    code = str(row.get("b_stt_cd") or "")
    state = BusinessState(code) if code in BusinessState._value2member_map_ else BusinessState.unregistered
    return BusinessStatus(
        brn=digits_of(str(row.get("b_no", ""))),
        state=state,
        closed_on=_closed_on(row.get("end_dt")),
        text=str(row.get("b_stt") or row.get("tax_type") or ""),
    )


class NtsBusinessStatus:
    """The portal's service over HTTPS (any server that speaks its protocol, in tests a local one)."""

    def __init__(self, *, url: str, service_key: str, timeout: float = 10.0) -> None:
        self.url, self.service_key, self.timeout = url, service_key, timeout

    def statuses(self, brns: Sequence[str]) -> dict[str, BusinessStatus]:
        wanted = sorted({digits_of(b) for b in brns if len(digits_of(b)) == 10})
        found: dict[str, BusinessStatus] = {}
        with httpx.Client(timeout=self.timeout) as client:
            for start in range(0, len(wanted), BATCH):
                found.update(self._batch(client, wanted[start : start + BATCH]))
        return found

    def _batch(self, client: httpx.Client, numbers: list[str]) -> dict[str, BusinessStatus]:
        try:
            response = client.post(self.url, params={"serviceKey": self.service_key}, json={"b_no": numbers})
            response.raise_for_status()
            body = response.json()
        except (httpx.HTTPError, ValueError) as exc:
            raise UnavailableError(f"국세청 사업자등록 상태조회가 응답하지 않습니다: {exc}") from exc
        if not isinstance(body, dict) or body.get("status_code") != "OK":
            code = body.get("status_code") if isinstance(body, dict) else None
            raise UnavailableError(f"국세청 사업자등록 상태조회가 오류를 알렸습니다: {code}")
        rows = [_status(row) for row in body.get("data") or [] if isinstance(row, dict)]
        return {row.brn: row for row in rows if row.brn}


def provider_for(settings: Settings) -> BusinessStatusProvider | None:
    config = settings.business_status
    if not config.service_key:
        return None
    return NtsBusinessStatus(url=config.url, service_key=config.service_key, timeout=config.timeout_seconds)


def lookup(provider: BusinessStatusProvider | None) -> Callable[[str | None], BusinessCheck]:
    """The engine's hook: a bundle's BRN → what the provider says (or why it says nothing)."""

    def one(brn: str | None) -> BusinessCheck:
        if provider is None:
            return BusinessCheck.skipped("not_configured")
        if brn is None:
            return BusinessCheck.skipped("no_number")
        try:
            found = provider.statuses([brn]).get(brn)
        except UnavailableError as exc:
            log.warning("business status of %s not looked up: %s", brn, exc.message)
            return BusinessCheck.skipped("failed")
        return BusinessCheck(status=found or BusinessStatus(brn=brn, state=BusinessState.unregistered))

    return one
