"""The small pieces of the reader, one by one."""

from __future__ import annotations

import io
import unicodedata
import zlib

import pytest
from PIL import Image

from dsreview.config import Limits
from dsreview.extractors.reading.child import sniff
from dsreview.extractors.reading.images import plausible_dpi
from dsreview.extractors.reading.ocr import OcrRequest, parse_tsv
from dsreview.extractors.reading.pageimages import jpeg_info, jpeg_passable
from dsreview.extractors.reading.prescan import inflated_size, prescan
from dsreview.extractors.reading.problems import WARNINGS, make_problem
from dsreview.extractors.reading.textlayer import Char, garbage_score, group_words
from tests.extractors.reading.builders import one_page_pdf, pdf_stream


def _chars(text: str, *, x: float = 0.0, size: float = 10.0, top: float = 0.0) -> list[Char]:
    out: list[Char] = []
    for ch in text:
        out.append((0x20 if ch == " " else ord(ch), x, top, x + size, top + size, 0))
        x += size
    return out


def test_group_words_splits_on_spaces_gaps_and_lines() -> None:
    chars = _chars("대표자 김민준") + _chars("2024", x=200) + _chars("다음", top=30)
    assert [w[0] for w in group_words(chars)] == ["대표자", "김민준", "2024", "다음"]
    first = group_words(chars)[0]
    assert first[1:] == [0.0, 0.0, 30.0, 10.0]


def test_group_words_composes_jamo_into_syllables() -> None:
    decomposed = unicodedata.normalize("NFD", "하늘클라우드")
    assert len(decomposed) > 6
    assert [w[0] for w in group_words(_chars(decomposed, size=4))] == ["하늘클라우드"]


def test_garbage_score() -> None:
    assert garbage_score(_chars("주식회사 하늘클라우드 사업자등록증 134-86-72607")) == (28, 0.0)
    mojibake = "서울특별시 강남구".encode("cp949").decode("latin-1")
    assert garbage_score(_chars(mojibake))[1] > 0.5
    assert garbage_score(_chars("\ue001\ue002\ue003 abc"))[1] == 0.5
    # a broken ToUnicode map sending glyphs to rare syllables
    rare = "".join(chr(c) for c in range(0xB000, 0xB000 + 40 * 7, 7))
    assert garbage_score(_chars(rare))[1] > 0.35
    unmapped = [(c, x0, t, x1, b, 1) for c, x0, t, x1, b, _ in _chars("abcdefgh")]
    assert garbage_score(unmapped)[1] == 1.0


def test_sniff() -> None:
    assert sniff(b"%PDF-1.7\n") == "pdf"
    assert sniff(b"\x00\x00garbage %PDF-1.4") == "pdf"  # a header within the first KiB
    assert sniff(b"\x89PNG\r\n\x1a\n....") == "png"
    assert sniff(b"\xff\xd8\xff\xe0") == "jpeg"
    assert sniff(b"II*\x00") == "tiff"
    assert sniff("안녕하세요".encode("cp949")) == "텍스트 파일"
    assert sniff(b"<!DOCTYPE html><html>") == "HTML 문서"
    assert sniff(b"PK\x03\x04").startswith("압축")
    assert sniff(bytes(range(256))) == "알 수 없는 형식"


def test_prescan_bounded_inflate() -> None:
    zeros = zlib.compress(bytes(10 * 1024 * 1024))
    assert inflated_size(zeros, 1, cap=1 << 30) == (10 * 1024 * 1024, b"")
    assert inflated_size(zeros, 1, cap=1024 * 1024)[0] > 1024 * 1024  # stopped soon after the cap
    assert inflated_size(zlib.compress(zeros), 2, cap=1 << 30)[0] == 10 * 1024 * 1024
    assert inflated_size(b"not zlib", 1, cap=100) == (0, b"")


def test_prescan_reports() -> None:
    bomb = one_page_pdf(b"", extra=[pdf_stream(b"/Filter /FlateDecode", zlib.compress(bytes(2_000_000)))])
    assert prescan(bomb, max_image_pixels=10**6, max_stream_bytes=1_000_000).bomb
    assert not prescan(bomb, max_image_pixels=10**6, max_stream_bytes=4_000_000).bomb
    image = pdf_stream(b"/Subtype /Image /Width 5000 /Height 4000 /BitsPerComponent 8", b"")
    assert prescan(
        one_page_pdf(b"", extra=[image]), max_image_pixels=10**7, max_stream_bytes=1
    ).big_image == (
        5000,
        4000,
    )
    escaped = one_page_pdf(b"", extra=[b"<< /S /Java#53cript /J#53 (x) >>"])
    assert prescan(escaped, max_image_pixels=1, max_stream_bytes=1).javascript
    # "/JS" inside compressed data is not a script
    noise = pdf_stream(b"", b"\x00/JS\x00" * 10)
    assert not prescan(one_page_pdf(b"", extra=[noise]), max_image_pixels=1, max_stream_bytes=1).javascript


def _jpeg(mode: str) -> bytes:
    buf = io.BytesIO()
    Image.new(mode, (30, 20), "white").save(buf, "JPEG")
    return buf.getvalue()


def test_jpeg_info() -> None:
    info = jpeg_info(_jpeg("L"))
    assert info is not None
    assert (info.width, info.height, info.components, info.process) == (30, 20, 1, 0xC0)
    assert jpeg_passable(info)
    assert not jpeg_passable(jpeg_info(_jpeg("CMYK")))
    assert jpeg_info(b"\x89PNG") is None


@pytest.mark.parametrize(
    ("dpi", "size", "expected"),
    [
        ((200, 200), (1654, 2339), 200),
        ((72, 72), (1654, 2339), 200),  # 32 inches tall at 72 dpi: not paper, estimate from A4
        (None, (2480, 3508), 300),
        ((300.0, 300.0), (2480, 3508), 300),
        ((96, 96), (816, 1056), 96),  # a letter page at 96 dpi is believable
    ],
)
def test_plausible_dpi(dpi: tuple[float, float] | None, size: tuple[int, int], expected: int) -> None:
    assert plausible_dpi(dpi, *size) == expected


def test_parse_tsv() -> None:
    tsv = (
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
        "1\t1\t0\t0\t0\t0\t0\t0\t1654\t2339\t-1\t\n"
        "5\t1\t1\t1\t1\t1\t100\t200\t50\t20\t96.5\t등록번호\n"
        "5\t1\t1\t1\t1\t2\t160\t200\t5\t20\t40.0\t|\n"
        "5\t1\t1\t1\t1\t3\t170\t200\t90\t20\t91.25\t134-86-72607\n"
    )
    assert parse_tsv(tsv) == [
        ("등록번호", 100, 200, 50, 20, 0.965),
        ("134-86-72607", 170, 200, 90, 20, 0.9125),
    ]


def test_cache_key_covers_what_changes_the_answer() -> None:
    base = OcrRequest("kor+eng", 4, 200)
    keys = {
        base.key("a" * 64, "tesseract 5.3.0"),
        base.key("b" * 64, "tesseract 5.3.0"),
        base.key("a" * 64, "tesseract 5.4.1"),
        OcrRequest("Hangul+eng", 4, 200).key("a" * 64, "tesseract 5.3.0"),
        OcrRequest("kor+eng", 6, 200).key("a" * 64, "tesseract 5.3.0"),
        OcrRequest("kor+eng", 4, 300).key("a" * 64, "tesseract 5.3.0"),
        OcrRequest("eng", 7, 200, (("tessedit_char_whitelist", "AB+"),)).key("a" * 64, "tesseract 5.3.0"),
    }
    assert len(keys) == 7


@pytest.mark.parametrize(
    "reason",
    [
        "unreadable",
        "empty",
        "too_large",
        "not_supported",
        "corrupt",
        "damaged",
        "encrypted",
        "too_many_pages",
        "image_too_large",
        "decompression_bomb",
        "timeout",
        "memory",
        "crash",
        "javascript",
        "embedded_files",
        "ocr_failed",
    ],
)
def test_problem_messages_are_korean_and_say_what_to_do(reason: str) -> None:
    problem = make_problem(
        reason, {"size": 60 * 1024 * 1024, "pages": 5000, "width": 50000, "height": 50000}, Limits()
    )
    assert problem.reason == reason
    assert problem.fatal == (reason not in WARNINGS)
    assert "주십시오" in problem.message
