"""After selection, in the browser: a vendor's 정보 변경 신청 reflected at once, one that goes to
재심사 and is reflected when the re-review is 적정, and an agency searching the catalogue by its
requirements, comparing services side by side and downloading the result."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from dsreview.domain import CRITERIA
from dsreview.jobs import dispatch
from dsreview.services import review
from dsreview.services.clock import today
from dsreview.services.review import CriterionOpinion
from dsreview.store.models import Service
from tests.web.support import WebServer, inspect, listed_service, login, logout, wait_checked

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("web")]


def _service_name(server: WebServer, service_id: int) -> str:
    with server.db.session(write=False) as session:
        found = session.get(Service, service_id)
        assert found is not None
        return found.name


def test_change_request_reflected_at_once(page: Page, web_server: WebServer) -> None:
    service_id = listed_service(web_server, "S23", vendor="vendor")
    name = _service_name(web_server, service_id)
    login(page, web_server, "vendor")
    page.get_by_role("link", name=name).click()
    expect(page.get_by_role("heading", name=name, level=1)).to_be_visible()
    page.get_by_text("정보 변경 신청하기").click()
    page.get_by_label("상세규격").fill("메신저, 화상회의 50명, 파일 공유 1TB")
    page.get_by_label("가격(원)").fill("12만원")
    page.get_by_role("button", name="변경 신청").click()
    # Refused for one field: the message names it, and everything typed is still there.
    expect(page.get_by_role("alert")).to_contain_text("가격은 숫자로 입력해 주십시오")
    expect(page.get_by_label("상세규격")).to_have_value("메신저, 화상회의 50명, 파일 공유 1TB")
    page.get_by_label("가격(원)").fill("120,000")
    page.get_by_label("가격 단위").fill("월, 사용자 1명")
    page.get_by_role("button", name="변경 신청").click()
    expect(page.get_by_role("status").filter(has_text="정보 변경 신청을 받았습니다")).to_be_visible()
    inspect(page, "vendor-service")
    logout(page)

    login(page, web_server, "staff")
    page.get_by_role("link", name="품질 점검").click()
    page.get_by_role("link", name=name).first.click()
    page.get_by_label("관련 없음 — 바로 반영").check()
    page.get_by_role("button", name="판단 기록").click()
    expect(page.get_by_role("status").filter(has_text="카탈로그에 반영했습니다")).to_be_visible()
    expect(page.get_by_text("가격(원): — → 120,000")).to_be_visible()
    inspect(page, "staff-service")
    page.goto(f"{web_server.url}/catalogue?q={name}")
    expect(page.get_by_role("row", name=re.compile(name))).to_contain_text("120,000원")


def test_change_request_through_re_review(page: Page, web_server: WebServer) -> None:
    service_id = listed_service(web_server, "S24", vendor="vendor")
    name = _service_name(web_server, service_id)
    login(page, web_server, "vendor")
    page.goto(f"{web_server.url}/vendor/services/{service_id}")
    page.get_by_text("정보 변경 신청하기").click()
    page.get_by_label("상세규격").fill("원격교육 플랫폼, IaaS 이전")
    page.locator("#c-file").set_input_files(
        files=[{"name": "csap_갱신.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 renewed"}]
    )
    page.get_by_label("그 서류의 종류").select_option("csap_certificate")
    page.get_by_label("변경 사유").fill("CSAP 인증 범위 변경")
    page.get_by_role("button", name="변경 신청").click()
    expect(page.get_by_role("status").filter(has_text="정보 변경 신청을 받았습니다")).to_be_visible()
    logout(page)

    login(page, web_server, "staff")
    page.goto(f"{web_server.url}/staff/services/{service_id}")
    page.get_by_label("관련 있음 — 재심사").check()
    page.get_by_label("검토 의견").fill("보안성 기준 관련")
    page.get_by_role("button", name="판단 기록").click()
    expect(page.get_by_role("status").filter(has_text="재심사를 시작했습니다")).to_be_visible()
    expect(page.get_by_role("definition").filter(has_text="원격교육 플랫폼, IaaS 이전")).to_have_count(0)
    page.get_by_role("link", name="재심사 신청 보기").click()
    found = re.search(r"/applications/(\d+)", page.url)
    assert found
    re_review = int(found.group(1))
    wait_checked(web_server, re_review, timeout=150)
    # What the reviewer did meanwhile (the review steps have their own browser test).
    people = web_server.people
    with dispatch.transaction(web_server.db, web_server.queue) as session:
        kw = {"settings": web_server.settings, "blobs": web_server.blobs, "application_id": re_review}
        review.assign_reviewers(
            session, actor=people.staff, reviewer_ids=[people.other_reviewer.user_id], **kw
        )
        review.submit_opinion(
            session,
            actor=people.other_reviewer,
            application_id=re_review,
            criteria={key: CriterionOpinion("suitable", "적합") for key in CRITERIA},
            overall="suitable",
        )
        review.generate_review_report(session, actor=people.staff, **kw)
    page.reload()
    expect(page.get_by_role("heading", name="재심사 결과")).to_be_visible()
    inspect(page, "staff-re-review")
    page.get_by_label("적정", exact=True).check()
    page.get_by_role("button", name="결정 기록").click()
    expect(page.get_by_role("status").filter(has_text="재심사 결과를 기록했습니다: 적정")).to_be_visible()
    logout(page)

    login(page, web_server, "vendor")
    page.goto(f"{web_server.url}/vendor/services/{service_id}")
    expect(page.get_by_role("definition").filter(has_text="원격교육 플랫폼, IaaS 이전")).to_be_visible()
    expect(page.get_by_text("반영", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name=name, level=1)).to_be_visible()


def test_agency_searches_compares_and_downloads(page: Page, web_server: WebServer) -> None:
    first = listed_service(web_server, "S28")
    second = listed_service(web_server, "S30")
    with web_server.db.transaction() as session:
        found = session.get(Service, second)
        assert found is not None
        found.spec = '=HYPERLINK("http://example.invalid") 인사 평가'
    names = [_service_name(web_server, i) for i in (first, second)]
    login(page, web_server, "agency")
    page.get_by_role("link", name="서비스 카탈로그").click()
    page.get_by_label("구분").select_option("cloud_computing")
    page.get_by_label("서비스 모델").select_option("SaaS")
    page.get_by_role("button", name="검색").click()
    expect(page.get_by_role("heading", name=re.compile("조건에 맞는 서비스"))).to_be_visible()
    inspect(page, "agency-search")
    for name in names:
        page.get_by_label(f"{name} 비교").check()
    page.get_by_role("button", name="고른 서비스 비교").click()
    for name in names:
        expect(page.get_by_role("columnheader", name=name)).to_be_visible()
    expect(page.get_by_role("row", name=re.compile("^서비스 모델"))).to_contain_text("SaaS")
    inspect(page, "agency-compare")
    page.go_back()
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV 내려받기").click()
    text = download.value.path().read_bytes().decode("utf-8-sig")
    assert text.splitlines()[0].startswith("서비스명,기업명,구분")
    assert all(name in text for name in names)
    assert "'=HYPERLINK" in text
    assert download.value.suggested_filename == f"catalogue-{today(web_server.settings).isoformat()}.csv"
    with page.expect_download() as download:
        page.get_by_role("link", name="XLSX 내려받기").click()
    assert download.value.path().read_bytes()[:2] == b"PK"
