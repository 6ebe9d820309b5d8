"""Messages are data: every code has Korean and English, facts fill them, particles fit the facts."""

from __future__ import annotations

import json
import re
import string
from importlib import resources

import pytest

from dsreview.errors import DataValidationError, UsageError
from dsreview.forms.messages import in_language, message, message_codes, refuse

RAW = json.loads(resources.files("dsreview.forms").joinpath("messages.json").read_text(encoding="utf-8"))


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("code", message_codes())
def test_every_message_says_the_same_in_korean_and_english(code: str) -> None:
    entry = RAW["messages"][code]
    assert set(entry) == {"ko", "en"}
    assert _fields(entry["ko"]) == _fields(entry["en"]), code
    assert not re.search("[가-힣]", entry["en"]), code
    facts = dict.fromkeys(_fields(entry["ko"]), "「big.pdf」")
    text = message(code, "ko", **facts)
    assert not re.search(r"을\(를\)|이\(가\)|은\(는\)|\{\w+\}", text), text


def test_an_error_from_the_catalogue_is_said_again_in_english() -> None:
    error = refuse(UsageError, "no_such_file", path="big.pdf")
    assert error.message == "파일이 없습니다: big.pdf"
    assert in_language(error, "en") == "no such file: big.pdf"
    invalid = refuse(DataValidationError, "not_an_object", pointer="")
    assert invalid.pointer == ""
    assert in_language(invalid, "en") == "invalid data /: a JSON object is expected"
    plain = UsageError("직접 쓴 메시지")
    assert in_language(plain, "en") == "직접 쓴 메시지"  # not from the catalogue: as raised


def test_particles_follow_the_facts() -> None:
    assert (
        message("template_unreadable", path="/srv/a.docx", reason="x")
        == "서식 파일 /srv/a.docx를 읽을 수 없습니다: x"
    )
    assert message("duplicate_key", key="'A-1042'", line=3) == "문서 키 'A-1042'가 3행과 겹칩니다"
    assert message("duplicate_key", key="'A-1040'", line=3) == "문서 키 'A-1040'이 3행과 겹칩니다"
