"""Finding labels on a page: the first stage of reading a labelled value (`values` is the second).

A label is found at the start of a segment (after an enumerator such as `1.` or `가.`), matched on
its letters with spacing ignored (`대 표 자` = `대표자`) and, on OCR pages, fuzzily: a syllable or two
misread, out of order or lost before a colon, stamp strokes inside it, or cut across two cells.
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
from dsreview.extractors.cells import Cells
from dsreview.extractors.layout import Line, Segment, build_lines
from dsreview.extractors.lookalikes import looks_like_label
from dsreview.extractors.text import HANGUL, squash, strip_parens
from dsreview.forms import document_types

_ENUMERATOR = re.compile(r"^(\(?[0-9]{1,2}[.)]|\(?[가-하][.)]|[○●◦·•\-–※*▶►◎]|[IVX]+\.)$")
ONLY_PUNCT = re.compile(r"^[\W_]{0,3}$")  # a colon, or what OCR made of one (`>`, `;`, `:.`)
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
    cells: Cells | None = None  # the page's ruled cells, when it has rules
    _cell_words: dict[tuple[float, float, float, float], list[Word]] | None = None

    def cell_words(self, box: tuple[float, float, float, float]) -> list[Word]:
        """The words in a ruled cell, in reading order (none for an empty cell)."""
        if self._cell_words is None:
            self._cell_words = {}
            for line in self.lines:
                for seg in line.segments:
                    if seg.cell is not None:
                        self._cell_words.setdefault(seg.cell, []).extend(seg.words)
        return self._cell_words.get(box, [])

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


@lru_cache(maxsize=1)
def label_vocabulary() -> frozenset[str]:
    """Every label of the catalogue, squashed, with and without its parenthetical."""
    out: set[str] = set()
    for spec in document_types().values():
        labels = [a for f in spec.fields.values() for a in (*f.aliases, *f.own_labels)]
        labels += list(spec.extras.get("stop_labels", []))
        for label in labels:
            out.update({squash(label), squash(strip_parens(label))})
    return frozenset(k for k in out if len(k) >= 2)


def page_lines(page: Page, *, alt: bool = False, tools: PageTools | None = None) -> PageLines:
    return lines_of(page, page.alt_words if alt else page.words, tools)


_WATERMARK = 4.5  # times the page's typical word height: no title is set that large


def lines_of(page: Page, words: list[Word], tools: PageTools | None = None) -> PageLines:
    """The page's lines built from `words` (its own, its second reading, or repaired ones)."""
    if not page.ocr and words:
        typical = median([w.height for w in words])
        # a watermark's letters in the text layer (`대 한 민 국 법 원` set diagonally, each many
        # lines tall) are no words of the page: they would split its lines and lists
        words = [w for w in words if not (len(w.text) <= 2 and w.height > _WATERMARK * typical)]
    cells = Cells(page.rules, page.width, page.height) if page.rules else None
    if cells is not None and cells.any_horizontal:
        typical = median([w.height for w in words]) if words else 0.0
        # (a watermark's letters, many lines tall, lie over rules without being struck through)
        struck = [w for w in words if w.height < 2.5 * typical and cells.struck(w)]
        if struck:  # struck through: superseded, not current; the strokes are no cell borders
            cells = cells.without_strikes(struck)
            words = [w for w in words if w not in struck]
    lines = build_lines(words, cells=cells, vocabulary=label_vocabulary())
    return PageLines(page=page, lines=lines, ocr=page.ocr, tools=tools, cells=cells)


def _label_key(text: str) -> str:
    return squash(strip_parens(text)).rstrip(":：;")


def label_start(words: list[Word]) -> int:
    """Where a label may start in a run of words: after its enumerators (`1.`, `가.`, `○`)."""
    i = 0
    while i < len(words) - 1 and _ENUMERATOR.match(words[i].text):
        i += 1
    return i


@lru_cache(maxsize=1024)
def _aliases(
    aliases: tuple[str, ...],
) -> tuple[dict[str, str], dict[int, tuple[tuple[str, str], ...]], int]:
    """(exact key → alias, the longest alias winning; for each length of a read key, the (alias, key)
    pairs a fuzzy match may take (keys at most two letters longer or shorter); the longest key)."""
    exact: dict[str, str] = {}
    for alias in sorted(aliases, key=len):
        exact[squash(alias)] = alias
    pairs = tuple((a, squash(a)) for a in aliases)
    longest = max((len(k) for _, k in pairs), default=0)
    near = {n: tuple((a, k) for a, k in pairs if abs(len(k) - n) <= 2) for n in range(1, longest + 3)}
    return exact, near, longest


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
    exact, near, longest = _aliases(tuple(aliases))
    start = label_start(words)
    if start < len(words) and _ENGLISH_WORD.fullmatch(words[start].text):
        found = _after_english(words, start, aliases, fuzzy=fuzzy, colon_after=colon_after)
        if found is not None:
            return found
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
            pairs = near.get(len(key), ())
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
                if len(target) == len(key) and looks_like_label(key, target):
                    # syllables a stroke apart (`저비스평` for 서비스명): the look-alike map says so
                    if best is None or best[2] < 0.8:
                        best = (i, alias, 0.8, "")
                    continue
                # OCR misreads a syllable or two; a missing last syllable is another word (서비스 ≠ 서비스명)
                if Levenshtein.distance(key, target) > (1 if len(target) < 8 else 2):
                    continue
                if len(target) <= 5 and key[-1] != target[-1]:
                    continue  # 서비스가 is not 서비스명: short labels differ in their last syllable
                score = fuzz.ratio(key, target) / 100
                if best is None or score > best[2] or (score == best[2] and len(alias) > len(best[1])):
                    best = (i, alias, score, "")
            same_length = [(a, t) for a, t in pairs if len(t) == len(key) and len(t) >= 5 and t != key]
            if same_length and (best is None or best[2] < 0.95):
                # OCR puts a syllable of a label out of order (`현 금 흐 등급 름`): the same syllables
                # (all of the label's syllables: a better match than a prefix one edit away)
                letters = sorted(key)
                anagram = next((a for a, t in same_length if sorted(t) == letters), None)
                if anagram is not None:
                    best = (i, anagram, 0.95, "")
        if len(key) > longest + 3:
            break
    if best is not None and not best[3]:
        # a parenthetical right after the label belongs to it: `복구목표시간 (RTO)`, `법인명 (단체명)`
        end = best[0]
        while end + 1 < len(words) and _PARENTHETICAL.fullmatch(words[end + 1].text):
            end += 1
        best = (_translation_end(words, end), best[1], best[2], best[3])
    return best


def _after_english(
    words: list[Word], start: int, aliases: list[str], *, fuzzy: bool, colon_after: bool
) -> tuple[int, str, float, str] | None:
    """`Company Name (상호(기업명))`, `Credit Rating (신용등급)`: an English label first, the Korean one
    in brackets after it; the match is the Korean label's, ending where its bracket closes."""
    for k in range(start + 1, min(len(words), start + 7)):
        text = words[k].text
        if not text.startswith(("(", "（")) or not HANGUL.search(text):
            if _ENGLISH_WORD.fullmatch(text):
                continue
            return None
        inner = text[1:]
        if inner.count(")") + inner.count("）") > inner.count("(") + inner.count("（"):
            inner = inner[: max(inner.rfind(")"), inner.rfind("）"))]
        rest = [Word(inner, *words[k].bbox, words[k].confidence), *words[k + 1 :]]
        m = match_at(rest, aliases, fuzzy=fuzzy, colon_after=colon_after)
        if m is None or label_start(rest) != 0:
            return None
        return (m[0] + k, m[1], m[2], m[3])
    return None


_ENGLISH_WORD = re.compile(r"[(（]?[A-Za-z][A-Za-z.&'’\-]*[)）]?[:：]?")


def _translation_end(words: list[Word], end: int) -> int:
    """A label's English beside it belongs to it: `법인명(단체명) / Name of Company`, `인증번호
    (Certificate No.)`. Returns the index of the label's last word."""
    j = end + 1
    if j >= len(words):
        return end
    first = words[j].text
    if first in ("/", "|") or first.startswith("/"):
        k = j + 1 if first in ("/", "|") else j
        if first.startswith("/") and len(first) > 1:
            if not _ENGLISH_WORD.fullmatch(first[1:]):
                return end
            k = j + 1
        while k < len(words) and k - j < 8 and _ENGLISH_WORD.fullmatch(words[k].text):
            k += 1
            if words[k - 1].text.endswith((":", "：")):
                break
        return k - 1 if k - 1 > j or (first.startswith("/") and len(first) > 1) else end
    if first.startswith(("(", "（")) and not _PARENTHETICAL.fullmatch(first):
        for k in range(j, min(len(words), j + 6)):
            if not _ENGLISH_WORD.fullmatch(words[k].text):
                return end
            if words[k].text.rstrip(":：").endswith((")", "）")):
                return k
    return end


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
                split = _split_label(pl, li, si, aliases) if pl.ocr else None
                split = split or _spaced_label(pl, li, si, aliases)
                if split is not None:
                    hits.append(split)
                    continue
                if not long_aliases or (stop and match_at(seg.words, stop, fuzzy=pl.ocr)):
                    continue  # the segment starts with another label (`지원서비스 유형` ≠ `서비스 유형`)
                for k in range(1, len(seg.words)):
                    m = match_at(seg.words[k:], long_aliases, fuzzy=False)
                    if m and label_start(seg.words[k:]) == 0:
                        hits.append(Hit(pl, li, si, k + m[0], m[1], m[2] * 0.9, m[3]))
                        break
    hits.sort(key=lambda h: (-h.score, -len(squash(h.alias))))  # the more specific label first
    return hits


def _split_label(pl: PageLines, li: int, si: int, aliases: list[str]) -> Hit | None:
    """A label OCR cut in two cells at a gap (`유 효` `기간`): matched across them, it ends in the
    second, and its value follows that one."""
    line = pl.lines[li]
    if si + 1 >= len(line.segments) or ONLY_PUNCT.match(line.segments[si].text):
        return None
    first, second = line.segments[si], line.segments[si + 1]
    if second.x0 - first.x1 > 2 * line.height:
        return None
    colon = si + 2 < len(line.segments) and line.segments[si + 2].text in _COLONS
    m = match_at(first.words + second.words, aliases, fuzzy=True, colon_after=colon)
    if m is None or m[0] < len(first.words) or m[2] < 1.0:
        return None
    return Hit(pl, li, si + 1, m[0] - len(first.words), m[1], m[2] * 0.95, m[3])


_SYLLABLES = re.compile(r"^[가-힣]{1,2}[:：]?$|^[(（][가-힣]{1,4}[)）][:：]?$")


def _spaced_label(pl: PageLines, li: int, si: int, aliases: list[str]) -> Hit | None:
    """A label printed with its syllables spread over wide gaps (`대     표     자`), each syllable a
    segment of its own when no ruled cell holds them together: matched across the segments, it
    ends in the last of them, and its value follows that one."""
    segs = pl.lines[li].segments
    height = pl.lines[li].height
    if not _SYLLABLES.match(segs[si].text.replace(" ", "")):
        return None
    words = list(segs[si].words)
    for sj in range(si + 1, min(len(segs), si + 9)):
        seg = segs[sj]
        if seg.x0 - segs[sj - 1].x1 > 6 * height or not _SYLLABLES.match(seg.text.replace(" ", "")):
            return None
        words += seg.words
        m = match_at(words, aliases, fuzzy=pl.ocr)
        if m is not None and m[0] >= len(words) - len(seg.words) and m[2] >= 0.9:
            return Hit(pl, li, sj, m[0] - (len(words) - len(seg.words)), m[1], m[2] * 0.97, m[3])
    return None


def is_label(seg: Segment, stop_aliases: list[str], fuzzy: bool) -> bool:
    return bool(stop_aliases) and match_at(seg.words, stop_aliases, fuzzy=fuzzy) is not None
