"""What a reader produces: words with positions, per page, and whether OCR produced them.

Coordinates are PDF points (1/72 inch) with the origin at the page's top-left corner, for PDF
pages and images alike (an image's pixels are converted with its resolution), so evidence boxes
mean the same thing whatever the source.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float = 1.0  # OCR word confidence 0..1; 1.0 for a text layer
    # When a repair read the word again (extractors/repair.py): the rule's name, and what the page
    # OCR had read in its place, so that a value is never shown as read when it was repaired.
    repaired_by: str | None = None
    read_as: str | None = None

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (self.x0, self.top, self.x1, self.bottom)

    @property
    def mid_y(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(slots=True)
class Page:
    source: str  # file name as given (the report's `source`)
    number: int  # 1-based within source
    width: float
    height: float
    words: list[Word] = field(default_factory=list)
    ocr: bool = False
    # Second OCR reading (another model) of the same page, used to vote on field values.
    alt_words: list[Word] = field(default_factory=list)
    # For OCR pages: the page image as OCR'd (kept in the cache) and its pixels per point, so a
    # doubtful word can be re-read from a crop.
    image_path: str | None = None
    image_scale: float = 1.0
    # Page point (x, top) of the image's top-left pixel: pixel = (point - origin) * image_scale.
    image_origin: tuple[float, float] = (0.0, 0.0)
    # Ruled lines (table borders) as (x0, y0, x1, y1), horizontal (y0 == y1) or vertical (x0 == x1).
    rules: list[tuple[float, float, float, float]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass(frozen=True, slots=True)
class FileProblem:
    """Something wrong with a file as a whole. `reason` is a stable key, `message` Korean."""

    reason: str  # empty | corrupt | not_supported | encrypted | too_large | too_many_pages |
    # image_too_large | timeout | memory | javascript | embedded_files | ...
    message: str
    fatal: bool = True  # fatal: the file could not be read; else a warning (e.g. JavaScript flagged)


@dataclass(slots=True)
class FileReading:
    source: str
    pages: list[Page] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)

    @property
    def readable(self) -> bool:
        return not any(p.fatal for p in self.problems)
