"""Korean as official documents write it: particles by 받침 as read aloud, money in words, markers."""

from __future__ import annotations

from pathlib import Path

import pytest

from dsreview.domain.korean import days, item_marker, kdate, ktime, particle, particles, won, won_in_words

WORDS = Path(__file__).resolve().parent / "golden" / "particles.tsv"


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
        ("서울", "으로", "로", "서울로"),
        ("1", "으로", "로", "1로"),
        ("3", "으로", "로", "3으로"),
        ("CSAP", "을", "를", "CSAP를"),
        ("URL", "이", "가", "URL이"),
        ("「big.pdf」", "을", "를", "「big.pdf」를"),
        ("…", "을", "를", "…을(를)"),
    ],
)
def test_particle(word: str, closed: str, open_: str, expected: str) -> None:
    assert particle(word, closed, open_) == expected


def _word_list() -> list[tuple[str, str]]:
    rows = []
    for line in WORDS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            written, expected = line.split("\t")
            rows.append((written, expected))
    return rows


@pytest.mark.parametrize(("written", "expected"), _word_list())
def test_particles_over_the_word_list(written: str, expected: str) -> None:
    assert particles(written) == expected


def test_particles_leave_what_they_cannot_read() -> None:
    assert particles("을(를) 입력해 주십시오") == "을(를) 입력해 주십시오"
    assert particles("없는 문장") == "없는 문장"


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (0, "영"),
        (7, "칠"),
        (10, "일십"),
        (113_560, "일십일만삼천오백육십"),
        (120_000_000, "일억이천만"),
        (1_000_010, "일백만일십"),
        (300_000_000_000, "삼천억"),
        (1_234_567_890_123, "일조이천삼백사십오억육천칠백팔십구만일백이십삼"),
    ],
)
def test_money_in_words(amount: int, words: str) -> None:
    assert won_in_words(amount) == words


def test_money_as_official_documents_print_it() -> None:
    assert won(113_560) == "금113,560원(금일십일만삼천오백육십원)"
    assert won(120_000_000) == "금120,000,000원(금일억이천만원)"


def test_eight_levels_of_item_markers() -> None:
    markers = [item_marker(level, 1) for level in range(1, 9)]
    assert markers == ["1.", "가.", "1)", "가)", "(1)", "(가)", "①", "㉮"]
    assert [item_marker(2, i) for i in (1, 2, 14, 15, 16)] == ["가.", "나.", "하.", "거.", "너."]
    assert item_marker(7, 20) == "⑳"
    assert item_marker(7, 21) == "㉑"
    assert item_marker(8, 14) == "㉻"
    with pytest.raises(ValueError):
        item_marker(9, 1)


def test_dates_times_and_periods() -> None:
    assert kdate("2024-04-05") == "2024. 4. 5."
    assert kdate("2024-12-22") == "2024. 12. 22."
    assert ktime("15:20:07") == "15:20"
    assert ktime("2024-04-05T09:05:00") == "09:05"
    assert days(20) == "(20일간)"
