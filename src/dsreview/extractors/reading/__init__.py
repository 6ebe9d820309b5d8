"""Reading: files in, words with positions out (`FileReading`), text layer or OCR.

Untrusted files are parsed in child processes with the limits of `Settings.limits`; a file that
cannot be read yields a `FileReading` whose `problems` say why, never an exception.
"""

from dsreview.extractors.reading.api import ProgressCallback, read_files
from dsreview.extractors.reading.crop import GrayCrop, gray_crops, ocr_crop

__all__ = ["GrayCrop", "ProgressCallback", "gray_crops", "ocr_crop", "read_files"]
