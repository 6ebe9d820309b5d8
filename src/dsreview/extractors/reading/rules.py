"""Ruled lines of a text-layer page: the borders of its tables, from the PDF's drawn paths.

A table's cells are drawn as strokes (`re` rectangles, `m`/`l` lines) or, by browsers and office
suites, as thin filled rectangles. Either way they come back as axis-aligned segments in page points
from the top-left corner: `[x0, y0, x1, y1]` with x0 == x1 (vertical) or y0 == y1 (horizontal).
Paths inside form XObjects are followed (bounded depth and count); curves and slanted lines are
left out. Extractors use the rules to tell which words share a cell.
"""

from __future__ import annotations

import ctypes
from typing import Any

import pypdfium2.raw as pdfium_c

Affine = tuple[float, float, float, float, float, float]
Rule = list[float]  # x0, y0, x1, y1

MIN_LENGTH = 6.0  # points: shorter strokes are glyph parts, ticks or dots
THIN = 2.5  # points: a filled rectangle thinner than this is a drawn rule
_MAX_PATHS = 5000
_MAX_SEGMENTS = 400  # per path
_MAX_DEPTH = 4


def _compose(m: Any, outer: Affine) -> Affine:
    """The object's matrix followed by `outer` (user space → page points)."""
    a, b, c, d, e, f = outer
    return (
        m.a * a + m.b * c,
        m.a * b + m.b * d,
        m.c * a + m.d * c,
        m.c * b + m.d * d,
        m.e * a + m.f * c + e,
        m.e * b + m.f * d + f,
    )


def _apply(t: Affine, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = t
    return a * x + c * y + e, b * x + d * y + f


def _segments(obj: Any, t: Affine) -> list[tuple[float, float, float, float]]:
    """The straight segments of a path, in page points."""
    count = min(pdfium_c.FPDFPath_CountSegments(obj), _MAX_SEGMENTS)
    x, y = ctypes.c_float(), ctypes.c_float()
    points: list[tuple[float, float, int, bool]] = []
    for i in range(count):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        if not seg or not pdfium_c.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y)):
            return []
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        points.append((*_apply(t, x.value, y.value), kind, bool(pdfium_c.FPDFPathSegment_GetClose(seg))))
    out = []
    start: tuple[float, float] | None = None
    prev: tuple[float, float] | None = None
    for px, py, kind, close in points:
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = prev = (px, py)
            continue
        if kind == pdfium_c.FPDF_SEGMENT_LINETO and prev is not None:
            out.append((prev[0], prev[1], px, py))
        prev = (px, py)
        if close and start is not None:
            out.append((px, py, start[0], start[1]))
            prev = start
    return out


def _axis_aligned(seg: tuple[float, float, float, float]) -> Rule | None:
    x0, y0, x1, y1 = seg
    if abs(y1 - y0) < 0.5 and abs(x1 - x0) >= MIN_LENGTH:
        y = (y0 + y1) / 2
        return [round(min(x0, x1), 2), round(y, 2), round(max(x0, x1), 2), round(y, 2)]
    if abs(x1 - x0) < 0.5 and abs(y1 - y0) >= MIN_LENGTH:
        x = (x0 + x1) / 2
        return [round(x, 2), round(min(y0, y1), 2), round(x, 2), round(max(y0, y1), 2)]
    return None


def _thin_box(segs: list[tuple[float, float, float, float]]) -> Rule | None:
    """A filled rectangle thin enough to be a rule, as its centre line."""
    xs = [v for s in segs for v in (s[0], s[2])]
    ys = [v for s in segs for v in (s[1], s[3])]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    w, h = x1 - x0, y1 - y0
    if h <= THIN and w >= MIN_LENGTH:
        return [round(x0, 2), round((y0 + y1) / 2, 2), round(x1, 2), round((y0 + y1) / 2, 2)]
    if w <= THIN and h >= MIN_LENGTH:
        return [round((x0 + x1) / 2, 2), round(y0, 2), round((x0 + x1) / 2, 2), round(y1, 2)]
    return None


def _walk(objects: list[Any], t: Affine, depth: int, out: list[Rule], budget: list[int]) -> None:
    m = pdfium_c.FS_MATRIX()
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    for obj in objects:
        if budget[0] <= 0:
            return
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < _MAX_DEPTH:
            if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
                continue
            inner = [
                pdfium_c.FPDFFormObj_GetObject(obj, i)
                for i in range(min(pdfium_c.FPDFFormObj_CountObjects(obj), _MAX_PATHS))
            ]
            _walk(inner, _compose(m, t), depth + 1, out, budget)
            continue
        if kind != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        budget[0] -= 1
        if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
            continue
        if not pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke)):
            continue
        segs = _segments(obj, _compose(m, t))
        if not segs:
            continue
        if stroke.value:
            out.extend(r for r in map(_axis_aligned, segs) if r is not None)
        elif fill.value:
            thin = _thin_box(segs)
            if thin is not None:
                out.append(thin)


def page_rules(objects: list[Any], aff: Affine) -> list[Rule]:
    """The page's ruled lines (top-level objects given, form XObjects followed)."""
    out: list[Rule] = []
    _walk(objects, aff, 0, out, [_MAX_PATHS])
    return out
