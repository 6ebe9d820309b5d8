"""Staff pages beyond one application: the queue's filters, the sanctions list upload, the
deadlines page and the intake statistics as charts."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.services.support import ROOT, record_fake_check, report_from_truth
from tests.web.support import WebServer, inspect, login, submit

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("web")]


def test_queue_sanctions_deadlines_statistics(page: Page, web_server: WebServer) -> None:
    # Two checked applications with other outcomes (recorded reports: the engine is not the subject).
    for case in ("S10", "S13"):
        application_id = submit(web_server, web_server.people.other_vendor, case)
        record_fake_check(web_server.db, application_id, report_from_truth(case))

    login(page, web_server, "staff")
    page.get_by_label("확인 결과").select_option("credit_rating_below_threshold")
    page.get_by_role("button", name="거르기").click()
    rows = page.locator("tbody tr")
    expect(rows.first).to_be_visible()
    for text in rows.all_inner_texts():
        assert "2-1" in text, text
    page.get_by_label("검토 기준").select_option("2-1")
    page.get_by_label("기준 판정").select_option("exempt")
    page.get_by_role("button", name="거르기").click()
    expect(page.get_by_text("조건에 맞는 신청이 없습니다")).to_be_visible()

    # An incomplete bundle: the supplement request goes to the vendor.
    page.get_by_role("link", name="초기화").click()
    page.get_by_label("확인 결과").select_option("credit_rating_expired")
    page.get_by_role("button", name="거르기").click()
    page.locator("tbody tr").first.get_by_role("link").click()
    page.get_by_role("button", name="보완 요청서 보내기").click()
    expect(page.get_by_role("status").filter(has_text="보완 요청서")).to_be_visible()
    expect(page.locator(".badge", has_text="보완 요청").first).to_be_visible()

    page.get_by_role("link", name="제재 목록").click()
    page.get_by_label("제재 목록 CSV 파일").set_input_files(ROOT / "samples" / "sanctions.csv")
    page.get_by_label("서류 확인이 끝난 신청을 새 목록으로 다시 확인").check()
    page.get_by_role("button", name="올리기").click()
    expect(
        page.get_by_role("status").filter(has_text=re.compile(r"제재 목록 「sanctions.csv」\(\d+건\)"))
    ).to_be_visible()
    inspect(page, "staff-sanctions")

    page.get_by_role("link", name="기한 관리").click()
    expect(page.get_by_role("heading", name="유효기간이 끝나는 인증서")).to_be_visible()
    inspect(page, "staff-deadlines")

    page.get_by_role("link", name="접수 통계").click()
    expect(page.get_by_role("img", name="확인 결과 유형별 신청 수")).to_be_visible()
    expect(page.get_by_role("img", name="검토 기준별 자동 판정 결과")).to_be_visible()
    expect(page.get_by_role("img", name="접수부터 서류 확인 완료까지 걸린 시간")).to_be_visible()
    inspect(page, "staff-stats")
