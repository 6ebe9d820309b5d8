"""Jinja filters of the DOCX templates: Korean dates and money, item letters, coded-value labels.

Every filter returns plain `str`, so the environment's autoescaping still applies to its output.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

import jinja2

from dsreview.domain import korean

EMPTY = "—"

# 가 나 다 … 하 (the second level of official numbering), then 거 너 더 …, 고 노 도 …
_INITIALS = "ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎ"
_VOWELS = (0, 4, 8, 13, 18, 20)  # ㅏ ㅓ ㅗ ㅜ ㅡ ㅣ as medial indexes of the Hangul syllable block
_CHOSEONG_INDEX = (0, 2, 3, 5, 6, 7, 9, 11, 12, 14, 15, 16, 17, 18)


def _as_date(value: Any) -> date:
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def kdate(value: Any) -> str:
    """`2024-04-05` → `2024. 4. 5.` (the official-document form); None → `—`."""
    if value is None or value == "":
        return EMPTY
    d = _as_date(value)
    return f"{d.year}. {d.month}. {d.day}."


def number(value: Any) -> str:
    """`120000000` → `120,000,000`."""
    if value is None:
        return EMPTY
    return f"{int(value):,}"


def won(value: Any) -> str:
    """`120000000` → `금120,000,000원(금일억이천만원)`: with its reading in words (시행규칙 제2조②)."""
    if value is None:
        return EMPTY
    return korean.won(int(value))


def marker(index: int, level: int) -> str:
    """The official item marker: `{{ loop.index|marker(3) }}` → `1)` (levels 1–8, `1.` … `㉮`)."""
    return korean.item_marker(level, index)


def ktime(value: Any) -> str:
    """`15:20:00` → `15:20`; None → `—`."""
    if value is None or value == "":
        return EMPTY
    return korean.ktime(value)


def attachment(value: Any) -> str:
    """An attachment line ends with a period: `선정 확인서 1부` → `선정 확인서 1부.` (붙임  1. ○○ 1부.)."""
    text = str(value).rstrip()
    return text if text.endswith(".") else f"{text}."


def period_days(value: Any) -> str:
    """20 → `(20일간)`."""
    return korean.days(int(value))


def ganada(index: int) -> str:
    """1 → 가, 2 → 나, … 14 → 하, 15 → 거 …: the letters of the `가.` and `가)` levels."""
    if index < 1:
        raise ValueError(f"item index starts at 1: {index}")
    cycle, pos = divmod(index - 1, len(_INITIALS))
    if cycle >= len(_VOWELS):
        return str(index)
    return chr(0xAC00 + (_CHOSEONG_INDEX[pos] * 21 + _VOWELS[cycle]) * 28)


def or_dash(value: Any) -> str:
    """None or an empty string → `—`; anything else as text."""
    if value is None or value == "":
        return EMPTY
    return str(value)


@lru_cache(maxsize=1)
def _labels() -> dict[str, dict[str, str]]:
    ref = resources.files("dsreview.forms").joinpath("render", "labels.json")
    raw: dict[str, Any] = json.loads(ref.read_text(encoding="utf-8"))
    return {k: v for k, v in raw.items() if isinstance(v, dict)}


def label(value: Any, group: str) -> str:
    """The Korean label of a coded value (`cloud_computing` → `클라우드컴퓨팅서비스`); None → `—`."""
    if value is None:
        return EMPTY
    key = str(value).lower() if isinstance(value, bool) else str(value)
    return _labels()[group].get(key, key)


def labels(group: str) -> dict[str, str]:
    """All labels of a group, e.g. for tests that look for a value's label in the output."""
    return dict(_labels()[group])


FILTERS: dict[str, Callable[..., str]] = {
    "kdate": kdate,
    "number": number,
    "won": won,
    "ganada": ganada,
    "dash": or_dash,
    "label": label,
    "marker": marker,
    "ktime": ktime,
    "days": period_days,
    "attachment": attachment,
}


@lru_cache(maxsize=1)
def jinja_env() -> jinja2.Environment:
    """The templates' Jinja: autoescaped, a misspelt name an error (StrictUndefined), these filters."""
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    env.filters.update(FILTERS)
    return env
