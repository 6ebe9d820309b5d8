"""How values are printed: many date, money and grade forms, as real issuers print them."""

from __future__ import annotations

import random
from datetime import date

DATE_STYLES = ["kor", "kor0", "kor_spaced", "dot", "dot_space", "dash", "slash"]


def fmt_date(d: date, style: str) -> str:
    return {
        "kor": f"{d.year}년 {d.month}월 {d.day}일",
        "kor0": f"{d.year}년 {d.month:02d}월 {d.day:02d}일",
        "kor_spaced": f"{d.year} 년 {d.month:02d} 월 {d.day:02d} 일",
        "dot": f"{d.year}.{d.month:02d}.{d.day:02d}",
        "dot_space": f"{d.year}. {d.month}. {d.day}.",
        "dash": d.isoformat(),
        "slash": f"{d.year}/{d.month:02d}/{d.day:02d}",
    }[style]


def pick_date_style(rng: random.Random, *, allow: list[str] | None = None) -> str:
    return rng.choice(allow or DATE_STYLES)


def fmt_money(won: int, style: int) -> str:
    return [f"금 {won:,} 원", f"금{won:,}원", f"{won:,}원", f"금 {won:,}원"][style % 4]


def fmt_grade(grade: str, *, zero: bool) -> str:
    """Issuers print the middle grade with a 0: BB → BB0."""
    if zero and grade not in ("AAA", "CC", "C", "D", "NR", "NCR", "R") and grade[-1] not in "+-":
        return grade + "0"
    return grade


def fmt_hours(hours: float, rng: random.Random) -> str:
    if hours < 1:
        return f"{round(hours * 60)}분"
    return f"{int(hours) if hours == int(hours) else hours}시간"


def company_name_variants(stem: str) -> dict[str, str]:
    return {
        "prefix": f"(주){stem}",
        "suffix": f"{stem}(주)",
        "full": f"주식회사 {stem}",
        "full_suffix": f"{stem} 주식회사",
        "symbol": f"㈜{stem}",
        "spaced": f"( 주 ){stem}",
    }
