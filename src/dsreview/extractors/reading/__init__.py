"""Reading: files in, words with positions out (`FileReading`), text layer or OCR.

Untrusted files are parsed in child processes with the limits of `Settings.limits`; a file that
cannot be read yields a `FileReading` whose `problems` say why, never an exception.

What the extractors can rely on:

- Coordinates are page points from the displayed page's top-left corner (page rotation and crop
  box applied), for text layers, OCR and images alike.
- Text-layer words (`Page.ocr` False) are in content-stream order, NFC, split at spaces, at line
  changes and at gaps over a third of the character height (so table cells are separate words; a
  letter-spaced label `대 표 자` is three words). Boxes span the font's ascent to descent.
  Compatibility characters such as `㈜` are kept as the PDF has them. Confidence is 1.0.
- OCR words (`Page.ocr` True) come from Tesseract's TSV, in its reading order, with confidence
  0..1. `words` is the first pass (`kor+eng`), `alt_words` the second (`Hangul+eng`) of the same
  image, empty when `Settings.ocr_second_pass` is off. Tesseract often splits Korean words into
  syllables on spaced print. `image_path` is the page image as OCR'd; pixel = (point -
  `image_origin`) * `image_scale`. Use `ocr_crop` to re-read a word and `gray_crops` to look at
  pixels (ink in a box): both decode the image in a limited child, never in your process.
- `FileProblem.reason` keys: empty, too_large, unreadable, not_supported, corrupt, encrypted,
  too_many_pages, image_too_large, decompression_bomb, timeout, memory, crash (fatal); damaged,
  javascript, embedded_files, ocr_failed (warnings: the pages are read). Messages are Korean.
"""

from dsreview.extractors.reading.api import ProgressCallback, read_files
from dsreview.extractors.reading.crop import GrayCrop, gray_crops, ocr_crop
from dsreview.extractors.reading.tools import BatchedTools

__all__ = ["BatchedTools", "GrayCrop", "ProgressCallback", "gray_crops", "ocr_crop", "read_files"]
