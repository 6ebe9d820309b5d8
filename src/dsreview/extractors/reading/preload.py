"""Import in the parent what a child may need, when the parent runs threads.

A child is forked from the calling thread only; if another thread held the import lock at that
moment, a child that imports anything waits forever (until its timeout kills it). Pillow imports
its plugins lazily, and the children use Pillow for image files, renderings and crops. So in a
process that runs threads (the service), Pillow is imported before forking. A single-threaded
process (the CLI) skips it: children import Pillow themselves only when a file needs it, which
keeps the check of a text bundle ~20 ms faster.
"""

from __future__ import annotations

import importlib
import threading


def preload() -> None:
    importlib.import_module("dsreview.extractors.reading.images")  # Pillow and its plugins


def preload_if_threaded() -> None:
    if threading.active_count() > 1:
        preload()
