"""What the browser tests share: a live server with a worker, Debian's Chromium through Playwright,
signing in, and `inspect` — screenshots at 1280 and 390 pixels, overflow and axe-core checks."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from playwright.sync_api import Page, expect

from dsreview.config import Settings
from dsreview.domain import CRITERIA
from dsreview.jobs import dispatch
from dsreview.jobs.queue import JobQueue
from dsreview.services import intake, review, selection
from dsreview.services.actors import Actor
from dsreview.services.review import CriterionOpinion
from dsreview.store import BlobStore, Database
from dsreview.store.repositories import ApplicationRepository
from tests.services.support import (
    PASSWORD,
    ROOT,
    People,
    case_files,
    record_fake_check,
    report_from_truth,
    wait_for,
)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--lang=ko-KR",  # the browser's own words (file inputs, date fields) in Korean, as our users see them
]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
WIDTHS = (1280, 390)
# The accessibility bar of the issue: nothing serious or critical under the WCAG 2.1 A and AA rules
# and axe's best practices (what is below serious is recorded in accessibility-*.json).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
BLOCKING = {"serious", "critical"}
OCR_TIMEOUT = 150_000  # ms: a scanned bundle on a busy 2-core machine


@dataclass
class WebServer:
    url: str
    settings: Settings
    db: Database
    blobs: BlobStore
    queue: JobQueue
    people: People
    round_name: str
    emails: dict[str, str] = field(default_factory=dict)


@dataclass
class Inspection:
    """What `inspect` found on every page, kept for the summary at the end."""

    pages: list[str] = field(default_factory=list)
    minor: dict[str, list[str]] = field(default_factory=dict)  # moderate/minor axe findings per page


INSPECTED = Inspection()


def login(page: Page, server: WebServer, who: str) -> None:
    page.goto(f"{server.url}/login")
    page.get_by_label("전자우편 주소").fill(server.emails[who])
    page.get_by_label("비밀번호").fill(PASSWORD)
    page.get_by_role("button", name="로그인", exact=True).click()
    expect(page.get_by_role("button", name="로그아웃")).to_be_visible()


def logout(page: Page) -> None:
    page.get_by_role("button", name="로그아웃").click()
    expect(page.get_by_role("banner").get_by_role("link", name="로그인")).to_be_visible()


def _axe(page: Page) -> list[dict[str, Any]]:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated by the test's own channel, which the page's CSP (no inline scripts) does not cover.
        page.evaluate(AXE.read_text(encoding="utf-8"))
    options = json.dumps({"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
    result: dict[str, Any] = page.evaluate(f"async () => await axe.run(document, {options})")
    violations: list[dict[str, Any]] = result["violations"]
    return violations


def inspect(page: Page, name: str) -> None:
    """Screenshot the page at each width, and fail on horizontal overflow or on a serious or
    critical axe-core violation. The page is left at the first width."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_load_state("networkidle")
        page.evaluate("document.fonts.ready")
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 1:
            problems.append(f"{name} at {width}px: the page is {overflow}px wider than the window")
        for violation in _axe(page):
            nodes = [n.get("target") for n in violation.get("nodes", [])][:5]
            line = f"{violation['id']} ({violation.get('impact')}): {violation.get('help')} {nodes}"
            if violation.get("impact") in BLOCKING:
                problems.append(f"{name} at {width}px: {line}")
            else:
                INSPECTED.minor.setdefault(name, []).append(line)
    page.set_viewport_size({"width": WIDTHS[0], "height": 900})
    INSPECTED.pages.append(name)
    assert not problems, "\n".join(problems)


# -- data prepared through the services (what another role did before the test's own steps) -------


def submit(server: WebServer, vendor: Actor, case: str) -> int:
    """A bundle submitted as `vendor` through the intake service; its check runs in the worker."""
    paths = case_files(case)
    handles = [p.open("rb") for p in paths]
    try:
        with dispatch.transaction(server.db, server.queue) as session:
            application = intake.submit_application(
                session,
                actor=vendor,
                settings=server.settings,
                blobs=server.blobs,
                files=[
                    intake.IncomingFile(name=p.name, stream=h) for p, h in zip(paths, handles, strict=True)
                ],
            )
            return application.id
    finally:
        for handle in handles:
            handle.close()


def status_of(server: WebServer, application_id: int) -> str:
    with server.db.session(write=False) as session:
        application = ApplicationRepository(session).get(application_id)
        assert application is not None
        return str(application.status)


def wait_checked(server: WebServer, application_id: int, *, timeout: float = 120) -> None:
    wait_for(
        lambda: status_of(server, application_id) in ("checked", "failed"),
        timeout=timeout,
        interval=0.2,
        what=f"application {application_id} checked",
    )
    assert status_of(server, application_id) == "checked"


def listed_service(
    server: WebServer, case: str, *, decided_on: date | None = None, vendor: str = "other_vendor"
) -> int:
    """A service selected and listed in the catalogue, through every step's service (fake check),
    in a round of its own that ends finalised (the shared round keeps taking applications)."""
    people, s = server.people, server.settings
    actor: Actor = getattr(people, vendor)
    met = decided_on or date.today()
    with dispatch.transaction(server.db, server.queue) as session:
        round_ = selection.create_round(
            session, actor=people.staff, name=f"{case} 차수", number=9, committee_date=met
        )
        round_id = round_.id
        application = intake.submit_application(
            session,
            actor=actor,
            settings=s,
            blobs=server.blobs,
            files=[intake.IncomingFile(name="bundle.pdf", stream=io.BytesIO(b"%PDF-1.4 placeholder"))],
            round_id=round_id,
        )
        application_id = application.id
    record_fake_check(server.db, application_id, report_from_truth(case))
    with dispatch.transaction(server.db, server.queue) as session:
        round_ = selection.get_round(session, round_id=round_id)
        round_.status = "reviewing"
        kw: dict[str, Any] = {"settings": s, "blobs": server.blobs, "application_id": application_id}
        review.assign_reviewers(
            session, actor=people.staff, reviewer_ids=[people.other_reviewer.user_id], **kw
        )
        review.submit_opinion(
            session,
            actor=people.other_reviewer,
            application_id=application_id,
            criteria={key: CriterionOpinion("suitable", "적합") for key in CRITERIA},
            overall="suitable",
        )
        review.generate_review_report(session, actor=people.staff, **kw)
        round_.status = "committee"
        selection.record_decision(
            session,
            actor=people.staff,
            settings=s,
            application_id=application_id,
            decision="selected",
            decided_on=met,
        )
        round_.status = "finalised"
        service = selection.service_of(session, application_id=application_id)
        assert service is not None
        selection.publish(session, actor=people.staff, service_ids=[service.id])
        return service.id
