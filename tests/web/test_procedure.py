"""The issue's 'done when', in the browser: a vendor uploads a bundle, staff check and correct it
and assign a reviewer, the reviewer returns the opinion, staff record the decision and issue the
round's selection notices, and the vendor downloads the notice. Every page on the way is
inspected (screenshots at 1280 and 390 px, overflow, axe-core)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from playwright.sync_api import Page, expect

from dsreview.templates.filters import kdate
from tests.services.support import CASES
from tests.web.support import WebServer, inspect, login, logout, wait_checked

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("web")]


def _application_id(page: Page) -> int:
    found = re.search(r"/applications/(\d+)", page.url)
    assert found, page.url
    return int(found.group(1))


def _advance(page: Page, round_name: str, state: str) -> None:
    page.get_by_role("link", name="심사 차수·통보").click()
    page.get_by_role("button", name=f"{state} 단계로 ({round_name})").click()
    expect(page.get_by_role("status").filter(has_text=f"{state} 단계입니다")).to_be_visible()


def test_upload_to_selection_notice(page: Page, web_server: WebServer) -> None:
    # Staff: a round of this test's own, its committee meeting today.
    round_name = f"브라우저 심사 {date.today().isoformat()}"
    login(page, web_server, "staff")
    page.get_by_role("link", name="심사 차수·통보").click()
    page.get_by_label("차수 이름").fill(round_name)
    page.get_by_label("차수 번호").fill("7")
    page.get_by_label("위원회 개최일").last.fill(date.today().isoformat())
    page.get_by_role("button", name="차수 만들기").click()
    expect(page.get_by_role("status").filter(has_text="만들었습니다")).to_be_visible()
    expect(page.get_by_role("heading", name=round_name)).to_be_visible()
    logout(page)

    # Vendor: a text bundle chosen with the file dialog (the keyboard path), per-file progress.
    login(page, web_server, "vendor")
    expect(page.get_by_role("heading", name="내 신청")).to_be_visible()
    page.get_by_role("link", name="새 신청", exact=True).click()
    page.get_by_label("심사 차수").select_option(label=f"{round_name} (위원회 {kdate(date.today())})")
    files = sorted(p for p in (CASES / "S01").iterdir() if p.suffix == ".pdf")
    page.locator("#files").set_input_files(files)
    expect(page.locator("[data-file-list] li")).to_have_count(len(files))
    inspect(page, "vendor-apply")
    page.get_by_role("button", name="신청하기").click()
    page.wait_for_url(re.compile(r"/vendor/applications/\d+"))
    application_id = _application_id(page)
    expect(page.get_by_role("heading", name="제출 서류")).to_be_visible(timeout=90_000)
    inspect(page, "vendor-result")
    logout(page)

    # Staff: the queue, the application with its evidence, a correction and the re-check.
    login(page, web_server, "staff")
    page.get_by_label("진행 상태").select_option("checked")
    page.get_by_role("button", name="거르기").click()
    inspect(page, "staff-queue")
    page.get_by_role("link", name=re.compile(r"DS-\d{4}-\d{5}")).filter(
        has_text=f"{application_id:05d}"
    ).click()
    expect(page.get_by_role("heading", name="서류별 추출 값과 근거")).to_be_visible()
    tab = page.get_by_role("link", name="사업자등록증", exact=True)
    tab.click()
    expect(tab).to_have_attribute("aria-current", "true")
    row = page.locator("#field-representative")
    row.get_by_role("link", name=re.compile("서류에서 위치 보기")).click()
    expect(page.get_by_test_id("evidence-box")).to_be_visible()
    expect(page.locator("#field-representative")).to_have_class(re.compile("selected"))
    inspect(page, "staff-application")
    row = page.locator("#field-representative")
    row.locator("summary").click()
    row.get_by_label("고친 대표자").fill("장서연")
    row.get_by_label("고친 이유").fill("확인 결과 동일인")
    row.get_by_role("button", name="고치고 다시 확인").click()
    expect(page.get_by_role("status").filter(has_text="값을 고쳤습니다")).to_be_visible()
    wait_checked(web_server, application_id)
    # the page reloads itself when the check ends (its progress poll says so)
    history = page.locator("section", has=page.get_by_role("heading", name="값 수정 기록"))
    expect(history.get_by_role("cell", name="확인 결과 동일인")).to_be_visible(timeout=60_000)
    expect(page.locator("#check-progress")).to_have_count(0, timeout=60_000)
    # Reviewers are assigned once intake has closed and the round is in review.
    _advance(page, round_name, "접수 마감")
    _advance(page, round_name, "검토")
    page.goto(f"{web_server.url}/staff/applications/{application_id}")
    page.get_by_label("박검토").check()
    page.get_by_role("button", name="지정하고 의견서 보내기").click()
    expect(page.get_by_role("status").filter(has_text="검토위원 1명")).to_be_visible()
    logout(page)

    # Reviewer: the assigned application, the pre-filled form, the opinion per criterion.
    login(page, web_server, "reviewer")
    inspect(page, "reviewer-home")
    page.get_by_role("link", name=re.compile(f"{application_id:05d}")).click()
    with page.expect_download() as download:
        page.get_by_role("link", name="검토 의견서 DOCX 내려받기").click()
    assert download.value.suggested_filename.endswith(".docx")
    with page.expect_download() as download:
        page.get_by_role("link", name="한글(HWPX) 내려받기").click()
    assert download.value.suggested_filename.endswith(".hwpx")
    for group in page.locator("fieldset").all():
        suitable = group.get_by_label("적합", exact=True)
        if suitable.count():
            suitable.check()
    page.get_by_label("종합 의견").fill("검토 기준을 모두 충족합니다.")
    inspect(page, "reviewer-opinion")
    page.get_by_role("button", name="의견 제출").click()
    expect(page.get_by_role("status").filter(has_text="검토 의견을 제출했습니다")).to_be_visible()
    logout(page)

    # Staff: the review report, the committee's decision, the round's notices with progress.
    login(page, web_server, "staff")
    page.goto(f"{web_server.url}/staff/applications/{application_id}")
    page.get_by_role("button", name="결과보고서 만들기").click()
    expect(page.get_by_role("status").filter(has_text="검토 결과보고서를 만들었습니다")).to_be_visible()
    _advance(page, round_name, "심사위원회")
    page.goto(f"{web_server.url}/staff/applications/{application_id}")
    page.get_by_label("선정", exact=True).check()
    page.get_by_role("button", name="결정 기록").click()
    expect(page.get_by_role("status").filter(has_text="선정으로 기록했습니다")).to_be_visible()
    _advance(page, round_name, "결과 확정")
    inspect(page, "staff-rounds")
    page.get_by_role("button", name=f"통보서 만들기 ({round_name})").click()
    page.wait_for_url(re.compile(r"/staff/jobs/\d+"))
    expect(page.get_by_text("모두 마쳤습니다")).to_be_visible(timeout=60_000)
    inspect(page, "staff-notices-job")
    logout(page)

    # Vendor: the selection notice among the documents received.
    login(page, web_server, "vendor")
    notices = page.locator("section", has=page.get_by_role("heading", name="받은 문서"))
    expect(notices.get_by_role("heading", name="선정 통보서")).to_be_visible()
    with page.expect_download() as download:
        notices.get_by_role("link", name=re.compile("DOCX 내려받기 선정 통보서")).first.click()
    assert download.value.suggested_filename.startswith("선정 통보서")
    with page.expect_download() as download:
        notices.get_by_role("link", name=re.compile("한글\\(HWPX\\) 내려받기 선정 통보서")).first.click()
    assert download.value.suggested_filename.endswith(".hwpx")
    inspect(page, "vendor-home")
