"""Page images of a bundle's files for the staff's application page, rendered once and cached.

A vendor's file is untrusted: like the engine, the web process never parses it itself. A forked,
resource-limited child (`reading.sandbox.run_isolated`) renders the page (pdfium for a PDF; for an
image file the engine's own image reader, which turns it upright and keeps it in the OCR image
store) and hands back a JPEG of display size with the page's size in points, so evidence boxes
(points from the top-left) can be drawn over it as fractions of the page.
"""

from __future__ import annotations

import io
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
from sqlalchemy.orm import Session

from dsreview.config import Settings
from dsreview.errors import NotFoundError, ReadError
from dsreview.extractors.reading.api import image_dir
from dsreview.extractors.reading.child import sniff
from dsreview.extractors.reading.context import ChildContext
from dsreview.extractors.reading.preload import preload
from dsreview.extractors.reading.sandbox import run_isolated
from dsreview.services.actors import Actor, require_role
from dsreview.services.intake import original_file
from dsreview.store import BlobStore
from dsreview.store.models import Role

DISPLAY_WIDTH = 1000  # pixels: sharp enough to read a form beside its fields, light to send
MAX_PAGE = 10_000


@dataclass(frozen=True, slots=True)
class PageImage:
    path: Path
    width: float  # the page in points, the unit of evidence boxes
    height: float


def _cache_paths(settings: Settings, sha256: str, page: int) -> tuple[Path, Path]:
    folder = settings.cache_dir / "pages"
    stem = f"{sha256}-{page}-{DISPLAY_WIDTH}"
    return folder / f"{stem}.jpg", folder / f"{stem}.json"


def _jpeg(image: Any) -> bytes:
    from PIL import Image

    if image.width > DISPLAY_WIDTH:
        height = max(1, round(image.height * DISPLAY_WIDTH / image.width))
        image = image.resize((DISPLAY_WIDTH, height), Image.Resampling.LANCZOS)
    if image.mode not in ("L", "RGB"):
        image = image.convert("RGB")
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=85)
    return buf.getvalue()


def _pdf_page(data: bytes, page: int) -> tuple[float, float, bytes]:
    doc = pdfium.PdfDocument(data)
    if not 1 <= page <= len(doc):
        raise LookupError("no such page")
    pdf_page = doc[page - 1]
    width, height = pdf_page.get_size()
    bitmap = pdf_page.render(scale=DISPLAY_WIDTH / max(width, 1.0), may_draw_forms=True)
    return width, height, _jpeg(bitmap.to_pil())


def _image_page(data: bytes, page: int, ctx: ChildContext) -> tuple[float, float, bytes]:
    from PIL import Image

    from dsreview.extractors.reading.images import read_image

    pages = read_image(data, ctx)["pages"]
    if not 1 <= page <= len(pages):
        raise LookupError("no such page")
    found = pages[page - 1]
    with Image.open(ctx.image_dir / found["image"]["file"]) as image:
        return float(found["w"]), float(found["h"]), _jpeg(image)


def _render_task(path: Path, page: int, ctx: ChildContext) -> bytes:
    """Runs in the child: a JSON line with the page size, then the JPEG."""
    data = path.read_bytes()
    kind = sniff(data[:4096])
    try:
        if kind == "pdf":
            width, height, jpeg = _pdf_page(data, page)
        else:
            width, height, jpeg = _image_page(data, page, ctx)
    except LookupError:
        return json.dumps({"missing": True}).encode() + b"\n"
    return json.dumps({"w": width, "h": height}).encode() + b"\n" + jpeg


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def render_page(sha256: str, page: int, *, settings: Settings, blobs: BlobStore) -> PageImage:
    """The page's image from the cache, else rendered in a limited child and cached."""
    image_path, meta_path = _cache_paths(settings, sha256, page)
    if image_path.is_file() and meta_path.is_file():
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        return PageImage(path=image_path, width=float(meta["w"]), height=float(meta["h"]))
    preload()  # Pillow imported before the fork (a threaded parent; see reading/preload.py)
    ctx = ChildContext(
        limits=settings.limits, image_dir=image_dir(settings), render_dpi=settings.ocr_render_dpi
    )
    source = blobs.path(sha256)
    (result,) = run_isolated([lambda: _render_task(source, page, ctx)], limits=settings.limits, workers=1)
    head, _, jpeg = result.output.partition(b"\n")
    try:
        meta = json.loads(head) if result.ok else {}
    except ValueError:
        meta = {}
    if meta.get("missing"):
        raise NotFoundError("해당 쪽이 없습니다.", detail={"page": page})
    if "w" not in meta or not jpeg:
        raise ReadError("이 쪽의 그림을 만들 수 없습니다 (파일이 손상되었거나 읽을 수 없습니다).")
    _write(image_path, jpeg)
    _write(meta_path, json.dumps({"w": meta["w"], "h": meta["h"]}).encode())
    return PageImage(path=image_path, width=float(meta["w"]), height=float(meta["h"]))


def page_image(
    session: Session,
    *,
    actor: Actor,
    settings: Settings,
    blobs: BlobStore,
    application_id: int,
    file_id: int,
    page: int,
) -> PageImage:
    """A page of a file of an application the staff member may see."""
    require_role(actor, Role.staff)
    if not 1 <= page <= MAX_PAGE:
        raise NotFoundError("해당 쪽이 없습니다.", detail={"page": page})
    found = original_file(session, actor=actor, application_id=application_id, file_id=file_id)
    return render_page(found.sha256, page, settings=settings, blobs=blobs)
