"""Finding labels on a page and reading the value that belongs to each.

A label is found at the start of a segment (after an enumerator such as `1.` or `가.`), matched on
its letters with spacing ignored (`대 표 자` = `대표자`) and, on OCR pages, fuzzily. Its value is the
rest of the segment, else the next segment on the line, else the cell below (header-row tables),
with wrapped continuation lines joined where the field allows it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from statistics import median
from typing import Protocol

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from dsreview.domain import Page, Word
from dsreview.extractors.layout import Line, Segment, bbox_of, build_lines
from dsreview.extractors.text import HANGUL, HANGUL_SYLLABLE, squash, strip_parens

_ENUMERATOR = re.compile(r"^(\(?[0-9]{1,2}[.)]|\(?[가-하][.)]|[○●◦·•\-–※*▶►◎]|[IVX]+\.)$")
_ONLY_PUNCT = re.compile(r"^[\W_]{0,3}$")  # a colon, or what OCR made of one (`>`, `;`, `:.`)
_LEADING_COLON = re.compile(r"^[\s:;：|·]+")
_PARENTHETICAL = re.compile(r"[(（][^()（）]{0,12}[)）]")


Box = tuple[float, float, float, float]


class PageTools(Protocol):
    """Second looks at an OCR'd page image, done by the reading layer in its sandbox."""

    def reread(self, page: Page, bbox: Box, lang: str, psm: int, whitelist: str | None) -> tuple[str, float]:
        """(text, confidence) of the image under `bbox`, read again with other OCR settings."""
        ...

    def ink(self, page: Page, boxes: list[Box]) -> list[float]:
        """Share of dark pixels under each box (a ticked ■ against an empty □)."""
        ...


@dataclass(slots=True)
class PageLines:
    page: Page
    lines: list[Line]
    ocr: bool
    tools: PageTools | None = None

    def reread_box(
        self,
        bbox: tuple[float, float, float, float],
        *,
        lang: str = "eng",
        psm: int = 7,
        whitelist: str | None = None,
    ) -> tuple[str, float] | None:
        if not (self.ocr and self.tools and self.page.image_path):
            return None
        text, conf = self.tools.reread(self.page, bbox, lang, psm, whitelist)
        return (text, conf) if text.strip() else None

    def ink(self, boxes: list[Box]) -> list[float] | None:
        if not (self.ocr and self.tools and self.page.image_path):
            return None
        return self.tools.ink(self.page, boxes)


@dataclass(slots=True)
class Hit:
    """A label occurrence: where it is, which alias matched, and how well."""

    page: PageLines
    line: int
    seg: int
    end: int  # index of the label's last word in the segment
    alias: str
    score: float
    remainder: str = ""  # text glued to the label's last word after a colon (`상호:(주)하늘`)

    @property
    def segment(self) -> Segment:
        return self.page.lines[self.line].segments[self.seg]

    @property
    def label_words(self) -> list[Word]:
        return self.segment.words[: self.end + 1]


@dataclass(slots=True)
class Value:
    text: str
    words: list[Word]
    page: PageLines
    confidence: float

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return bbox_of(self.words)


def page_lines(page: Page, *, alt: bool = False, tools: PageTools | None = None) -> PageLines:
    return PageLines(
        page=page, lines=build_lines(page.alt_words if alt else page.words), ocr=page.ocr, tools=tools
    )


def _label_key(text: str) -> str:
    return squash(strip_parens(text)).rstrip(":：;")


def _start(words: list[Word]) -> int:
    i = 0
    while i < len(words) - 1 and _ENUMERATOR.match(words[i].text):
        i += 1
    return i


@lru_cache(maxsize=1024)
def _aliases(aliases: tuple[str, ...]) -> tuple[dict[str, str], tuple[tuple[str, str], ...], int]:
    """(exact key → alias, the longest alias winning; (alias, key) pairs; the longest key length)."""
    exact: dict[str, str] = {}
    for alias in sorted(aliases, key=len):
        exact[squash(alias)] = alias
    pairs = tuple((a, squash(a)) for a in aliases)
    return exact, pairs, max((len(k) for _, k in pairs), default=0)


_COLONS = (":", "：", ">")
_STRAY_LATIN = re.compile(r"[a-z]{1,3}")
_CLOSING_PARENS = re.compile(r"[(（]([^()（）]+)[)）]$")


def _in_closing_parens(raw: str, exact: dict[str, str]) -> str | None:
    """A label printed in parentheses after another (`RPO(복구목표시점)`), the first part misread."""
    m = _CLOSING_PARENS.search(raw)
    return exact.get(m.group(1)) if m and len(m.group(1)) >= 4 else None


def match_at(
    words: list[Word], aliases: list[str], *, fuzzy: bool, colon_after: bool = False
) -> tuple[int, str, float, str] | None:
    """Does a label start this word run? Returns (end index, alias, score, remainder)."""
    exact, pairs, longest = _aliases(tuple(aliases))
    start = _start(words)
    best: tuple[int, str, float, str] | None = None
    acc = ""
    for i in range(start, min(len(words), start + 10)):
        token = words[i].text
        if fuzzy and i > start and acc and _STRAY_LATIN.fullmatch(token):
            continue  # a stamp's stroke read as letters inside a label: `등 or 록 ke 번호`
        colon = token.find(":") if ":" in token else token.find("：")
        if 0 < colon < len(token) - 1:
            # `상호:(주)하늘` — the label ends inside this word
            alias = exact.get(_label_key(acc + token[:colon]))
            if alias is not None:
                return (i, alias, 1.0, token[colon + 1 :])
        acc += token
        key = _label_key(acc)
        raw = squash(acc).rstrip(":：;")
        alias = exact.get(key) or exact.get(raw) or _in_closing_parens(raw, exact)
        if alias is not None:
            # the same label again further on means a parenthetical was read as words: `상호 ( 법인명 )`
            if best is None or best[2] < 1.0 or len(alias) >= len(best[1]):
                best = (i, alias, 1.0, "")
        elif fuzzy and (best is None or best[2] < 1.0):
            colon_next = (i + 1 < len(words) and words[i + 1].text in _COLONS) or (
                colon_after and i == len(words) - 1
            )
            for alias, target in pairs:
                if colon_next and len(key) >= 3 and len(target) == len(key) + 1 and target.startswith(key):
                    # `인 증 유 :` — the last syllable lost, the colon shows the label ends here
                    if best is None or best[2] < 0.8:
                        best = (i, alias, 0.8, "")
                    continue
                if len(target) < 4 or target.startswith(key) or abs(len(target) - len(key)) > 2:
                    continue
                # OCR misreads a syllable or two; a missing last syllable is another word (서비스 ≠ 서비스명)
                if Levenshtein.distance(key, target) > (1 if len(target) < 8 else 2):
                    continue
                if len(target) <= 5 and key[-1] != target[-1]:
                    continue  # 서비스가 is not 서비스명: short labels differ in their last syllable
                score = fuzz.ratio(key, target) / 100
                if best is None or score > best[2] or (score == best[2] and len(alias) > len(best[1])):
                    best = (i, alias, score, "")
            for alias, target in pairs:
                # OCR puts a syllable of a label out of order (`현 금 흐 등급 름`): the same syllables
                # (all of the label's syllables: a better match than a prefix one edit away)
                anagram = len(target) >= 5 and key != target and sorted(key) == sorted(target)
                if anagram and (best is None or best[2] < 0.95):
                    best = (i, alias, 0.95, "")
        if len(key) > longest + 3:
            break
    if best is not None and not best[3]:
        # a parenthetical right after the label belongs to it: `복구목표시간 (RTO)`, `법인명 (단체명)`
        end = best[0]
        while end + 1 < len(words) and _PARENTHETICAL.fullmatch(words[end + 1].text):
            end += 1
        best = (end, best[1], best[2], best[3])
    return best


def _all_tall(line: Line, typical: float) -> bool:
    """Is every word of the line large type? (OCR boxes of a label in parentheses run tall too,
    but the value after it is of ordinary height.)"""
    return sum(w.height > typical * 1.25 for w in line.words) >= 0.8 * len(line.words)


def find_labels(pages: list[PageLines], aliases: list[str], stop: list[str] | None = None) -> list[Hit]:
    """Every place a label of `aliases` starts a segment, best matches first, then top to bottom.

    Distinctive labels (4 letters or more) are also found inside a segment, ranked after those that
    start one: lines such as `수수료 1,000원 영수함 관할등기소 …` print several labelled values.
    """
    hits: list[Hit] = []
    long_aliases = [a for a in aliases if len(squash(a)) >= 4]
    for pl in pages:
        typical = median([ln.height for ln in pl.lines]) if pl.lines else 0.0
        for li, line in enumerate(pl.lines):
            if line.height > typical * 1.4 and _all_tall(line, typical):
                continue  # a title (`신용평가등급 확인서`) is not a label
            for si, seg in enumerate(line.segments):
                colon = si + 1 < len(line.segments) and line.segments[si + 1].text in _COLONS
                m = match_at(seg.words, aliases, fuzzy=pl.ocr, colon_after=colon)
                if m:
                    hits.append(Hit(pl, li, si, m[0], m[1], m[2], m[3]))
                    continue
                split = _split_label(pl, line, si, aliases) if pl.ocr else None
                if split is not None:
                    hits.append(split)
                    continue
                if not long_aliases or (stop and match_at(seg.words, stop, fuzzy=pl.ocr)):
                    continue  # the segment starts with another label (`지원서비스 유형` ≠ `서비스 유형`)
                for k in range(1, len(seg.words)):
                    m = match_at(seg.words[k:], long_aliases, fuzzy=False)
                    if m and _start(seg.words[k:]) == 0:
                        hits.append(Hit(pl, li, si, k + m[0], m[1], m[2] * 0.9, m[3]))
                        break
    hits.sort(key=lambda h: -h.score)
    return hits


def _split_label(pl: PageLines, line: Line, si: int, aliases: list[str]) -> Hit | None:
    """A label OCR cut in two cells at a gap (`유 효` `기간`): matched across them, it ends in the
    second, and its value follows that one."""
    if si + 1 >= len(line.segments) or _ONLY_PUNCT.match(line.segments[si].text):
        return None
    first, second = line.segments[si], line.segments[si + 1]
    if second.x0 - first.x1 > 2 * line.height:
        return None
    colon = si + 2 < len(line.segments) and line.segments[si + 2].text in _COLONS
    m = match_at(first.words + second.words, aliases, fuzzy=True, colon_after=colon)
    if m is None or m[0] < len(first.words) or m[2] < 1.0:
        return None
    return Hit(pl, pl.lines.index(line), si + 1, m[0] - len(first.words), m[1], m[2] * 0.95, m[3])


def is_label(seg: Segment, stop_aliases: list[str], fuzzy: bool) -> bool:
    return bool(stop_aliases) and match_at(seg.words, stop_aliases, fuzzy=fuzzy) is not None


def _conf(words: list[Word]) -> float:
    return sum(w.confidence for w in words) / len(words) if words else 0.0


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
    if not text or _ONLY_PUNCT.match(text):
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
    line = pl.lines[hit.line]
    rest = [] if skip_rest else hit.segment.words[hit.end + 1 :]
    # stop at another label glued into the same segment (`… 법인등록번호 : …`)
    for k in range(len(rest)):
        if k and rest[k].text.rstrip().endswith((":", "：")) and match_at(rest[k:], stop, fuzzy=pl.ocr):
            rest = rest[:k]
            break
        if (
            k
            and k + 1 < len(rest)
            and rest[k + 1].text in (":", "：")
            and match_at(rest[k:], stop, fuzzy=pl.ocr)
        ):
            rest = rest[:k]
            break
    if join_cells and rest:
        rest = rest + _cells_from(pl, line, hit.seg + 1, stop)
    value = _make(rest, pl, "" if skip_rest else hit.remainder)
    if value is None and right:
        for k, seg in enumerate(line.segments[hit.seg + 1 :], start=hit.seg + 1):
            if _ONLY_PUNCT.match(seg.text) or _sliver(seg):
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
