"""Reading the value that belongs to a label found by `labels`: the second stage.

The value is the rest of the label's segment, else the next segment on the line, else the cell below
(header-row tables), with wrapped continuation lines joined where the field allows it. On scans the
words OCR spaced apart are joined again, and cells OCR cut at a gap are joined where asked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from dsreview.domain import Word
from dsreview.extractors.labels import ONLY_PUNCT, Hit, PageLines, is_label, label_start, match_at
from dsreview.extractors.layout import Line, Segment, bbox_of
from dsreview.extractors.text import HANGUL, HANGUL_SYLLABLE

_LEADING_COLON = re.compile(r"^[\s:;：|·]+")


@dataclass(slots=True)
class Value:
    text: str
    words: list[Word]
    page: PageLines
    confidence: float

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return bbox_of(self.words)


def _conf(words: list[Word]) -> float:
    return sum(w.confidence for w in words) / len(words) if words else 0.0


def words_value(words: list[Word], pl: PageLines, text: str | None = None) -> Value:
    """A value made of these words (their text unless another is given), at their mean confidence."""
    return Value(
        text=" ".join(w.text for w in words) if text is None else text,
        words=words,
        page=pl,
        confidence=_conf(words),
    )


def ocr_join(words: list[Word]) -> str:
    """OCR'd words as text, with the spaces Tesseract puts between the syllables of one Korean word
    taken out: `나 래 시 스 템 즈` → `나래시스템즈`, `( 주 )` → `(주)`; real gaps stay."""
    out = ""
    prev: Word | None = None
    for w in words:
        if prev is not None:
            gap = (w.x0 - prev.x1) / max(1.0, min(w.height, prev.height))
            a, b = prev.text, w.text
            single = HANGUL_SYLLABLE.match(a) is not None or HANGUL_SYLLABLE.match(b) is not None
            both_hangul = HANGUL.search(a[-1:]) is not None and HANGUL.search(b[:1]) is not None
            glue = (
                (both_hangul and ((single and gap < 0.32) or gap < 0.15))
                or a in ("(", "（")
                or b in (")", "）")
            )
            out += "" if glue else " "
        out += w.text
        prev = w
    return out


def _make(words: list[Word], pl: PageLines, prefix: str = "") -> Value | None:
    joined = ocr_join(words) if pl.ocr else " ".join(w.text for w in words)
    text = (prefix + " " + joined).strip()
    text = _LEADING_COLON.sub("", text).strip()
    if not text or ONLY_PUNCT.match(text):
        return None
    return Value(text=text, words=words or [], page=pl, confidence=_conf(words) if words else 0.9)


def value_of(
    hit: Hit,
    *,
    stop: list[str],
    multiline: bool = False,
    below: bool = True,
    right: bool = True,
    skip_rest: bool = False,
    join_cells: bool = False,
    wrapped: bool = False,
) -> Value | None:
    """The value of a label: rest of its segment, else the next segment, else the cell below.

    With `join_cells`, the value goes on across the line's next cells up to another label (OCR
    splits a long address at a wide gap: `… 첨단과기로` `119, 10층`).
    """
    pl = hit.page
    if pl.cells is not None and hit.segment.cell is not None:
        first = next(_cell_candidates(hit, stop, right=right, below=below, skip_rest=skip_rest), None)
        if first is not None:
            return first
    line = pl.lines[hit.line]
    rest = [] if skip_rest else _until_label(hit.segment.words[hit.end + 1 :], stop, pl)
    if join_cells and rest:
        rest = rest + _cells_from(pl, line, hit.seg + 1, stop)
    value = _make(rest, pl, "" if skip_rest else hit.remainder)
    if value is None and right:
        for k, seg in enumerate(line.segments[hit.seg + 1 :], start=hit.seg + 1):
            if ONLY_PUNCT.match(seg.text) or _sliver(seg):
                continue
            if is_label(seg, stop, pl.ocr):
                break
            value = _make(_cells_from(pl, line, k, stop) if join_cells else seg.words, pl)
            break
    if value is None and below:
        value = _below(hit, stop, wrapped=wrapped)
        multiline = False
    if value is not None and multiline:
        value = _continue(value, hit, stop)
    return value


def candidates(
    hit: Hit,
    *,
    stop: list[str],
    multiline: bool = False,
    below: bool = True,
    join_cells: bool = False,
) -> Iterator[Value]:
    """Every place the value of a label may be, most likely first; the caller keeps the first one
    its kind can read (a date, a grade …). In a ruled table: the rest of the label's cell, the cell
    right of it, the cell under it. Then, by lines: the rest of its segment or the next one, the
    cell under it in a header row (also wrapped over two lines), the rest of its line (a scan may
    cut a value into cells), the line under it."""
    pl = hit.page
    if pl.cells is not None and hit.segment.cell is not None:
        yield from _cell_candidates(hit, stop, right=True, below=below, skip_rest=False)
    first = value_of(hit, stop=stop, multiline=multiline, below=below, join_cells=join_cells)
    if first is not None:
        yield first
    whole = value_of(hit, stop=stop, below=below, join_cells=join_cells, wrapped=True)
    if whole is not None:
        yield whole
    if pl.ocr:
        rest = line_rest(hit)
        if rest is not None:
            yield rest
    if below and not hit.segment.words[hit.end + 1 :] and not hit.remainder:
        # a label alone in its cell, with something else right of it: a header row's label
        under = _below(hit, stop)
        if under is not None:
            yield under


def _cell_candidates(
    hit: Hit, stop: list[str], *, right: bool, below: bool, skip_rest: bool
) -> Iterator[Value]:
    """A label in a ruled cell. Its value is the rest of its line in the cell; else the cell to its
    right; else the rest of its own cell under it (a field name printed small above its value,
    when the cell to the right is another field's); else the cell under it (a header row). Cells
    are read whole, over the lines their text wraps to. Words after the label that are not set off
    by a colon, with a value cell right of them, still belong to the label (`교육용 서비스 해당 여부`)."""
    pl = hit.page
    cells = pl.cells
    box = hit.segment.cell
    assert cells is not None
    assert box is not None
    words = pl.cell_words(box)
    last = hit.label_words[-1]
    at = next((i for i, w in enumerate(words) if w is last), None)
    after = _until_label(words[at + 1 :], stop, pl) if at is not None and not skip_rest else []
    same_line = [w for w in after if abs(w.mid_y - last.mid_y) < 0.5 * last.height]
    lines_below = [w for w in after if w not in same_line]
    neighbour = cells.right_of(box) if right else None
    beside = pl.cell_words(neighbour) if neighbour is not None else []
    beside_is_value = bool(beside) and not is_label(Segment(_first_line(beside)), stop, pl.ocr)
    colon = hit.remainder or (same_line and same_line[0].text.startswith((":", "：")))
    if same_line and (colon or not beside_is_value or len(same_line) > 3):
        value = _make(same_line, pl, hit.remainder)
        if value is not None:
            yield value
    if beside_is_value:
        value = _make(beside, pl)
        if value is not None:
            yield value
    if lines_below:
        value = _make(lines_below, pl)
        if value is not None:
            yield value
    if below:
        under = cells.below(box)
        found = pl.cell_words(under) if under is not None else []
        if found and not is_label(Segment(_first_line(found)), stop, pl.ocr):
            value = _make(found, pl)
            if value is not None:
                yield value


def _first_line(words: list[Word]) -> list[Word]:
    first = words[0]
    return [w for w in words if abs(w.mid_y - first.mid_y) < 0.5 * first.height]


def _until_label(words: list[Word], stop: list[str], pl: PageLines) -> list[Word]:
    """Words up to another label set off by its colon in the same run (`… 법인등록번호 : …`,
    `… 법 인 등 록 번호 : …`)."""
    for k in range(1, len(words)):
        m = match_at(words[k:], stop, fuzzy=pl.ocr)
        if m is None or label_start(words[k:]) != 0:
            continue
        end = k + m[0]
        if (
            m[3]
            or words[end].text.rstrip().endswith((":", "："))
            or (end + 1 < len(words) and words[end + 1].text.startswith((":", "：")))
        ):
            return words[:k]
    return words


def _sliver(seg: Segment) -> bool:
    """A cell far narrower than it is tall: a colon or a rule that OCR read as letters (`soe`)."""
    height = max(w.bottom - w.top for w in seg.words)
    return seg.x1 - seg.x0 < 0.35 * height


def _cells_from(pl: PageLines, line: Line, start: int, stop: list[str]) -> list[Word]:
    """The words of the line's cells from index `start` on, up to another label or a gap wide
    enough to be another column."""
    words: list[Word] = []
    for seg in line.segments[start:]:
        if is_label(seg, stop, pl.ocr) or (words and seg.x0 - words[-1].x1 > 3 * line.height):
            break
        words += seg.words
    return words


def column_range(line: Line, index: int, width: float) -> tuple[float, float]:
    """The horizontal span of a header cell: halfway to its neighbours (cells may be centred)."""
    segs = line.segments
    lo = (segs[index - 1].x1 + segs[index].x0) / 2 if index > 0 else 0.0
    hi = (segs[index].x1 + segs[index + 1].x0) / 2 if index + 1 < len(segs) else width
    return lo, hi


def in_column(seg: Segment, span: tuple[float, float]) -> bool:
    return span[0] <= (seg.x0 + seg.x1) / 2 < span[1]


class Columns:
    """The columns of a table under a header line.

    Header cells are often centred while the cells below are left-aligned, so the columns are
    calibrated on the first row that fills every column; each cell then goes to the column whose
    left edge or centre it is nearest to.
    """

    def __init__(self, header: Line, rows: list[Line]) -> None:
        n = len(header.segments)
        full = next((r for r in rows[:4] if len(r.segments) == n), None)
        source = full.segments if full else header.segments
        self.starts = [s.x0 for s in source]
        self.centres = [(s.x0 + s.x1) / 2 for s in source]

    def index(self, seg: Segment) -> int:
        centre = (seg.x0 + seg.x1) / 2
        distances = [
            min(abs(seg.x0 - a), abs(centre - c)) for a, c in zip(self.starts, self.centres, strict=True)
        ]
        return distances.index(min(distances))

    def cells(self, line: Line) -> dict[int, list[Segment]]:
        out: dict[int, list[Segment]] = {}
        for seg in line.segments:
            out.setdefault(self.index(seg), []).append(seg)
        return out


def line_rest(hit: Hit) -> Value | None:
    """Everything right of the label on its line, across cells."""
    line = hit.page.lines[hit.line]
    words = hit.segment.words[hit.end + 1 :] + [w for seg in line.segments[hit.seg + 1 :] for w in seg.words]
    return _make(words, hit.page, hit.remainder)


def _below(hit: Hit, stop: list[str], *, wrapped: bool = False) -> Value | None:
    """Header-row tables: the value sits under its label in the next line.

    With `wrapped`, a cell that wraps (`2024 년 12 월` / `31 일`) is joined with its lines below in
    the same column, while they follow closely.
    """
    pl = hit.page
    line = pl.lines[hit.line]
    span = column_range(line, hit.seg, pl.page.width)
    for k, nxt in enumerate(pl.lines[hit.line + 1 : hit.line + 3], start=hit.line + 1):
        if nxt.top - line.bottom > line.height * 3.5:
            return None
        cells = [seg for seg in nxt.segments if in_column(seg, span)]
        if cells:
            if is_label(cells[0], stop, pl.ocr):
                return None
            # on a scan OCR may cut one cell at a gap (`2023 년 12` `월 31`): all of the column
            words = [w for seg in cells for w in seg.words] if pl.ocr else cells[0].words
            return _make(words + (_wrapped_cell(pl, k, span, stop) if wrapped else []), pl)
        line = nxt
    return None


def _wrapped_cell(pl: PageLines, row: int, span: tuple[float, float], stop: list[str]) -> list[Word]:
    """The words of a cell's wrapped lines under line `row`, in the column `span`."""
    words: list[Word] = []
    last = pl.lines[row]
    for nxt in pl.lines[row + 1 : row + 3]:
        if nxt.top - last.bottom > last.height * 0.9:
            break
        cells = [seg for seg in nxt.segments if in_column(seg, span)]
        if not cells or is_label(cells[0], stop, pl.ocr):
            break
        words += cells[0].words
        last = nxt
    return words


def _continue(value: Value, hit: Hit, stop: list[str]) -> Value:
    """Join wrapped lines of a value: lines below that start at the value's left edge."""
    pl = hit.page
    x0 = min(w.x0 for w in value.words) if value.words else hit.segment.x1
    x1 = max(w.x1 for w in value.words) if value.words else x0
    last = max(
        (i for i, ln in enumerate(pl.lines) if any(w in ln.words for w in value.words)), default=hit.line
    )
    words = list(value.words)
    text = value.text
    height = pl.lines[last].height
    for nxt in pl.lines[last + 1 : last + 3]:
        if nxt.top - pl.lines[last].bottom > height * 1.2:
            break
        first = nxt.segments[0]
        if first.x0 < x0 - height * 0.8 or first.x0 > x0 + height * 1.5:
            break
        if is_label(first, stop, pl.ocr) or first.x0 > x1 + height:
            break
        words += first.words
        text += " " + first.text
        last = pl.lines.index(nxt)
    return Value(text=text, words=words, page=pl, confidence=_conf(words))


def lines_text(pages: list[PageLines]) -> str:
    return "\n".join(line.text for pl in pages for line in pl.lines)
