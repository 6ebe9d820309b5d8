"""Charts as inline SVG drawn on the server: horizontal bars, stacked bars and a histogram.

No chart library and no script: each chart is an `<svg role="img">` with a title and a
description, scales with its container (viewBox), and sits beside a table of the same numbers
for people who do not see it. Colours keep 3:1 against white (WCAG 1.4.11).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from markupsafe import Markup

WIDTH = 640
BAR = 22
GAP = 10
LABEL_WIDTH = 200
FONT = 'font-family="inherit" font-size="15"'
INK = "#1e2124"
BLUE = "#256ef4"
GRID = "#cdd1d5"
# Status colours of the criteria (pass, fail, exempt, review) and their Korean names.
SEGMENTS: tuple[tuple[str, str, str], ...] = (
    ("pass", "충족", "#228738"),
    ("fail", "미충족", "#d6323a"),
    ("exempt", "면제", "#6d7882"),
    ("review", "검토 필요", "#a85d00"),
)


def _svg(chart_id: str, title: str, desc: str, height: int, body: list[str]) -> Markup:
    head = (
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}-t">{escape(title)}</title><desc id="{chart_id}-d">{escape(desc)}</desc>'
    )
    return Markup(head + "".join(body) + "</svg>")


def _clip(text: str, limit: int = 15) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def hbar(chart_id: str, title: str, items: Sequence[tuple[str, int]], *, unit: str = "건") -> Markup:
    """One bar per item, longest first as given."""
    top = max((value for _, value in items), default=0) or 1
    span = WIDTH - LABEL_WIDTH - 60
    height = max(1, len(items)) * (BAR + GAP) + GAP
    body: list[str] = []
    for row, (name, value) in enumerate(items):
        y = GAP + row * (BAR + GAP)
        length = round(span * value / top)
        body.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + BAR / 2 + 5}" text-anchor="end" fill="{INK}" {FONT}>'
            f"{escape(_clip(name))}</text>"
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{max(length, 2)}" height="{BAR}" rx="3" fill="{BLUE}"/>'
            f'<text x="{LABEL_WIDTH + max(length, 2) + 6}" y="{y + BAR / 2 + 5}" fill="{INK}" {FONT}>'
            f"{value}{escape(unit)}</text>"
        )
    desc = ", ".join(f"{name} {value}{unit}" for name, value in items) or "자료 없음"
    return _svg(chart_id, title, desc, height, body)


def stacked(chart_id: str, title: str, rows: Sequence[tuple[str, dict[str, int]]]) -> Markup:
    """One bar per row split into the criterion statuses, with a legend."""
    legend_h = 30
    span = WIDTH - LABEL_WIDTH - 20
    height = legend_h + max(1, len(rows)) * (BAR + GAP) + GAP
    body: list[str] = []
    x = LABEL_WIDTH
    for _key, name, colour in SEGMENTS:
        body.append(
            f'<rect x="{x}" y="6" width="14" height="14" fill="{colour}"/>'
            f'<text x="{x + 19}" y="18" fill="{INK}" {FONT}>{escape(name)}</text>'
        )
        x += 19 + 14 * len(name) + 16
    for row, (name, counts) in enumerate(rows):
        y = legend_h + GAP + row * (BAR + GAP)
        total = sum(counts.values())
        body.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + BAR / 2 + 5}" text-anchor="end" fill="{INK}" {FONT}>'
            f"{escape(_clip(name))}</text>"
        )
        if not total:
            body.append(f'<rect x="{LABEL_WIDTH}" y="{y}" width="{span}" height="{BAR}" fill="{GRID}"/>')
            continue
        start = float(LABEL_WIDTH)
        for key, _label, colour in SEGMENTS:
            part = span * counts.get(key, 0) / total
            if part <= 0:
                continue
            body.append(f'<rect x="{start:.1f}" y="{y}" width="{part:.1f}" height="{BAR}" fill="{colour}"/>')
            if part >= 24:
                body.append(
                    f'<text x="{start + part / 2:.1f}" y="{y + BAR / 2 + 5}" text-anchor="middle" '
                    f'fill="#ffffff" {FONT}>{counts.get(key, 0)}</text>'
                )
            start += part
    names = {key: label for key, label, _ in SEGMENTS}
    desc = "; ".join(
        f"{name}: " + ", ".join(f"{names[k]} {counts.get(k, 0)}건" for k in names) for name, counts in rows
    )
    return _svg(chart_id, title, desc or "자료 없음", height, body)


def columns(chart_id: str, title: str, items: Sequence[tuple[str, int]], *, unit: str = "건") -> Markup:
    """A histogram: one column per bucket, labels below."""
    height, base, top_pad = 240, 200, 24
    top = max((value for _, value in items), default=0) or 1
    slot = WIDTH / max(1, len(items))
    width = min(72.0, slot * 0.6)
    body = [f'<line x1="0" y1="{base}" x2="{WIDTH}" y2="{base}" stroke="{GRID}"/>']
    for index, (name, value) in enumerate(items):
        x = slot * index + (slot - width) / 2
        h = max((base - top_pad) * value / top, 0)
        body.append(
            f'<rect x="{x:.1f}" y="{base - h:.1f}" width="{width:.1f}" height="{h:.1f}" fill="{BLUE}"/>'
            f'<text x="{x + width / 2:.1f}" y="{base - h - 6:.1f}" text-anchor="middle" fill="{INK}" {FONT}>'
            f"{value}</text>"
            f'<text x="{x + width / 2:.1f}" y="{base + 20}" text-anchor="middle" fill="{INK}" {FONT}>'
            f"{escape(name)}</text>"
        )
    desc = ", ".join(f"{name} {value}{unit}" for name, value in items) or "자료 없음"
    return _svg(chart_id, title, desc, height, body)
