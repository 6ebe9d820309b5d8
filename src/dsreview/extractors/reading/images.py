"""Page images: image files (PNG, JPEG, TIFF) read in the child, and the image store.

Every page that will be OCR'd ends up as one image file in the store (`<sha256>.<ext>` under
the OCR cache folder), written by the child; the parent and Tesseract only get its name. A JPEG or
PNG that Tesseract can take as it is goes in byte for byte (no re-encoding, no loss); otherwise
(EXIF rotation, TIFF frames, alpha, 16 bits, CMYK) the frame is decoded, turned upright and saved
as PNG, or as JPEG at quality 95 when it came from a JPEG.
"""

from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass
from typing import Any

from PIL import Image, ImageOps

from dsreview.extractors.reading.context import ChildContext, Fatal

A4_LONG_INCHES = 297 / 25.4
_PLAUSIBLE_LONG_SIDE = (4.0, 17.5)  # inches: from A6 to A3 and tabloid
_PASS_MODES = {"JPEG": {"L", "RGB"}, "PNG": {"1", "L", "RGB", "P"}}
_EXIF_ORIENTATION = 0x0112


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
    buf = io.BytesIO()
    if ext == "jpg":
        img.save(buf, "JPEG", quality=95)
    else:
        img.save(buf, "PNG", compress_level=1)
    return buf.getvalue()


def plausible_dpi(info_dpi: Any, width: int, height: int) -> int:
    """The image's resolution if it is believable for a paper page, else an estimate from A4."""
    long_side = max(width, height)
    try:
        dpi = float(info_dpi[0])
    except (TypeError, ValueError, IndexError):
        dpi = 0.0
    if dpi > 0 and _PLAUSIBLE_LONG_SIDE[0] <= long_side / dpi <= _PLAUSIBLE_LONG_SIDE[1]:
        return max(1, round(dpi))
    return max(1, round(long_side / A4_LONG_INCHES))


def _upright(frame: Image.Image, orientation: int) -> Image.Image:
    img = ImageOps.exif_transpose(frame) if orientation != 1 else frame.copy()
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        img = Image.alpha_composite(white, rgba).convert("RGB")
    elif img.mode not in ("1", "L", "RGB"):
        img = img.convert("L" if img.mode.startswith(("I", "F")) else "RGB")
    return img


def _page(file: str, width: int, height: int, dpi: int, number: int) -> dict[str, Any]:
    scale = dpi / 72
    return {
        "n": number,
        "w": round(width / scale, 2),
        "h": round(height / scale, 2),
        "words": [],
        "image": {"file": file, "scale": scale, "origin": [0.0, 0.0], "dpi": dpi},
    }


def _frames(im: Image.Image, fmt: str, data: bytes, ctx: ChildContext) -> list[dict[str, Any]]:
    limit = ctx.limits.max_image_pixels
    frames = int(getattr(im, "n_frames", 1))
    if frames > ctx.limits.max_pages:
        raise Fatal("too_many_pages", {"pages": frames})
    pages = []
    for k in range(frames):
        im.seek(k)
        width, height = im.size
        if width * height > limit:
            raise Fatal("image_too_large", {"width": width, "height": height})
        orientation = int(im.getexif().get(_EXIF_ORIENTATION, 1) or 1)
        dpi = plausible_dpi(im.info.get("dpi"), width, height)
        passthrough = (
            frames == 1
            and orientation == 1
            and im.mode in _PASS_MODES.get(fmt, set())
            and "transparency" not in im.info
            and (fmt != "JPEG" or jpeg_passable(jpeg_info(data)))
        )
        if passthrough:
            file = store_image(ctx, data, "jpg" if fmt == "JPEG" else "png")
        else:
            img = _upright(im, orientation)
            width, height = img.size
            ext = "jpg" if fmt == "JPEG" and img.mode in ("L", "RGB") else "png"
            file = store_image(ctx, encode(img, ext), ext)
        pages.append(_page(file, width, height, dpi, k + 1))
    return pages


def read_image(data: bytes, ctx: ChildContext) -> dict[str, Any]:
    """Pages of an image file (one per TIFF frame), each an image to OCR."""
    # Pillow's own guard would refuse huge images at open, before we know their size to report:
    # each frame's declared size is checked in `_frames`, before any pixel is decoded.
    Image.MAX_IMAGE_PIXELS = None
    try:
        im = Image.open(io.BytesIO(data))
        pages = _frames(im, im.format or "", data, ctx)
    except (Fatal, MemoryError):
        raise
    except Exception as exc:  # Pillow fails on malformed images in many ways (TypeError, KeyError…)
        raise Fatal("corrupt", {"what": "image"}) from exc
    return {"pages": pages, "problems": []}
