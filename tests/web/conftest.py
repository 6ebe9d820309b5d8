"""Fixtures of the browser tests: one live server with its job worker and one Chromium per xdist
worker, a fresh browser context per test. The tests share the `web` xdist group, but they do not
rely on it: with pytest 9.2 and pytest-xdist 3.8 `--dist loadgroup` does not group (xdist renames
`item._nodeid`, which pytest no longer reads), so each worker may start its own server."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from dsreview.api.app import create_app
from dsreview.jobs.queue import JobQueue
from dsreview.services import selection
from dsreview.store import BlobStore, Database
from dsreview.store.migrate import upgrade
from tests.services.support import LiveServer, WorkerProcess, make_people, make_settings
from tests.web.support import AXE, CHROMIUM, CHROMIUM_ARGS, INSPECTED, SCREENSHOTS, WIDTHS, WebServer

EMAILS = {
    "staff": "staff@test.kr",
    "vendor": "vendor@test.kr",
    "other_vendor": "other@test.kr",
    "reviewer": "reviewer@test.kr",
    "other_reviewer": "reviewer2@test.kr",
    "agency": "agency@test.kr",
}


@pytest.fixture(scope="session")
def web_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebServer]:
    data: Path = tmp_path_factory.mktemp("web") / "data"
    settings = make_settings(data, ocr_workers=2)
    db = Database(settings)
    upgrade(db)
    people = make_people(db, settings)
    with db.session(write=False) as session:
        round_name = selection.get_round(session, round_id=people.round_id).name
    queue = JobQueue(settings)
    with (
        LiveServer(create_app(settings, db=db, queue=queue)) as live,
        WorkerProcess(settings, pdf=True, workers=2),
    ):
        yield WebServer(
            url=live.url,
            settings=settings,
            db=db,
            blobs=BlobStore(settings.blob_dir),
            queue=queue,
            people=people,
            round_name=round_name,
            emails=EMAILS,
        )
    db.dispose()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Debian's chromium is needed at {CHROMIUM} (make install)")
    if not AXE.exists():
        pytest.fail(f"axe-core is needed at {AXE} (make install runs npm ci)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="ko-KR", accept_downloads=True
    )
    context.set_default_timeout(20_000)
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture(scope="session", autouse=True)
def accessibility_summary() -> Iterator[None]:
    """After the browser tests: every page inspected and the axe findings below 'serious'."""
    yield
    if INSPECTED.pages:
        SCREENSHOTS.parent.mkdir(parents=True, exist_ok=True)
        summary = {"pages": INSPECTED.pages, "widths": list(WIDTHS), "below_serious": INSPECTED.minor}
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        (SCREENSHOTS.parent / f"accessibility-{worker}.json").write_text(
            json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8"
        )
