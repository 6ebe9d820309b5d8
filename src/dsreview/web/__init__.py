"""Server-rendered pages for every role, in Korean, over the same services as the API.

`install(app)` serves the static files (CSS, the upload script, htmx copied from the npm package)
and adds the pages; the app factory calls it last, because the last page answers every address
nothing else has.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from dsreview.web.views import (
    agency,
    public,
    quality,
    reviewer,
    services,
    staff_applications,
    staff_rounds,
    vendor,
)

STATIC = Path(__file__).resolve().parent / "static"


def install(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in (public, vendor, services, staff_applications, staff_rounds, quality, reviewer, agency):
        app.include_router(module.router)
    app.include_router(public.catch_all)
