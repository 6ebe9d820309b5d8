"""Second looks at OCR'd pages for the extractors, collected during an extraction and done together.

An extractor asks for a crop to be read again (a doubtful grade, a garbled label) or for the ink
under a checkbox while it reads a document. Done one at a time, each would start a child to decode
the page image and a Tesseract process to read a few characters. `BatchedTools` answers what it
already knows and notes the rest; `flush()` then decodes each page image once and reads all the
noted crops of one kind in one Tesseract run (`stitch`), and the extraction is run again with the
answers (the pipeline does so until nothing new is asked, at most a few rounds).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dsreview.config import Settings
from dsreview.domain import Page
from dsreview.extractors.reading.crop import gray_crops
from dsreview.extractors.reading.stitch import Look, Region, read_regions

Box = tuple[float, float, float, float]
_Key = tuple[str, int, tuple[float, float, float, float]]


def _key(page: Page, box: Box) -> _Key:
    return (
        page.image_path or page.source,
        page.number,
        (round(box[0], 1), round(box[1], 1), round(box[2], 1), round(box[3], 1)),
    )


@dataclass(slots=True)
class BatchedTools:
    settings: Settings
    _reads: dict[tuple[_Key, Look], tuple[str, float]] = field(default_factory=dict)
    _inks: dict[_Key, float] = field(default_factory=dict)
    _want_reads: dict[tuple[_Key, Look], tuple[Page, Box]] = field(default_factory=dict)
    _want_inks: dict[_Key, tuple[Page, Box]] = field(default_factory=dict)

    def reread(self, page: Page, bbox: Box, lang: str, psm: int, whitelist: str | None) -> tuple[str, float]:
        """The text under `bbox` read with `lang` (and `whitelist`), if already read; else noted."""
        key = (_key(page, bbox), Look(lang, whitelist))
        known = self._reads.get(key)
        if known is None:
            self._want_reads.setdefault(key, (page, bbox))
            return "", 0.0
        return known

    def ink(self, page: Page, boxes: list[Box]) -> list[float]:
        """Share of dark pixels under each box, if all were measured; else they are noted."""
        keys = [_key(page, b) for b in boxes]
        if all(k in self._inks for k in keys):
            return [self._inks[k] for k in keys]
        for k, b in zip(keys, boxes, strict=True):
            if k not in self._inks:
                self._want_inks.setdefault(k, (page, b))
        return []

    def flush(self) -> bool:
        """Do every noted look; whether there was anything to do."""
        if not self._want_reads and not self._want_inks:
            return False
        self._measure_inks()
        self._read_crops()
        return True

    def _measure_inks(self) -> None:
        wanted, self._want_inks = self._want_inks, {}
        by_page: dict[tuple[str, int], list[tuple[_Key, Page, Box]]] = {}
        for k, (page, box) in wanted.items():
            by_page.setdefault((k[0], k[1]), []).append((k, page, box))
        for items in by_page.values():
            crops = gray_crops(items[0][1], [box for _, _, box in items], settings=self.settings)
            for (k, _, _), crop in zip(items, crops, strict=True):
                self._inks[k] = crop.dark_share()

    def _read_crops(self) -> None:
        wanted, self._want_reads = self._want_reads, {}
        by_look: dict[Look, list[tuple[tuple[_Key, Look], Page, Box]]] = {}
        for key, (page, box) in wanted.items():
            by_look.setdefault(key[1], []).append((key, page, box))
        for look, items in by_look.items():
            regions = [Region(page, box, 0.2 * max(box[3] - box[1], 1.0)) for _, page, box in items]
            found = read_regions(regions, look, settings=self.settings)
            for (key, _, _), words in zip(items, found, strict=True):
                text = " ".join(w[0] for w in words)
                conf = round(sum(w[5] for w in words) / len(words), 4) if words else 0.0
                self._reads[key] = (text, conf) if text.strip() else ("", 0.0)
