"""Particles follow the word: 받침 or not, digits read aloud, a closing bracket skipped."""

from __future__ import annotations

import pytest

from dsreview.domain.korean import particle


@pytest.mark.parametrize(
    ("word", "closed", "open_", "expected"),
    [
        ("계약명", "을", "를", "계약명을"),
        ("가격", "은", "는", "가격은"),
        ("차수 이름", "이", "가", "차수 이름이"),
        ("「2025년 제1차」", "은", "는", "「2025년 제1차」는"),
        ("DS-2026-00012", "을", "를", "DS-2026-00012를"),
        ("DS-2026-00010", "을", "를", "DS-2026-00010을"),
        ("결과 확정", "으로", "로", "결과 확정으로"),
        ("검토", "으로", "로", "검토로"),
        ("CSAP", "을", "를", "CSAP을(를)"),
    ],
)
def test_particle(word: str, closed: str, open_: str, expected: str) -> None:
    assert particle(word, closed, open_) == expected
