"""Sign-in throttling: growing delays per account and per client address, and a bound on how many
password hashes run at once (each one costs `password_memory_kib` of memory).

One `SignInGuard` per API process (kept in the app's context), used by the API's token route and
the pages' sign-in form alike. A refused attempt costs no hashing: the wait is checked first.

    guard.attempt(email, address, lambda: users.authenticate(...))   # the user, or raises
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from dsreview.config import SignInLimits
from dsreview.errors import InvalidCredentialsError, TooManyRequestsError

T = TypeVar("T")


@dataclass(slots=True)
class _Record:
    failures: int = 0
    last: float = 0.0
    blocked_until: float = 0.0


def _wait_message(seconds: int) -> str:
    minutes = math.ceil(seconds / 60)
    when = f"{seconds}초" if seconds < 60 else f"{minutes}분"
    return f"로그인 시도가 너무 많습니다. {when} 뒤에 다시 시도해 주십시오."


class SignInGuard:
    def __init__(self, limits: SignInLimits, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self._clock = clock
        self._lock = threading.Lock()
        self._records: dict[tuple[str, str], _Record] = {}
        self._hashes = threading.BoundedSemaphore(max(1, limits.concurrent_hashes))

    def _keys(self, email: str, address: str) -> list[tuple[tuple[str, str], int]]:
        return [
            (("account", email.strip().lower()), self.limits.free_failures_account),
            (("address", address), self.limits.free_failures_address),
        ]

    def _check(self, email: str, address: str) -> None:
        now = self._clock()
        with self._lock:
            waits = [
                record.blocked_until - now
                for key, _ in self._keys(email, address)
                if (record := self._records.get(key)) is not None
            ]
        wait = max(waits, default=0.0)
        if wait > 0:
            raise TooManyRequestsError(_wait_message(math.ceil(wait)), retry_after=math.ceil(wait))

    def _failed(self, email: str, address: str) -> None:
        now = self._clock()
        with self._lock:
            for key, free in self._keys(email, address):
                record = self._records.setdefault(key, _Record())
                if now - record.last > self.limits.forget_after_seconds:
                    record.failures = 0
                record.failures += 1
                record.last = now
                over = record.failures - free
                if over > 0:
                    delay = min(
                        self.limits.first_delay_seconds * 2 ** (over - 1), self.limits.max_delay_seconds
                    )
                    record.blocked_until = max(record.blocked_until, now + delay)
            self._forget_old(now)

    def _succeeded(self, email: str) -> None:
        # Only the account starts afresh: a sign-in that works does not excuse an address's guesses.
        with self._lock:
            self._records.pop(("account", email.strip().lower()), None)

    def _forget_old(self, now: float) -> None:
        if len(self._records) < 10_000:
            return
        horizon = self.limits.forget_after_seconds
        for key in [k for k, r in self._records.items() if now - r.last > horizon and now > r.blocked_until]:
            del self._records[key]

    def attempt(self, email: str, address: str, check: Callable[[], T]) -> T:
        """Run the password `check` unless the account or the address must wait (429)."""
        self._check(email, address)
        if not self._hashes.acquire(timeout=self.limits.hash_wait_seconds):
            raise TooManyRequestsError(_wait_message(5), retry_after=5, detail={"reason": "busy"})
        try:
            result = check()
        except InvalidCredentialsError:
            self._failed(email, address)
            raise
        finally:
            self._hashes.release()
        self._succeeded(email)
        return result
