"""What runs in the child for one file: sniff its content, read it, answer in JSON.

The answer is plain JSON (never pickle: the parent must be able to read whatever a child that
parsed hostile bytes sends without running anything):

    {"pages": [{"n": 1, "w": 595.28, "h": 841.89, "words": [["text", x0, top, x1, bottom], ...],
                "image": {"file": "<sha256>.jpg", "scale": 2.78, "origin": [0, 0], "dpi": 200}}],
     "problems": [{"reason": "javascript", "detail": {...}}]}

`image` is there only for pages to OCR.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path
from typing import Any

from dsreview.extractors.reading.context import ChildContext, Fatal
from dsreview.extractors.reading.pdf import WARM_UP_PDF, read_pdf

IMAGE_KINDS = frozenset({"png", "jpeg", "tiff"})

# Codecs are modules imported on first use: load them in the parent (see preload.py).
for _codec in ("cp949", "euc_kr", "utf-16-le", "latin-1"):
    codecs.lookup(_codec)

# Leading bytes of formats we read, and of those vendors send by mistake (named in the message).
_MAGIC: list[tuple[bytes, str]] = [
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"II+\x00", "tiff"),
    (b"MM\x00+", "tiff"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "한글(HWP) 또는 MS 오피스 문서"),
    (b"PK\x03\x04", "압축(ZIP) 파일 또는 HWPX·DOCX 등 오피스 문서"),
    (b"GIF8", "GIF 이미지"),
    (b"BM", "BMP 이미지"),
    (b"RIFF", "WEBP 등 지원하지 않는 형식"),
    (b"{\\rtf", "RTF 문서"),
    (b"HWP Document File", "한글(HWP) 문서"),
]


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    for encoding in ("utf-8", "cp949"):
        try:
            head.decode(encoding)
        except UnicodeDecodeError:
            continue
        return True
    # A multi-byte character may be cut at the end of the sample.
    try:
        head[:-3].decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def sniff(head: bytes) -> str:
    """'pdf', 'png', 'jpeg', 'tiff', or a Korean description of what the file is instead."""
    if b"%PDF-" in head[:1024]:
        return "pdf"
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    stripped = head.lstrip().lower()
    if stripped.startswith((b"<!doctype html", b"<html")):
        return "HTML 문서"
    if _looks_like_text(head):
        return "텍스트 파일"
    return "알 수 없는 형식"


def read_file(path: Path, ctx: ChildContext) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            data = fh.read(ctx.limits.max_file_bytes + 1)
        if not data:
            raise Fatal("empty")
        if len(data) > ctx.limits.max_file_bytes:
            raise Fatal("too_large", {"size": len(data)})
        kind = sniff(data[:4096])
        if kind == "pdf":
            return read_pdf(data, ctx)
        if kind in IMAGE_KINDS:
            from dsreview.extractors.reading.images import read_image  # Pillow: see preload.py

            return read_image(data, ctx)
        raise Fatal("not_supported", {"kind": kind})
    except Fatal as fatal:
        return {"pages": [], "problems": [{"reason": fatal.reason, "detail": fatal.detail}]}


def read_file_json(path: Path, ctx: ChildContext) -> bytes:
    """The child's task: its whole answer as JSON bytes."""
    return json.dumps(read_file(path, ctx), ensure_ascii=False, separators=(",", ":")).encode()


def warm_up(ctx: ChildContext) -> None:
    """Read a PDF of our own once in the parent before forking, so that every child inherits
    pdfium's font mapper and Python's specialised code instead of paying for them (~5 ms each)."""
    json.dumps(read_pdf(WARM_UP_PDF, ctx))
