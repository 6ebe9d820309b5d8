"""A scanned bundle dropped onto the upload page: per-file progress, the check's progress while
OCR runs, the checklist, a single document re-uploaded; staff see the OCR evidence box on the
scanned page and correct a value of the scanned form in place (history kept, check re-run)."""

from __future__ import annotations

import base64
import json
import re

import pytest
from playwright.sync_api import Page, expect

from tests.services.support import CASES
from tests.web.support import OCR_TIMEOUT, WebServer, inspect, login, logout, wait_checked

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("web")]

DROP = """(files) => {
  const transfer = new DataTransfer();
  for (const f of files) {
    const bytes = Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0));
    transfer.items.add(new File([bytes], f.name, { type: "application/pdf" }));
  }
  const zone = document.querySelector("[data-dropzone]");
  for (const type of ["dragenter", "dragover", "drop"]) {
    zone.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }
}"""


def test_scanned_bundle_dropped_checked_and_reuploaded(page: Page, web_server: WebServer) -> None:
    login(page, web_server, "vendor")
    page.goto(f"{web_server.url}/vendor/apply")
    truth = json.loads((CASES / "S04" / "truth.json").read_text(encoding="utf-8"))
    files = [CASES / "S04" / name for name in truth["files"]]
    page.evaluate(DROP, [{"name": p.name, "data": base64.b64encode(p.read_bytes()).decode()} for p in files])
    expect(page.locator("[data-file-list] li")).to_have_count(len(files))
    expect(page.get_by_role("status").filter(has_text=f"모두 {len(files)}개")).to_be_visible()
    page.get_by_role("button", name="신청하기").click()
    page.wait_for_url(re.compile(r"/vendor/applications/\d+"))
    application_id = int(page.url.rsplit("/", 1)[-1])

    # The check runs: the page polls its progress, then reloads with the result.
    progress = page.locator("#check-progress")
    if progress.count():
        expect(progress.get_by_role("progressbar", name="서류 확인 진행률")).to_be_visible()
        page.screenshot(path="test-artifacts/screenshots/vendor-progress-1280.png")
    expect(page.get_by_role("heading", name="제출 서류")).to_be_visible(timeout=OCR_TIMEOUT)
    expect(page.get_by_role("heading", name="사업자등록증", exact=True)).to_be_visible()
    inspect(page, "vendor-scanned-result")

    # One document again: its row's re-upload form, with the same progress bar.
    row = page.locator(".checklist > li", has=page.get_by_role("heading", name="사업자등록증", exact=True))
    row.get_by_text("이 서류 다시 올리기").click()
    row.locator("input[type=file]").set_input_files(CASES / "S04" / "brc.pdf")
    row.get_by_role("button", name="바꿔 올리기").click()
    expect(page.get_by_role("status").filter(has_text="「brc.pdf」를 받았습니다")).to_be_visible()
    # While the bundle is checked again the earlier result stays, marked as such, until the reload.
    expect(page.locator("#check-progress")).to_have_count(0, timeout=OCR_TIMEOUT)
    expect(page.get_by_text("아래는 이전 확인 결과입니다")).to_have_count(0)
    expect(page.get_by_role("heading", name="제출 서류")).to_be_visible()
    logout(page)

    # Staff: the scanned page with the OCR evidence of a field.
    login(page, web_server, "staff")
    page.goto(f"{web_server.url}/staff/applications/{application_id}")
    tab = page.get_by_role("link", name="사업자등록증 (스캔)")
    tab.click()
    expect(tab).to_have_attribute("aria-current", "true")
    expect(page.get_by_text("글자 인식(OCR)으로 읽음")).to_be_visible()
    page.locator("#field-registration_number").get_by_role(
        "link", name=re.compile("서류에서 위치 보기")
    ).click()
    expect(page.get_by_test_id("evidence-box")).to_be_visible()
    image = page.locator(".page-image img")
    expect(image).to_have_js_property("complete", True)
    assert image.evaluate("img => img.naturalWidth") > 0
    inspect(page, "staff-scanned-viewer")

    # A value the OCR may have missed on the scanned form, set by hand; the bundle is checked again.
    wanted = next(d for d in truth["documents"] if d["type"] == "application_form")["fields"]["service_name"]
    form_tab = page.get_by_role("link", name="디지털서비스 심사 신청서 (스캔)")
    form_tab.click()
    expect(form_tab).to_have_attribute("aria-current", "true")
    # a value the engine read again says so, with what the OCR had read (never shown as read)
    repaired = page.locator("#field-service_category").get_by_test_id("repaired")
    expect(repaired).to_contain_text("자동 보정: 항목명 칸을 다시 읽음")
    expect(repaired).to_contain_text("처음 읽은 글자")
    expect(page.locator("#field-service_name").get_by_test_id("repaired")).to_have_count(0)
    row = page.locator("#field-service_name")
    row.locator("summary").click()
    row.get_by_label("고친 서비스명").fill(wanted)
    row.get_by_label("고친 이유").fill("스캔본 글자 인식 보완")
    row.get_by_role("button", name="고치고 다시 확인").click()
    expect(page.get_by_role("status").filter(has_text="'서비스명' 값을 고쳤습니다")).to_be_visible()
    wait_checked(web_server, application_id, timeout=OCR_TIMEOUT / 1000)
    # the page reloads itself when the check ends (a reload of ours could race it)
    expect(page.locator("#check-progress")).to_have_count(0, timeout=60_000)
    expect(page.locator("#field-service_name")).to_contain_text(wanted)
    expect(page.locator("#field-service_name")).to_contain_text("수정됨")
    history = page.locator("section", has=page.get_by_role("heading", name="값 수정 기록"))
    expect(history.get_by_role("cell", name="스캔본 글자 인식 보완")).to_be_visible()
