"""Keyboard use: the skip link, signing in without a mouse, visible focus, and choosing a field's
evidence in the staff viewer with Tab and Enter."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.services.support import PASSWORD, record_fake_check, report_from_truth
from tests.web.support import WebServer, submit

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("web")]


def _focus_ring(page: Page) -> str:
    return str(page.evaluate("getComputedStyle(document.activeElement).boxShadow"))


def test_keyboard_only(page: Page, web_server: WebServer) -> None:
    page.goto(f"{web_server.url}/login")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="본문 바로가기")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()  # hidden off-screen until it has focus
    page.keyboard.press("Enter")
    expect(page.locator("#main")).to_be_focused()

    # From the start of the content: Tab, type, Tab, type, Enter.
    page.keyboard.press("Tab")
    expect(page.get_by_label("전자우편 주소")).to_be_focused()
    page.keyboard.type(web_server.emails["staff"])
    page.keyboard.press("Tab")
    expect(page.get_by_label("비밀번호")).to_be_focused()
    assert _focus_ring(page) != "none"
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="신청 목록")).to_be_visible()

    application_id = submit(web_server, web_server.people.vendor, "S01")
    record_fake_check(web_server.db, application_id, report_from_truth("S01"))
    page.goto(f"{web_server.url}/staff/applications/{application_id}")
    tab = page.get_by_role("link", name="사업자등록증", exact=True)
    tab.focus()
    assert _focus_ring(page) != "none"
    page.keyboard.press("Enter")
    expect(tab).to_have_attribute("aria-current", "true")
    summary = page.locator("#field-representative summary")
    summary.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#field-representative").get_by_label("고친 대표자")).to_be_visible()
