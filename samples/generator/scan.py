"""Scan effects: render a generated page, then tilt, blur, add noise and save as a 200-dpi JPEG,
as a cheap office scanner would; assemble scanned PDFs (JPEG kept as is) and image files."""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageChops, ImageEnhance, ImageFilter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas


@dataclass
class ScanProfile:
    dpi: int = 200
    tilt: float = 0.8  # degrees, max absolute
    blur: float = 0.6
    noise: float = 10.0
    quality: int = 65
    contrast: float = 0.9

    @classmethod
    def noisy(cls, rng: random.Random) -> ScanProfile:
        return cls(
            dpi=200,
            tilt=rng.uniform(0.3, 1.5),
            blur=rng.uniform(0.3, 0.9),
            noise=rng.uniform(6, 16),
            quality=rng.randint(50, 75),
            contrast=rng.uniform(0.8, 1.0),
        )

    @classmethod
    def clean(cls) -> ScanProfile:
        return cls(dpi=300, tilt=0.0, blur=0.0, noise=0.0, quality=90, contrast=1.0)


def render_pages(pdf_path: Path, dpi: int) -> list[Image.Image]:
    doc = pdfium.PdfDocument(str(pdf_path))
    try:
        return [doc[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L") for i in range(len(doc))]
    finally:
        doc.close()


def degrade(img: Image.Image, profile: ScanProfile, rng: random.Random) -> Image.Image:
    out = img.convert("L")
    if profile.tilt:
        angle = rng.uniform(-profile.tilt, profile.tilt)
        out = out.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    if profile.blur:
        out = out.filter(ImageFilter.GaussianBlur(profile.blur))
    if profile.contrast != 1.0:
        out = ImageEnhance.Contrast(out).enhance(profile.contrast)
    if profile.noise:
        # Seeded noise (Image.effect_noise is not), so the same seed gives the same scan.
        raw = Image.frombytes("L", out.size, rng.randbytes(out.size[0] * out.size[1]))
        scale = profile.noise / 74.0  # a uniform byte has a standard deviation of about 74
        noise = raw.point(lambda v: max(0, min(255, round(128 + (v - 128) * scale))))
        out = ImageChops.add(out, noise, 1.0, -128)
    return out


def jpeg_bytes(img: Image.Image, profile: ScanProfile, *, with_dpi: bool = False) -> bytes:
    buf = io.BytesIO()
    kwargs: dict[str, object] = {"quality": profile.quality}
    if with_dpi:
        kwargs["dpi"] = (profile.dpi, profile.dpi)
    img.save(buf, "JPEG", **kwargs)
    return buf.getvalue()


def scanned_pdf(src: Path, dst: Path, profile: ScanProfile, rng: random.Random) -> int:
    """Replace every page of `src` by a degraded scan of it; the JPEG goes into the PDF untouched."""
    pages = render_pages(src, profile.dpi)
    c = Canvas(str(dst), pagesize=A4, invariant=1)
    w, h = A4
    tmps = []
    for i, page in enumerate(pages):
        # A file name makes reportlab embed the JPEG as is (DCTDecode), as scanners' PDFs do;
        # one file per page, as reportlab caches images by name.
        tmp = dst.with_suffix(f".page{i}.jpg")
        tmp.write_bytes(jpeg_bytes(degrade(page, profile, rng), profile))
        c.drawImage(str(tmp), 0, 0, width=w, height=h)
        c.showPage()
        tmps.append(tmp)
    c.save()
    for tmp in tmps:
        tmp.unlink()
    return len(pages)


def image_files(src: Path, stem: Path, fmt: str, profile: ScanProfile, rng: random.Random) -> list[Path]:
    """Scan `src` to image files: PNG or JPEG one per page, TIFF one multi-page file."""
    pages = [degrade(p, profile, rng) for p in render_pages(src, profile.dpi)]
    with_dpi = rng.random() < 0.5
    dpi = {"dpi": (profile.dpi, profile.dpi)} if with_dpi else {}
    if fmt == "tiff":
        path = stem.with_suffix(".tiff")
        pages[0].save(path, "TIFF", save_all=True, append_images=pages[1:], compression="tiff_deflate", **dpi)
        return [path]
    paths = []
    for i, page in enumerate(pages, 1):
        suffix = f"_{i}" if len(pages) > 1 else ""
        path = stem.parent / f"{stem.name}{suffix}.{'png' if fmt == 'png' else 'jpg'}"
        if fmt == "png":
            page.save(path, "PNG", **dpi)
        else:
            path.write_bytes(jpeg_bytes(page, profile, with_dpi=with_dpi))
        paths.append(path)
    return paths
