"""The front-end files the app serves itself: htmx as the npm package ships it, no CDN anywhere."""

from __future__ import annotations

from pathlib import Path

from dsreview.web import STATIC
from tests.services.support import ROOT

TEMPLATES = STATIC.parent / "templates"


def test_served_htmx_is_the_npm_package() -> None:
    shipped = ROOT / "node_modules" / "htmx.org" / "dist" / "htmx.min.js"
    assert (STATIC / "vendor" / "htmx.min.js").read_bytes() == shipped.read_bytes(), (
        "copy node_modules/htmx.org/dist/htmx.min.js to src/dsreview/web/static/vendor/ after upgrading htmx"
    )


def test_pages_load_nothing_from_other_sites() -> None:
    for path in [*TEMPLATES.rglob("*.html"), *STATIC.rglob("*.css"), *(STATIC / "js").rglob("*.js")]:
        text = Path(path).read_text(encoding="utf-8")
        for marker in ('src="http', 'href="http', "url(http", "@import"):
            assert marker not in text, f"{path.name} loads something from elsewhere: {marker}"
