"""PDF files in the child: per page, text-layer words or the image Tesseract should read.

pypdfium2's text page gives each character with its box in microseconds (pdfplumber's pdfminer
is ~15× slower on our Korean pages). A page whose text layer is missing, garbage or a thin veil
over a full-page image gets an image for OCR instead: the page's own JPEG, byte for byte, when the
page is one upright DCT image (its true resolution goes to Tesseract); a 300-dpi grayscale
rendering otherwise.
"""

from __future__ import annotations

import ctypes
import math
import re
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from dsreview.extractors.reading.context import ChildContext, Fatal
from dsreview.extractors.reading.pageimages import encode, jpeg_info, jpeg_passable, store_image
from dsreview.extractors.reading.prescan import prescan
from dsreview.extractors.reading.rules import page_rules
from dsreview.extractors.reading.textlayer import (
    GARBAGE_RATIO,
    Char,
    WordRow,
    garbage_score,
    group_words,
    is_thin,
)

# x' = a*x + c*y + e, y' = b*x + d*y + f: PDF user space to points from the top-left corner.
Affine = tuple[float, float, float, float, float, float]

_MAX_CHARS = 200_000  # per page
_MAX_OBJECTS = 20_000  # per page, when looking for a full-page image
_FULL_PAGE = 0.6  # an image covering this share of the page is a "full-page image"
_PASS_COVER = 0.85  # the JPEG is handed over as it is only if it covers the page
_SPACES = frozenset((0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x3000, 0x2002, 0x2003, 0x2009, 0x200B, 0x2028))
_MAP_ERROR_SAMPLE = 200
_TEXT_FILTERS = frozenset({"ASCII85Decode", "A85", "ASCIIHexDecode", "AHx"})
_OBJ_NUMBER = re.compile(rb"(\d+)\s+(\d+)\s+$")  # before an "obj" keyword
_PAGE_TYPE = re.compile(rb"/Type\s*/Page\b(?!s)")


def _recover(data: bytes) -> bytes | None:
    """A truncated PDF: keep whole objects and add a page tree of the pages found, and a trailer.

    pdfium rebuilds the cross-reference table of a damaged file by scanning it, but needs a trailer
    and a catalog, which most writers put at the end, where the cut is.
    """
    cut = data.rfind(b"endobj")
    if cut < 0:
        return None
    body = data[: cut + len(b"endobj")]
    pages: list[bytes] = []
    highest = 0
    at = 0
    # bytes.find over the keywords, jumping from one object's end to the next (a regular
    # expression over megabytes of image data would take seconds).
    while (at := body.find(b"obj", at)) >= 0:
        number = _OBJ_NUMBER.search(body, max(0, at - 24), at)
        end = body.find(b"endobj", at)
        end = len(body) if end < 0 else end
        if number is not None and body[at - 3 : at] != b"end":
            highest = max(highest, int(number.group(1)))
            head = body[at + 3 : end].split(b"stream", 1)[0]
            if _PAGE_TYPE.search(head):
                pages.append(b"%s %s R" % (number.group(1), number.group(2)))
        at = max(at + 3, end + 6)
    if not pages:
        return None
    tree, root = highest + 1, highest + 2
    return body + (
        b"\n%d 0 obj\n<< /Type /Pages /Kids [%s] /Count %d >>\nendobj\n"
        b"%d 0 obj\n<< /Type /Catalog /Pages %d 0 R >>\nendobj\n"
        b"trailer\n<< /Root %d 0 R /Size %d >>\n%%%%EOF\n"
    ) % (tree, b" ".join(pages), len(pages), root, tree, root, root + 1)


def _open(data: bytes) -> tuple[pdfium.PdfDocument, bool]:
    """The document, and whether it had to be recovered."""
    try:
        return pdfium.PdfDocument(data), False
    except pdfium.PdfiumError as exc:
        if exc.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise Fatal("encrypted") from None
    fixed = _recover(data)
    if fixed is None:
        raise Fatal("corrupt", {"what": "format"})
    try:
        return pdfium.PdfDocument(fixed), True
    except pdfium.PdfiumError:
        raise Fatal("corrupt", {"what": "format"}) from None


def _affine(page: pdfium.PdfPage, width: float, height: float) -> Affine:
    """pdfium's own page-to-device mapping (rotation, crop box), sampled at three points."""
    k = 1000
    dx, dy = ctypes.c_int(), ctypes.c_int()

    def dev(x: float, y: float) -> tuple[float, float]:
        pdfium_c.FPDF_PageToDevice(
            page.raw, 0, 0, round(width * k), round(height * k), 0, x, y, ctypes.byref(dx), ctypes.byref(dy)
        )
        return dx.value / k, dy.value / k

    (ox, oy), (ax, ay), (bx, by) = dev(0, 0), dev(1000, 0), dev(0, 1000)
    return ((ax - ox) / 1000, (ay - oy) / 1000, (bx - ox) / 1000, (by - oy) / 1000, ox, oy)


def _box(
    aff: Affine, left: float, bottom: float, right: float, top: float
) -> tuple[float, float, float, float]:
    a, b, c, d, e, f = aff
    xs = [a * x + c * y + e for x, y in ((left, bottom), (right, top), (left, top), (right, bottom))]
    ys = [b * x + d * y + f for x, y in ((left, bottom), (right, top), (left, top), (right, bottom))]
    return min(xs), min(ys), max(xs), max(ys)


def _chars(textpage: pdfium.PdfTextPage) -> list[Char]:
    """Characters in user space turned y-down (x, -y): text runs left to right in it even on a
    page displayed rotated, so that words are grouped along the text, then mapped to the page."""
    tp = textpage.raw
    rect = pdfium_c.FS_RECTF()
    ref = ctypes.byref(rect)
    get_unicode, get_box = pdfium_c.FPDFText_GetUnicode, pdfium_c.FPDFText_GetLooseCharBox
    count = min(pdfium_c.FPDFText_CountChars(tp), _MAX_CHARS)
    # Asking pdfium about unmapped glyphs costs a call per character: a sample tells as much.
    step = max(1, count // _MAP_ERROR_SAMPLE)
    map_error = pdfium_c.FPDFText_HasUnicodeMapError
    spaces = _SPACES
    out: list[Char] = []
    append = out.append
    for i in range(count):
        code = get_unicode(tp, i)
        if code in spaces:
            append((0x20, 0.0, 0.0, 0.0, 0.0, False))
            continue
        get_box(tp, i, ref)
        append(
            (code, rect.left, -rect.top, rect.right, -rect.bottom, map_error(tp, i) if i % step == 0 else -1)
        )
    return out


def _to_page(words: list[WordRow], aff: Affine) -> list[WordRow]:
    """Word boxes from y-down user space to page points from the displayed top-left corner."""
    out: list[WordRow] = []
    for text, x0, top, x1, bottom in words:
        box = _box(aff, float(x0), -float(bottom), float(x1), -float(top))
        out.append([text, round(box[0], 2), round(box[1], 2), round(box[2], 2), round(box[3], 2)])
    return out


def _objects(page: pdfium.PdfPage) -> list[tuple[int, Any]]:
    """Top-level page objects as (type, raw handle), leaving out invisible text (OCR layers)."""
    out = []
    for i in range(min(pdfium_c.FPDFPage_CountObjects(page.raw), _MAX_OBJECTS)):
        obj = pdfium_c.FPDFPage_GetObject(page.raw, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if (
            kind == pdfium_c.FPDF_PAGEOBJ_TEXT
            and pdfium_c.FPDFTextObj_GetTextRenderMode(obj) == pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE
        ):
            continue
        out.append((kind, obj))
    return out


def _bounds(obj: Any, aff: Affine) -> tuple[float, float, float, float]:
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    refs = (ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top))
    if not pdfium_c.FPDFPageObj_GetBounds(obj, *refs):
        return (0.0, 0.0, 0.0, 0.0)
    return _box(aff, left.value, bottom.value, right.value, top.value)


def _cover(box: tuple[float, float, float, float], width: float, height: float) -> float:
    x0, y0, x1, y1 = max(box[0], 0.0), max(box[1], 0.0), min(box[2], width), min(box[3], height)
    return max(0.0, x1 - x0) * max(0.0, y1 - y0) / max(width * height, 1e-6)


def _full_page_image(objects: list[tuple[int, Any]], aff: Affine, width: float, height: float) -> bool:
    kinds = (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM)
    return any(k in kinds and _cover(_bounds(o, aff), width, height) >= _FULL_PAGE for k, o in objects)


def _pixel_size(obj: Any) -> tuple[int, int]:
    w, h = ctypes.c_uint(), ctypes.c_uint()
    if not pdfium_c.FPDFImageObj_GetImagePixelSize(obj, ctypes.byref(w), ctypes.byref(h)):
        return 0, 0
    return w.value, h.value


def _filters(obj: Any) -> list[str]:
    names = []
    for i in range(pdfium_c.FPDFImageObj_GetImageFilterCount(obj)):
        size = pdfium_c.FPDFImageObj_GetImageFilter(obj, i, None, 0)
        buf = ctypes.create_string_buffer(size)
        pdfium_c.FPDFImageObj_GetImageFilter(obj, i, buf, size)
        names.append(buf.value.decode("latin-1"))
    return names


def _passthrough(
    obj: Any, aff: Affine, width: float, height: float, ctx: ChildContext
) -> dict[str, Any] | None:
    """The page's one upright JPEG as it is, with its true resolution, or None to render."""
    a, b, c, d, _, _ = aff
    if abs(b) > 1e-6 or abs(c) > 1e-6 or a <= 0 or d >= 0:  # a rotated or mirrored page
        return None
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
        return None
    filters = _filters(obj)
    if abs(m.b) > 1e-6 or abs(m.c) > 1e-6 or m.a <= 0 or m.d <= 0 or not filters:
        return None
    # DCT, maybe under a text encoding (reportlab's ASCII85), which pdfium undoes with bounded output.
    if filters[-1] != "DCTDecode" or not set(filters[:-1]) <= _TEXT_FILTERS:
        return None
    px_w, px_h = _pixel_size(obj)
    box = _bounds(obj, aff)
    box_w, box_h = box[2] - box[0], box[3] - box[1]
    if min(px_w, px_h, box_w, box_h) <= 0 or _cover(box, width, height) < _PASS_COVER:
        return None
    sx, sy = px_w / box_w, px_h / box_h
    if abs(sx - sy) > 0.03 * sx:
        return None
    get_data = (
        pdfium_c.FPDFImageObj_GetImageDataDecoded
        if len(filters) > 1
        else pdfium_c.FPDFImageObj_GetImageDataRaw
    )
    size = get_data(obj, None, 0)
    buf = (ctypes.c_ubyte * size)()
    get_data(obj, buf, size)
    data = bytes(buf)
    info = jpeg_info(data)
    if not jpeg_passable(info) or info is None or (info.width, info.height) != (px_w, px_h):
        return None
    name = store_image(ctx, data, "jpg")
    return {"file": name, "scale": sx, "origin": [round(box[0], 3), round(box[1], 3)], "dpi": round(sx * 72)}


def _render(page: pdfium.PdfPage, width: float, height: float, ctx: ChildContext) -> dict[str, Any]:
    dpi = float(ctx.render_dpi)
    pixels = (width * dpi / 72) * (height * dpi / 72)
    if pixels > ctx.limits.max_image_pixels:  # a poster-sized page: render it smaller
        dpi = 72 * math.sqrt(ctx.limits.max_image_pixels / max(width * height, 1.0))
    image = page.render(scale=dpi / 72, grayscale=True, may_draw_forms=False).to_pil()
    name = store_image(ctx, encode(image, "jpg"), "jpg")
    return {"file": name, "scale": dpi / 72, "origin": [0.0, 0.0], "dpi": round(dpi)}


def _ocr_image(
    page: pdfium.PdfPage,
    objects: list[tuple[int, Any]],
    aff: Affine,
    size: tuple[float, float],
    ctx: ChildContext,
) -> dict[str, Any]:
    images = [o for k, o in objects if k == pdfium_c.FPDF_PAGEOBJ_IMAGE]
    for obj in images:
        w, h = _pixel_size(obj)
        if w * h > ctx.limits.max_image_pixels:
            raise Fatal("image_too_large", {"width": w, "height": h})
    if len(images) == 1 and len(objects) == 1:
        plan = _passthrough(images[0], aff, *size, ctx)
        if plan is not None:
            return plan
    return _render(page, *size, ctx)


def _load_page(doc: pdfium.PdfDocument, index: int) -> pdfium.PdfPage:
    """The page with its annotations flattened into it: filled form fields and typed-in text
    (FreeText annotations) are part of what the vendor submits, but not of the page's text."""
    page = doc[index]
    if pdfium_c.FPDFPage_GetAnnotCount(page.raw) > 0:
        flattened = pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_NORMALDISPLAY)
        if flattened == pdfium_c.FLATTEN_SUCCESS:
            page.close()
            page = doc[index]
    return page


def _read_page(page: pdfium.PdfPage, number: int, ctx: ChildContext) -> dict[str, Any]:
    width, height = page.get_size()
    if not (width > 0 and height > 0):
        raise pdfium.PdfiumError("page without an area")
    aff = _affine(page, width, height)
    textpage = page.get_textpage()
    try:
        chars = _chars(textpage)
    finally:
        textpage.close()
    visible, garbage = garbage_score(chars)
    usable = visible > 0 and garbage <= GARBAGE_RATIO
    objects: list[tuple[int, Any]] | None = None
    if usable and is_thin(chars, width * height):
        objects = _objects(page)
        usable = not _full_page_image(objects, aff, width, height)
    out: dict[str, Any] = {"n": number, "w": round(width, 2), "h": round(height, 2), "words": []}
    if usable:
        out["words"] = _to_page(group_words(chars), aff)
        out["rules"] = page_rules([o for _, o in (objects or _objects(page))], aff)
    else:
        out["image"] = _ocr_image(
            page, _objects(page) if objects is None else objects, aff, (width, height), ctx
        )
    return out


def read_pdf(data: bytes, ctx: ChildContext) -> dict[str, Any]:
    limits = ctx.limits
    scan = prescan(data, max_image_pixels=limits.max_image_pixels, max_stream_bytes=limits.max_stream_bytes)
    if scan.bomb:
        raise Fatal("decompression_bomb")
    if scan.big_image is not None:
        raise Fatal("image_too_large", {"width": scan.big_image[0], "height": scan.big_image[1]})
    doc, recovered = _open(data)
    count = len(doc)
    if count == 0:
        raise Fatal("corrupt", {"what": "no_pages"})
    if count > limits.max_pages:
        raise Fatal("too_many_pages", {"pages": count})
    problems: list[dict[str, Any]] = []
    if scan.javascript or pdfium_c.FPDFDoc_GetJavaScriptActionCount(doc.raw) > 0:
        problems.append({"reason": "javascript"})
    attachments = max(scan.embedded_files, doc.count_attachments())
    if attachments:
        problems.append({"reason": "embedded_files", "detail": {"count": attachments}})
    pages: list[dict[str, Any]] = []
    failed: list[int] = []
    for i in range(count):
        try:
            page = _load_page(doc, i)
        except pdfium.PdfiumError:
            failed.append(i + 1)
            pages.append({"n": i + 1, "w": 0.0, "h": 0.0, "words": []})
            continue
        try:
            pages.append(_read_page(page, i + 1, ctx))
        except pdfium.PdfiumError:
            failed.append(i + 1)
            pages.append({"n": i + 1, "w": 0.0, "h": 0.0, "words": []})
        finally:
            page.close()
    if len(failed) == count:
        raise Fatal("corrupt", {"what": "no_pages"})
    if recovered or failed:
        detail = {"pages": ", ".join(map(str, failed))} if failed else {}
        problems.append({"reason": "damaged", "detail": detail})
    doc.close()
    return {"pages": pages, "problems": problems}


def _warm_up_pdf() -> bytes:
    """A one-page PDF of our own with a line of text (for warming the reader up)."""
    content = b"BT /F1 12 Tf 72 700 Td (dsreview) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


WARM_UP_PDF = _warm_up_pdf()
