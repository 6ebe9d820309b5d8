"""Refused requests read in Korean: the field's label, a reason by error type, particles that fit."""

from __future__ import annotations

import re

import pytest

from dsreview.forms.requests import _catalogue, field_label, request_error

CTX = {"max_length": 500, "min_length": 1, "ge": 1, "gt": 0, "le": 200, "lt": 10, "expected": "'a' or 'b'"}


@pytest.mark.parametrize("kind", sorted(_catalogue()["errors"]))
@pytest.mark.parametrize("field", ["files", "amount", "posting_end", "password", "q", "no_such_field"])
def test_every_reason_reads_in_korean(kind: str, field: str) -> None:
    text = request_error({"type": kind, "loc": ("body", field), "ctx": CTX})
    assert field not in text or field == "q"
    assert not re.search(r"을\(를\)|이\(가\)|은\(는\)", text), text
    assert not re.search(r"\{\w+\}", text), text
    english = request_error({"type": kind, "loc": ("body", field), "ctx": CTX}, lang="en")
    assert not re.search(r"[가-힣]", english), english


def test_labels_and_particles() -> None:
    assert field_label("files") == "제출 파일"
    assert request_error({"type": "missing", "loc": ("body", "files")}) == "제출 파일이 필요합니다."
    assert request_error({"type": "missing", "loc": ("body", "amount")}) == "계약금액이 필요합니다."
    assert request_error({"type": "missing", "loc": ("body", "email")}) == "전자우편 주소가 필요합니다."
    assert (
        request_error({"type": "string_too_short", "loc": ("body", "password")})
        == "비밀번호를 입력해 주십시오."
    )
    assert (
        request_error({"type": "date_parsing", "loc": ("body", "criteria", 1, "due_date")})
        == "기한을 2024-03-15 형식으로 입력해 주십시오."
    )
    assert request_error({"type": "missing", "loc": ("body", "mystery")}) == "요청 항목이 필요합니다."
