"""The look-alike maps (extractors/lookalikes.py): what OCR confuses, and what it never does."""

from __future__ import annotations

import pytest

from dsreview.extractors.lookalikes import OCR_DIGITS, looks_like_label, strokes_apart
from dsreview.extractors.text import fold_latin


@pytest.mark.parametrize(
    ("read", "label", "apart"),
    [
        ("저비스평", "서비스명", 2),  # ㅅ→ㅈ, ㅁ→ㅍ
        ("인중유형", "인증유형", 1),  # ㅡ→ㅜ
        ("개업언월일", "개업연월일", 1),  # ㅕ→ㅓ
        ("서비스가", "서비스명", None),  # 가/명: more than one jamo
        ("서비스", "서비스명", None),  # another length
        ("서비스명", "서비스명", 0),
    ],
)
def test_syllables_a_stroke_apart(read: str, label: str, apart: int | None) -> None:
    assert strokes_apart(read, label) == apart


def test_a_label_misread_by_strokes_is_the_label_but_not_a_short_or_different_word() -> None:
    assert looks_like_label("저비스평", "서비스명")
    assert looks_like_label("본점소재자", "본점소재지")  # ㅣ→ㅏ
    assert not looks_like_label("은점소재자", "본점소재지")  # 은/본: two jamo apart
    assert not looks_like_label("서비스명", "서비스명")  # the label itself is an exact match
    assert not looks_like_label("발급일", "발행일")  # three syllables: too short to guess
    assert not looks_like_label("저미스평", "서비스명")  # three syllables off
    assert not looks_like_label("가나다라", "서비스명")


def test_digits_and_latin_letters_folded_for_numbers_and_known_words_only() -> None:
    assert "2O24-l2-3I".translate(OCR_DIGITS) == "2024-12-31"
    assert fold_latin("laaS") == fold_latin("IaaS")


def test_a_csap_number_read_with_every_letter_a_look_alike_is_taken_back() -> None:
    from dsreview.extractors.types.csap_certificate import _csap_number

    assert _csap_number("0540-2022-5-056", None) == "CSAP-2022-S-056"  # C→0, S→5, A→4, P→0
    assert _csap_number("ISMS-2022-5-056", None) == "ISMS-2022-5-056"  # another form is left
