"""Image files (PNG, JPEG, TIFF; one page a frame) read in the child.

A JPEG or PNG that Tesseract can take as it is goes into the page-image store byte for byte (no
re-encoding, no loss); otherwise (EXIF rotation, TIFF frames, alpha, 16 bits, CMYK) the frame is
decoded, turned upright and saved as PNG, or as JPEG at quality 95 when it came from a JPEG.

Pillow is imported only when this module is (see preload.py).
"""

from __future__ import annotations

import io
from typing import Any

from PIL import Image, ImageOps

# Imported with this module, not lazily by Pillow in a child (see preload.py).
from PIL import JpegImagePlugin, PngImagePlugin, TiffImagePlugin  # noqa: F401  # isort: skip

from dsreview.extractors.reading.context import ChildContext, Fatal
from dsreview.extractors.reading.pageimages import encode, jpeg_info, jpeg_passable, store_image

Image.preinit()

A4_LONG_INCHES = 297 / 25.4
_PLAUSIBLE_LONG_SIDE = (4.0, 17.5)  # inches: from A6 to A3 and tabloid
_PASS_MODES = {"JPEG": {"L", "RGB"}, "PNG": {"1", "L", "RGB", "P"}}
_EXIF_ORIENTATION = 0x0112


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
