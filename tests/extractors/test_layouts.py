"""Layouts the engine reads by geometry, whatever the document type: labels letter-spaced over wide
gaps, values in the next ruled cell or the row below, several values in one cell."""

from __future__ import annotations

from dsreview.domain import Page, Word
from dsreview.extractors.labels import PageLines, page_lines
from dsreview.extractors.types import EXTRACTORS

Cell = tuple[str, float]  # text, left edge in points
Rule = tuple[float, float, float, float]


def text_page(*rows: list[Cell], rules: list[Rule] | None = None, spacing: float = 22) -> PageLines:
    """A born-digital page: each row a line `spacing` pt below the last, 6 pt a character, each
    space-separated token a word (as the text layer splits them)."""
    words: list[Word] = []
    for i, row in enumerate(rows):
        top = 100.0 + spacing * i
        for text, x0 in row:
            x = x0
            for token in text.split():
                words.append(Word(token, x, top, x + 6 * len(token), top + 10))
                x += 6 * len(token) + 3
    page = Page(source="doc.pdf", number=1, width=595, height=842, words=words, rules=list(rules or []))
    return page_lines(page)


def extract(doc_type: str, page: PageLines) -> dict[str, object]:
    return {k: (fv.value if fv else None) for k, fv in EXTRACTORS[doc_type].extract([page]).items()}


def test_a_label_spread_over_wide_gaps_finds_its_value() -> None:
    page = text_page(
        [("대", 60), ("표", 90), ("자", 120), (":", 150), ("김민준", 170)],
        [("등", 60), ("록", 80), ("번", 100), ("호", 120), ("134-86-72607", 170)],
    )
    fields = extract("business_registration", page)
    assert fields["representative"] == "김민준"
    assert fields["registration_number"] == "134-86-72607"


def test_words_spread_across_their_ruled_cell_stay_one_value() -> None:
    # cells: label column 50..200, value column 200..500; rows 95..118 and 118..140
    rules = [(50, 95, 500, 95), (50, 118, 500, 118), (50, 140, 500, 140)]
    rules += [(50, 95, 50, 140), (200, 95, 200, 140), (500, 95, 500, 140)]
    page = text_page(
        [("상", 60), ("호", 180), ("주식회사 하늘클라우드", 210)],
        [("대표자", 60), ("김", 210), ("민", 320), ("준", 440)],
        rules=rules,
    )
    assert [s.text for s in page.lines[0].segments] == ["상 호", "주식회사 하늘클라우드"]
    assert [s.text for s in page.lines[1].segments] == ["대표자", "김 민 준"]
    assert page.lines[1].segments[1].cell == (200, 118, 500, 140)
    fields = extract("business_registration", page)
    assert fields["company_name"] == "주식회사 하늘클라우드"
    assert fields["representative"] == "김민준"


def test_a_frame_around_the_page_is_no_cell() -> None:
    frame = [(20, 20, 575, 20), (20, 820, 575, 820), (20, 20, 20, 820), (575, 20, 575, 820)]
    page = text_page([("대표자 :", 60), ("김민준", 300)], rules=frame)
    assert [s.cell for s in page.lines[0].segments] == [None, None]
    assert [s.text for s in page.lines[0].segments] == ["대표자 :", "김민준"]
