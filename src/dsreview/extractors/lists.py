"""Lists printed in columns: items under a header, row by row, or two lists side by side on a
line (`업태 정보통신업, 서비스업   종목 소프트웨어 개발`) and the lines they wrap onto.

Items are kept one per row; a row that holds a comma-separated list is split at its commas, and a
wrapped line continues the last item only when the list is written with commas (a stacked list
has an item a line).
"""

from __future__ import annotations

from dataclasses import dataclass

from dsreview.domain import Word
from dsreview.extractors import normalize as nz
from dsreview.extractors.labels import Hit, PageLines, is_label
from dsreview.extractors.layout import Line, Segment
from dsreview.extractors.text import HANGUL, join_letter_spaced, squash
from dsreview.extractors.values import Columns


@dataclass(slots=True)
class Items:
    """A list read off a page: its items, the words they came from, the page."""

    values: list[str]
    words: list[Word]
    page: PageLines


def _text(words: list[Word], pl: PageLines) -> str:
    text = " ".join(w.text for w in words)
    return join_letter_spaced(text) if pl.ocr else text


def _items(rows: list[str]) -> list[str]:
    """Items of rows of text: split at commas; a row without its own comma after a row ending in
    an unfinished comma list continues that list's last item."""
    out: list[str] = []
    commas = any("," in r or "，" in r for r in rows)
    for i, row in enumerate(rows):
        parts = nz.split_list(row)
        if not parts:
            continue
        if commas and i > 0 and out and not rows[i - 1].rstrip().endswith((",", "，")):
            out[-1] = f"{out[-1]} {parts[0]}"
            parts = parts[1:]
        out.extend(parts)
    seen: list[str] = []
    for item in out:  # a 업태 printed again on each of its 종목's rows is one 업태
        if item not in seen:
            seen.append(item)
    return seen


def _is_key(word: Word, keys: set[str]) -> bool:
    return squash(word.text).rstrip(":：") in keys


def side_by_side(
    pl: PageLines, li: int, left: set[str], right: set[str], stop: list[str]
) -> tuple[Items, Items] | None:
    """Two lists on line `li`: `<left> A, B  <right> C` (the right one maybe on the next line), and
    the lines under them, each word going to the list under whose values it stands."""
    line = pl.lines[li]
    words = line.words
    at_left = next((i for i, w in enumerate(words) if _is_key(w, left)), None)
    if at_left is None or at_left + 1 >= len(words) or _is_key(words[at_left + 1], right):
        return None  # no values after the first key: a header row, read by columns
    at_right = next((i for i, w in enumerate(words) if i > at_left and _is_key(w, right)), None)
    left_rows = [words[at_left + 1 : at_right]] if at_right is not None else [words[at_left + 1 :]]
    if pl.ocr and at_right is None and not any(HANGUL.search(w.text) for w in left_rows[0]):
        return None  # `업태 | a=`: a header row whose second key the OCR garbled
    right_rows: list[list[Word]] = [words[at_right + 1 :]] if at_right is not None else []
    split_x = words[at_right].x0 if at_right is not None else None
    value_start = words[at_left + 1].x0
    prev = line
    for nxt in pl.lines[li + 1 : li + 6]:
        if nxt.top - prev.bottom > prev.height * 0.9 or ":" in nxt.text or "：" in nxt.text:
            break
        keyed = next((i for i, w in enumerate(nxt.words) if _is_key(w, right)), None)
        if keyed is not None and split_x is None:  # `종목 …` on a line of its own
            split_x = -1.0
            right_rows.append(nxt.words[keyed + 1 :])
            prev = nxt
            continue
        if any(is_label(seg, stop, pl.ocr) for seg in nxt.segments):
            break
        flowing = nxt.words[0].x0 < value_start - 0.5 * max(nxt.height, 1.0)
        if split_x is None:
            left_rows.append(nxt.words)
        elif split_x < 0 or flowing:  # the text wrapped back to the margin: the last list goes on
            right_rows.append(nxt.words)
        else:
            left_rows.append([w for w in nxt.words if w.x1 <= split_x])
            right_rows.append([w for w in nxt.words if w.x1 > split_x])
        prev = nxt
    lists = []
    for rows in (left_rows, right_rows):
        rows = [r for r in rows if r]
        lists.append(Items(_items([_text(r, pl) for r in rows]), [w for r in rows for w in r], pl))
    return lists[0], lists[1]


def column_items(hit: Hit, stop: list[str]) -> Items | None:
    """The items under a header (its ruled cells downwards, else the table's column by position),
    one per row, until the table ends."""
    pl = hit.page
    if pl.cells is not None and hit.segment.cell is not None:
        rows: list[list[Word]] = []
        head = hit.segment.cell
        box = pl.cells.below(head)
        # down the column while its cells keep the header's width: another table's cells differ
        while box is not None and len(rows) < 30 and abs(box[0] - head[0]) + abs(box[2] - head[2]) < 4:
            found = pl.cell_words(box)
            if found and is_label(Segment(found[:3]), stop, pl.ocr):
                break
            if found:
                rows.append(found)
            box = pl.cells.below(box)
        if rows:
            return Items(_items([_text(r, pl) for r in rows]), [w for r in rows for w in r], pl)
    return _by_position(hit, stop)


def _by_position(hit: Hit, stop: list[str]) -> Items | None:
    pl = hit.page
    header: Line = pl.lines[hit.line]
    below = pl.lines[hit.line + 1 :]
    columns = Columns(header, below)
    first = header.segments[0].x0 - 0.5 * max(header.height, 1.0)
    rows: list[list[Word]] = []
    prev = header
    for line in below:
        if line.top - prev.bottom > prev.height * 2.2:
            break
        if any(is_label(seg, stop, pl.ocr) for seg in line.segments):
            break
        cells = columns.cells(line).get(hit.seg, [])
        if len(line.segments) > len(header.segments):
            # a row header left of the table's columns (`사업의 종류`) is in none of them (a
            # column's own cells may start left of its centred header: then none is extra)
            cells = [c for c in cells if c.x1 > first]
        prev = line
        if cells:
            rows.append([w for c in cells for w in c.words])
    if not rows:
        return None
    return Items(_items([_text(r, pl) for r in rows]), [w for r in rows for w in r], pl)
