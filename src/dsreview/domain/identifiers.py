"""Check digits of Korean registration numbers (DOMAIN §5)."""

from __future__ import annotations


def brn_check_ok(digits: str) -> bool:
    """NTS check digit of a business registration number (eGovFramework `checkCompNumber`).

    Weights 1,3,7,1,3,7,1,3,5 on digits 1–9, plus floor(d9 × 5 / 10); check = (10 − sum % 10) % 10.
    python-stdnum's `stdnum.kr.brn` checks only the format, so it is not used here.
    """
    if len(digits) != 10 or not digits.isdigit():
        return False
    weights = (1, 3, 7, 1, 3, 7, 1, 3, 5)
    total = sum(int(d) * w for d, w in zip(digits[:9], weights, strict=True))
    total += (int(digits[8]) * 5) // 10
    return (10 - total % 10) % 10 == int(digits[9])


def crn_check_ok(digits: str) -> bool:
    """Check digit of a corporate registration number: weights 1,2 alternating over 12 digits."""
    if len(digits) != 13 or not digits.isdigit():
        return False
    total = sum(int(d) * (1 if i % 2 == 0 else 2) for i, d in enumerate(digits[:12]))
    return (10 - total % 10) % 10 == int(digits[12])


def digits_of(value: object) -> str:
    return "".join(ch for ch in str(value) if ch.isdigit())
