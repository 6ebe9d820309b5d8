"""Table cells of a page from its ruled lines: which words share a cell, and the cell's box.

A word is in a cell when ruled lines close it in on all four sides: the nearest vertical rule left
of it and right of it that span its height, the nearest horizontal rule above and below it that
span its width. Merged cells and partly ruled tables fall out of that, with no grid to build. A
word that is not closed in (free text, a borderless table, a scan without rules) has no cell.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from dsreview.domain import Word

Box = tuple[float, float, float, float]  # x0, top, x1, bottom

_TOLERANCE = 1.2  # points a glyph box may overlap the rule that bounds its cell
_MERGE = 0.8  # rules closer than this are one (double-drawn borders)


@dataclass(frozen=True, slots=True)
class _Rule:
    at: float  # x of a vertical rule, y of a horizontal one
    lo: float  # where it starts along its length
    hi: float


def _rules(raw: list[tuple[float, float, float, float]], vertical: bool) -> list[_Rule]:
    rules = []
    for x0, y0, x1, y1 in raw:
        if vertical and x0 == x1:
            rules.append(_Rule(x0, min(y0, y1), max(y0, y1)))
        elif not vertical and y0 == y1:
            rules.append(_Rule(y0, min(x0, x1), max(x0, x1)))
    rules.sort(key=lambda r: r.at)
    lines: list[list[_Rule]] = []  # rules at (nearly) the same x or y
    for r in rules:
        if lines and r.at - lines[-1][0].at <= _MERGE:
            lines[-1].append(r)
        else:
            lines.append([r])
    merged: list[_Rule] = []
    for line in lines:  # collinear pieces of one border (a row drawn cell by cell) become one rule
        at = line[0].at
        pieces: list[_Rule] = []
        for r in sorted(line, key=lambda r: r.lo):
            if pieces and r.lo <= pieces[-1].hi + 1.0:
                pieces[-1] = _Rule(at, pieces[-1].lo, max(pieces[-1].hi, r.hi))
            else:
                pieces.append(_Rule(at, r.lo, r.hi))
        merged.extend(pieces)
    merged.sort(key=lambda r: r.at)
    return merged


class Cells:
    """Cell lookups over one page's rules. A box that closes in a large part of the page is a
    frame (a border around the whole form), not a cell: its words have no cell."""

    def __init__(
        self, rules: list[tuple[float, float, float, float]], width: float = 595.0, height: float = 842.0
    ) -> None:
        self._raw = rules
        self._size = (width, height)
        self._max_height = 0.3 * height
        self._max_area = 0.18 * width * height
        self._v = _rules(rules, vertical=True)
        self._h = _rules(rules, vertical=False)
        self._vx = [r.at for r in self._v]
        self._hy = [r.at for r in self._h]

    def __bool__(self) -> bool:
        return bool(self._v) and bool(self._h)

    @property
    def any_horizontal(self) -> bool:
        return bool(self._h)

    @staticmethod
    def _before(rules: list[_Rule], keys: list[float], limit: float, across: float) -> float | None:
        for i in range(bisect_right(keys, limit) - 1, -1, -1):
            r = rules[i]
            if r.lo - _TOLERANCE <= across <= r.hi + _TOLERANCE:
                return r.at
        return None

    @staticmethod
    def _after(rules: list[_Rule], keys: list[float], limit: float, across: float) -> float | None:
        for i in range(bisect_left(keys, limit), len(rules)):
            r = rules[i]
            if r.lo - _TOLERANCE <= across <= r.hi + _TOLERANCE:
                return r.at
        return None

    @staticmethod
    def _covered(rules: list[_Rule], keys: list[float], at: float, lo: float, hi: float) -> bool:
        """Is there a rule at `at` running the whole way from `lo` to `hi` (a side of a cell)?"""
        for i in range(bisect_left(keys, at - _MERGE), bisect_right(keys, at + _MERGE)):
            r = rules[i]
            if r.lo <= lo + 2 * _TOLERANCE and r.hi >= hi - 2 * _TOLERANCE:
                return True
        return False

    def box_of(self, x0: float, top: float, x1: float, bottom: float) -> Box | None:
        """The cell that closes in this box, or None. Each side of a cell is one ruled line along
        its whole length: lines of a drawing or an emblem that happen to surround a word are not."""
        if not self:
            return None
        mid_x, mid_y = (x0 + x1) / 2, (top + bottom) / 2
        left = self._before(self._v, self._vx, x0 + _TOLERANCE, mid_y)
        right = self._after(self._v, self._vx, x1 - _TOLERANCE, mid_y)
        above = self._before(self._h, self._hy, top + _TOLERANCE, mid_x)
        below = self._after(self._h, self._hy, bottom - _TOLERANCE, mid_x)
        if left is None or right is None or above is None or below is None:
            return None
        if right - left < 2 or below - above < 2:
            return None
        if below - above > self._max_height or (right - left) * (below - above) > self._max_area:
            return None  # a frame around (much of) the page
        sides = (
            self._covered(self._v, self._vx, left, above, below)
            and self._covered(self._v, self._vx, right, above, below)
            and self._covered(self._h, self._hy, above, left, right)
            and self._covered(self._h, self._hy, below, left, right)
        )
        return (left, above, right, below) if sides else None

    def of(self, word: Word) -> Box | None:
        return self.box_of(word.x0, word.top, word.x1, word.bottom)

    def right_of(self, box: Box) -> Box | None:
        """The cell right of a cell, at its vertical middle (None past the table's edge)."""
        mid = (box[1] + box[3]) / 2
        return self.box_of(box[2] + 1.5, mid - 0.5, box[2] + 2.5, mid + 0.5)

    def below(self, box: Box) -> Box | None:
        """The cell under a cell, at its horizontal middle."""
        mid = (box[0] + box[2]) / 2
        return self.box_of(mid - 0.5, box[3] + 1.5, mid + 0.5, box[3] + 2.5)

    def struck(self, word: Word) -> bool:
        """Is the word struck through (a ruled line across its middle)? A registry's 말소사항 print
        keeps superseded entries that way."""
        lo, hi = word.top + 0.3 * word.height, word.bottom - 0.25 * word.height
        width = word.x1 - word.x0
        for i in range(bisect_left(self._hy, lo), bisect_right(self._hy, hi)):
            r = self._h[i]
            if min(r.hi, word.x1) - max(r.lo, word.x0) >= 0.6 * width:
                return True
        return False

    def without_strikes(self, words: list[Word]) -> Cells:
        """The cells once the lines striking words through are taken away (they are no borders)."""

        def strikes(rule: tuple[float, float, float, float]) -> bool:
            x0, y, x1, y1 = rule
            if y != y1:
                return False
            return any(
                w.top + 0.3 * w.height <= y <= w.bottom - 0.25 * w.height
                and min(x1, w.x1) - max(x0, w.x0) >= 0.6 * (w.x1 - w.x0)
                for w in words
            )

        kept = [r for r in self._raw if not strikes(r)]
        return self if len(kept) == len(self._raw) else Cells(kept, *self._size)
