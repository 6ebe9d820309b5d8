"""Agency: contract registration with the deadline shown before submitting, a refused form that
keeps what was typed, the registered contract, and a change with its own deadline."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect

from dsreview.validators import periods
from tests.web.support import WebServer, inspect, listed_service, login

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("web")]


def test_contract_registration_and_change(page: Page, web_server: WebServer) -> None:
    listed_service(web_server, "S16")
    signed = date.today() - timedelta(days=3)
    deadline = periods.contract_registration_deadline(signed)

    login(page, web_server, "agency")
    inspect(page, "agency-home")
    page.get_by_role("link", name="계약정보 등록", exact=True).first.click()
    page.get_by_role("checkbox").first.check()
    page.get_by_label("계약명").fill("융합 서비스 도입 계약")
    page.get_by_label("계약금액(원)").fill("48,000,000")
    page.get_by_label("계약일").fill(signed.isoformat())
    preview = page.locator("#deadline-preview")
    expect(preview).to_contain_text(f"등록 기한 {deadline.year}. {deadline.month}. {deadline.day}.")
    page.get_by_label("계약 시작일").fill(signed.isoformat())
    page.get_by_label("계약 종료일").fill((signed - timedelta(days=1)).isoformat())
    inspect(page, "agency-new-contract")
    page.get_by_role("button", name="계약정보 등록").click()

    # Refused by the contracts service: the reason, and the form as it was typed.
    expect(page.get_by_role("alert")).to_contain_text("종료일이 시작일보다 앞설 수 없습니다")
    expect(page.get_by_label("계약명")).to_have_value("융합 서비스 도입 계약")
    page.get_by_label("계약 종료일").fill((signed + timedelta(days=365)).isoformat())
    page.get_by_role("button", name="계약정보 등록").click()
    page.wait_for_url(re.compile(r"/agency/contracts/\d+$"))
    expect(page.get_by_role("status").filter(has_text="계약정보를 등록했습니다")).to_be_visible()
    expect(page.get_by_text("기한 내 등록").first).to_be_visible()
    expect(page.locator("h3", has_text="계약정보 등록 확인서")).to_be_visible()

    page.get_by_label("변경일").fill(date.today().isoformat())
    expect(page.locator("#deadline-preview")).to_contain_text("등록 기한")
    page.get_by_label("변경 내용").fill("계약 기간 3개월 연장")
    page.get_by_label("변경 후 종료일 (선택)").fill((signed + timedelta(days=455)).isoformat())
    page.get_by_role("button", name="변경 등록").click()
    expect(page.get_by_role("status").filter(has_text="계약 변경을 등록했습니다")).to_be_visible()
    expect(page.get_by_role("cell", name=re.compile("계약 기간 3개월 연장"))).to_be_visible()
    inspect(page, "agency-contract")
