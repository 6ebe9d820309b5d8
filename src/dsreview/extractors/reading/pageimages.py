"""The page-image store, and what can be known of a JPEG without decoding it (no Pillow here).

Every page that will be OCR'd ends up as one image file in the store (`<sha256>.<ext>` under the
OCR cache folder), written by the child; the parent and Tesseract only get its name.
"""

from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dsreview.extractors.reading.context import ChildContext

if TYPE_CHECKING:
    from PIL import Image


@dataclass(frozen=True, slots=True)
class JpegInfo:
    width: int
    height: int
    components: int
    precision: int
    process: int  # SOFn marker: 0xC0 baseline, 0xC1 extended, 0xC2 progressive


def jpeg_info(data: bytes) -> JpegInfo | None:
    """Read a JPEG's frame header without decoding it; None if it is not a JPEG we can hand over."""
    if not data.startswith(b"\xff\xd8"):
        return None
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            pos += 2
            continue
        length = int.from_bytes(data[pos + 2 : pos + 4], "big")
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            seg = data[pos + 4 : pos + 2 + length]
            if len(seg) < 6:
                return None
            return JpegInfo(
                width=int.from_bytes(seg[3:5], "big"),
                height=int.from_bytes(seg[1:3], "big"),
                components=seg[5],
                precision=seg[0],
                process=marker,
            )
        if marker == 0xDA or length < 2:  # scan data before any frame header
            return None
        pos += 2 + length
    return None


def jpeg_passable(info: JpegInfo | None) -> bool:
    """Huffman-coded 8-bit gray or RGB: what Tesseract's image library reads as it is."""
    return (
        info is not None
        and info.process in (0xC0, 0xC1, 0xC2)
        and info.precision == 8
        and info.components in (1, 3)
    )


def store_image(ctx: ChildContext, data: bytes, ext: str) -> str:
    """Write a page image into the store under its hash; returns the file name."""
    name = f"{hashlib.sha256(data).hexdigest()}.{ext}"
    path = ctx.image_dir / name
    if not path.exists():
        ctx.image_dir.mkdir(parents=True, exist_ok=True)
        tmp = ctx.image_dir / f".{name}.{os.getpid()}.tmp"
        tmp.write_bytes(data)
        os.replace(tmp, path)
    return name


def encode(img: Image.Image, ext: str) -> bytes:
    """A decoded page as JPEG (quality 95) or PNG (fast compression)."""
    buf = io.BytesIO()
    if ext == "jpg":
        img.save(buf, "JPEG", quality=95)
    else:
        img.save(buf, "PNG", compress_level=1)
    return buf.getvalue()
