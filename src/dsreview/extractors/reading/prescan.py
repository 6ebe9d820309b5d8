"""A quick look at a PDF's raw bytes before pdfium touches it (runs in the child).

pdfium aborts the process when a Flate stream inflates past the memory limit, and it neither
refuses huge images nor reports JavaScript in annotations. So before loading, we walk the file's
streams: inflate every non-image Flate stream (nested filters included) with a bounded output,
read the declared size of every image, and look for JavaScript and embedded files in the object
text (outside stream data, plus the inflated object streams). No recursion, no object parsing.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

_LENGTH = re.compile(rb"/Length\s+(\d+)(?!\s+\d+\s+R)")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[^\s/\[\]<>()]+)")
_NAME = re.compile(rb"/([^\s/\[\]<>()]+)")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_WIDTH = re.compile(rb"/Width\s+(\d+)(?!\s+\d+\s+R)")
_HEIGHT = re.compile(rb"/Height\s+(\d+)(?!\s+\d+\s+R)")
_OBJSTM = re.compile(rb"/Type\s*/ObjStm\b")
_EMBEDDED_STREAM = re.compile(rb"/Type\s*/EmbeddedFile\b")
_EMBEDDED_REF = re.compile(rb"/EmbeddedFiles\b|/FileAttachment\b|/EF\s*<<")
_JAVASCRIPT = re.compile(rb"/JavaScript(?![A-Za-z0-9])|/JS(?![A-Za-z0-9])")
_ESCAPED_NAME = re.compile(rb"/[A-Za-z]*#[0-9A-Fa-f]{2}")
_HEX = re.compile(rb"#([0-9A-Fa-f]{2})")
_FLATE = {b"FlateDecode", b"Fl"}
_DICT_WINDOW = 4096
_CHUNK = 1 << 20


@dataclass(slots=True)
class Prescan:
    bomb: bool = False
    big_image: tuple[int, int] | None = None
    javascript: bool = False
    embedded_files: int = 0


def _inflate(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """Inflate a zlib stream chunk by chunk, never holding more than one chunk of output."""
    d = zlib.decompressobj()
    for chunk in chunks:
        buf = chunk
        while buf and not d.eof:
            out = d.decompress(buf, _CHUNK)
            if out:
                yield out
            buf = d.unconsumed_tail
        if d.eof:
            return
    tail = d.flush()
    if tail:
        yield tail


def inflated_size(data: bytes, layers: int, cap: int, keep: bool = False) -> tuple[int, bytes]:
    """Bytes `layers` nested Flate filters produce from `data`, stopping past `cap`.

    Returns (size, output) where output is kept only when `keep` (and size <= cap). A broken
    stream counts what inflated before the error: pdfium would see no more.
    """
    stream: Iterable[bytes] = (data[i : i + _CHUNK] for i in range(0, len(data), _CHUNK))
    for _ in range(layers):
        stream = _inflate(stream)
    size = 0
    kept: list[bytes] = []
    try:
        for out in stream:
            size += len(out)
            if size > cap:
                return size, b""
            if keep:
                kept.append(out)
    except zlib.error:
        return size, b"".join(kept)  # a corrupt stream: what inflated so far is all a reader gets
    return size, b"".join(kept)


def _filters(window: bytes) -> list[bytes]:
    m = _FILTER.search(window)
    return _NAME.findall(m.group(1)) if m else []


def _unescape_names(text: bytes) -> bytes:
    if not _ESCAPED_NAME.search(text):
        return text
    return _HEX.sub(lambda m: bytes([int(m.group(1), 16)]), text)


def _stream_start(data: bytes, keyword: int) -> int | None:
    """Where the data of a `stream` keyword at `keyword` begins, or None if it is not one."""
    if keyword >= 3 and data[keyword - 3 : keyword] == b"end":
        return None
    after = keyword + len(b"stream")
    if data[after : after + 2] == b"\r\n":
        return after + 2
    if data[after : after + 1] in (b"\n", b"\r"):
        return after + 1
    return None


def prescan(data: bytes, *, max_image_pixels: int, max_stream_bytes: int) -> Prescan:
    """Scan raw PDF bytes for decompression bombs, huge images, JavaScript and attachments.

    Streams are found with bytes.find, which runs at memory speed, skipping each stream's data (a
    regular expression over 50 MB of JPEG data takes seconds).
    """
    report = Prescan()
    skeleton: list[bytes] = []  # the file without its stream data
    pos = 0  # end of the last stream's data
    search = 0
    total = 0
    while (keyword := data.find(b"stream", search)) >= 0:
        search = keyword + len(b"stream")
        start = _stream_start(data, keyword)
        if start is None:
            continue
        obj = data.rfind(b"obj", max(pos, keyword - _DICT_WINDOW), keyword)
        window = data[obj if obj >= 0 else max(pos, keyword - _DICT_WINDOW) : keyword]
        length = _LENGTH.search(window)
        if length and start + int(length.group(1)) <= len(data):
            end = start + int(length.group(1))
        else:
            found = data.find(b"endstream", start)
            end = found if found >= 0 else len(data)
        skeleton.append(data[pos:keyword])
        pos = search = end
        if _IMAGE.search(window):
            w, h = _WIDTH.search(window), _HEIGHT.search(window)
            if w and h and int(w.group(1)) * int(h.group(1)) > max_image_pixels:
                report.big_image = (int(w.group(1)), int(h.group(1)))
            continue  # pdfium decodes images row by row, bounded by the declared size
        if _EMBEDDED_STREAM.search(window):
            report.embedded_files += 1
        names = _filters(window)
        layers = 0
        while layers < len(names) and names[layers] in _FLATE:
            layers += 1
        if not layers:
            continue
        is_objstm = bool(_OBJSTM.search(window))
        size, out = inflated_size(data[start:end], layers, max_stream_bytes, keep=is_objstm)
        total += size
        if size > max_stream_bytes or total > 4 * max_stream_bytes:
            report.bomb = True
            return report
        if is_objstm:
            skeleton.append(out)
    skeleton.append(data[pos:])
    text = _unescape_names(b"\n".join(skeleton))
    report.javascript = bool(_JAVASCRIPT.search(text))
    if not report.embedded_files and _EMBEDDED_REF.search(text):
        report.embedded_files = 1
    return report
