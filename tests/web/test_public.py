"""Pages without a sign-in: the front page, the catalogue with its search, the nonconformance
postings with their public document, a refused sign-in, and the page for unknown addresses."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from dsreview.jobs import dispatch
from dsreview.services import quality
from dsreview.store.repositories import ServiceRepository
from tests.services.support import PASSWORD
from tests.web.support import WebServer, inspect, listed_service

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("web")]


def test_catalogue_and_postings(page: Page, web_server: WebServer) -> None:
    listed = listed_service(web_server, "S14")
    removed = listed_service(web_server, "S15")
    with dispatch.transaction(web_server.db, web_server.queue) as session:
        quality.record_result(
            session,
            actor=web_server.people.staff,
            settings=web_server.settings,
            blobs=web_server.blobs,
            service_id=removed,
            result="nonconforming",
            reason="월간 품질 점검에서 가용성 기준 미달",
        )

    page.goto(web_server.url)
    expect(page.get_by_role("heading", name="디지털서비스 심사 서류 시스템", level=1)).to_be_visible()
    inspect(page, "front")

    page.get_by_role("link", name="서비스 카탈로그").first.click()
    with web_server.db.session(write=False) as session:
        service = ServiceRepository(session).get(listed)
        assert service is not None
        name, company = service.name, service.company_name
    page.get_by_label("기업명", exact=True).fill(company[-4:])
    page.get_by_role("button", name="검색").click()
    expect(page.get_by_role("rowheader", name=name)).to_be_visible()
    inspect(page, "public-catalogue")
    page.get_by_label("기업명", exact=True).fill("")
    page.get_by_label("낱말").fill("없는서비스이름")
    page.get_by_role("button", name="검색").click()
    expect(page.get_by_text("조건에 맞는 서비스가 없습니다")).to_be_visible()

    page.goto(f"{web_server.url}/postings")
    expect(page.get_by_role("cell", name="월간 품질 점검에서 가용성 기준 미달")).to_be_visible()
    inspect(page, "public-postings")
    with page.expect_download() as download:
        page.get_by_role("link", name="DOCX").first.click()
    assert download.value.suggested_filename.endswith(".docx")
    with page.expect_download() as download:
        page.get_by_role("link", name="HWPX").first.click()
    assert download.value.suggested_filename.endswith(".hwpx")
    expect(page.get_by_role("link", name="PDF").first).to_have_attribute("href", re.compile("format=pdf"))


def test_refused_sign_in_and_unknown_address(page: Page, web_server: WebServer) -> None:
    page.goto(f"{web_server.url}/login")
    page.get_by_label("전자우편 주소").fill(web_server.emails["vendor"])
    page.get_by_label("비밀번호").fill(PASSWORD + "-wrong")
    page.get_by_role("button", name="로그인", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("전자우편 주소 또는 비밀번호가 올바르지 않습니다")
    expect(page.get_by_label("전자우편 주소")).to_have_value(web_server.emails["vendor"])
    inspect(page, "login-refused")

    page.goto(f"{web_server.url}/no-such-page")
    expect(page.get_by_role("heading", name="찾을 수 없습니다")).to_be_visible()
    inspect(page, "not-found")
