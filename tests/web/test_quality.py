"""Quality: the vendor submits the month's self-check report, staff find the service due and
record it nonconforming, and the public posting appears."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect

from dsreview.store.repositories import ServiceRepository
from tests.services.support import CASES
from tests.web.support import WebServer, inspect, listed_service, login, logout

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("web")]


def test_monthly_check_to_posting(page: Page, web_server: WebServer) -> None:
    service_id = listed_service(web_server, "S21", decided_on=date.today() - timedelta(days=400))
    with web_server.db.session(write=False) as session:
        service = ServiceRepository(session).get(service_id)
        assert service is not None
        name = service.name
    login(page, web_server, "other_vendor")
    page.get_by_role("link", name=name).click()
    page.get_by_label("품질적합성 자가점검 보고서").set_input_files(CASES / "S21" / "서비스수준정책서.pdf")
    page.get_by_role("button", name="자가점검 보고서 제출").click()
    expect(page.get_by_role("status").filter(has_text="자가점검 보고서를 제출했습니다")).to_be_visible()
    logout(page)

    login(page, web_server, "staff")
    page.get_by_role("link", name="품질 점검").click()
    item = page.locator(".checklist > li", has=page.get_by_role("heading", name=name))
    expect(item).to_contain_text("자가점검 보고서 제출")
    inspect(page, "staff-quality")
    item.get_by_label("부적합", exact=True).check()
    item.get_by_label(re.compile("^사유")).fill("SLA 가용성 99.5% 미달")
    item.get_by_role("button", name=re.compile("결과 기록")).click()
    expect(page.get_by_role("status").filter(has_text="부적합으로 기록했습니다")).to_be_visible()

    page.goto(f"{web_server.url}/postings")
    expect(page.get_by_role("cell", name="SLA 가용성 99.5% 미달")).to_be_visible()
