"""Hostile and broken files: each one a `FileProblem` with a stable reason, never a crash."""

from __future__ import annotations

import io
import json
import os
import random
import re
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from PIL import Image

from dsreview.config import Limits, Settings
from dsreview.domain import FileReading
from dsreview.extractors.reading import read_files
from tests.extractors.reading.builders import HELVETICA, one_page_pdf, pdf_stream, png_with_size, raw_pdf

HANGUL = re.compile(r"[가-힣]")


def _read(tmp_path: Path, settings: Settings, name: str, data: bytes) -> FileReading:
    path = tmp_path / name
    path.write_bytes(data)
    (reading,) = read_files([path], settings=settings)
    for problem in reading.problems:
        assert HANGUL.search(problem.message), problem  # a message the vendor can read
    return reading


def _only_problem(reading: FileReading) -> str:
    (problem,) = reading.problems
    assert problem.fatal
    assert not reading.readable
    assert reading.pages == []
    return problem.reason


def _hello(text: bytes = b"Hello") -> bytes:
    return one_page_pdf(
        b"BT /F1 24 Tf 72 700 Td (" + text + b") Tj ET", resources=b"/Font << /F1 5 0 R >>", extra=[HELVETICA]
    )


def _pages_pdf(count: int) -> bytes:
    """Helvetica text pages, each page and content written before the page tree and catalog."""
    objects = [HELVETICA]
    kids = []
    for i in range(count):
        kids.append(b"%d 0 R" % (len(objects) + 1))
        objects.append(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 1 0 R >> >> >>" % (2 * count + 2, len(objects) + 2)
        )
        objects.append(pdf_stream(b"", b"BT /F1 20 Tf 72 700 Td (Page %d) Tj ET" % (i + 1)))
    objects.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), count))
    objects.append(b"<< /Type /Catalog /Pages %d 0 R >>" % (2 * count + 2))
    return raw_pdf(objects, root=2 * count + 3)


def test_empty_file(tmp_path: Path, settings: Settings) -> None:
    assert _only_problem(_read(tmp_path, settings, "empty.pdf", b"")) == "empty"


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", limits=Limits(max_file_bytes=1000))
    reading = _read(tmp_path, settings, "big.pdf", _hello() + b"%" * 2000)
    assert _only_problem(reading) == "too_large"


def test_truncated_pdf_keeps_what_can_be_recovered(tmp_path: Path, settings: Settings) -> None:
    data = _pages_pdf(3)
    cut = data.index(b"6 0 obj")  # inside the third page: its page object is lost, and the end
    reading = _read(tmp_path, settings, "truncated.pdf", data[: cut + 20])
    assert [p.text for p in reading.pages] == ["Page 1", "Page 2"]
    (problem,) = reading.problems
    assert problem.reason == "damaged"
    assert not problem.fatal


def test_truncated_pdf_with_nothing_left_is_corrupt(tmp_path: Path, settings: Settings) -> None:
    reading = _read(tmp_path, settings, "cut.pdf", _pages_pdf(3)[:60])
    assert _only_problem(reading) == "corrupt"


def test_text_file_named_pdf(tmp_path: Path, settings: Settings) -> None:
    reading = _read(tmp_path, settings, "letter.pdf", "사업자등록증 사본을 첨부합니다.\n".encode() * 20)
    assert _only_problem(reading) == "not_supported"
    assert "텍스트" in reading.problems[0].message


def test_office_file_named_pdf(tmp_path: Path, settings: Settings) -> None:
    reading = _read(tmp_path, settings, "form.pdf", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    assert _only_problem(reading) == "not_supported"
    assert "HWP" in reading.problems[0].message


def test_random_bytes_after_a_pdf_header(tmp_path: Path, settings: Settings) -> None:
    noise = random.Random(3).randbytes(50_000)
    assert _only_problem(_read(tmp_path, settings, "noise.pdf", b"%PDF-1.7\n" + noise)) == "corrupt"


def _qpdf_encrypt(tmp_path: Path, user: str) -> bytes:
    source, target = tmp_path / "plain.pdf", tmp_path / "locked.pdf"
    source.write_bytes(_hello(b"Secret"))
    subprocess.run(["qpdf", "--encrypt", user, "owner-pw", "256", "--", str(source), str(target)], check=True)
    return target.read_bytes()


def test_password_protected_pdf(tmp_path: Path, settings: Settings) -> None:
    reading = _read(tmp_path, settings, "locked.pdf", _qpdf_encrypt(tmp_path, "user-pw"))
    assert _only_problem(reading) == "encrypted"
    assert "암호" in reading.problems[0].message


def test_owner_password_only_pdf_reads_normally(tmp_path: Path, settings: Settings) -> None:
    reading = _read(tmp_path, settings, "restricted.pdf", _qpdf_encrypt(tmp_path, ""))
    assert reading.problems == []
    assert reading.pages[0].text == "Secret"


@pytest.fixture(scope="module")
def deflated_zeros() -> bytes:
    """300 MiB of zeros deflated (about 300 KB), built in chunks."""
    comp = zlib.compressobj(9)
    chunk = bytes(1 << 20)
    return b"".join(comp.compress(chunk) for _ in range(300)) + comp.flush()


@pytest.mark.parametrize("layers", [1, 2])
def test_flate_bomb(tmp_path: Path, settings: Settings, deflated_zeros: bytes, layers: int) -> None:
    data = deflated_zeros if layers == 1 else zlib.compress(deflated_zeros, 9)
    filters = b" ".join([b"/FlateDecode"] * layers)
    bomb = one_page_pdf(b"", extra=[pdf_stream(b"/Filter [%s]" % filters, data)]).replace(
        b"/Contents 4 0 R", b"/Contents 5 0 R"
    )
    assert _only_problem(_read(tmp_path, settings, "bomb.pdf", bomb)) == "decompression_bomb"


def test_page_tree_cycle(tmp_path: Path, settings: Settings) -> None:
    cycle = raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
            b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 2 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        ]
    )
    reading = _read(tmp_path, settings, "cycle.pdf", cycle)
    assert _only_problem(reading) == "corrupt"


def test_deeply_nested_objects(tmp_path: Path, settings: Settings) -> None:
    deep_array = b"[" * 200_000 + b"]" * 200_000
    deep_dict = b"<< /A " * 50_000 + b"1" + b" >>" * 50_000
    pdf = one_page_pdf(
        b"BT /F1 24 Tf 72 700 Td (Still here) Tj ET",
        resources=b"/Font << /F1 5 0 R >> /Properties << /Deep 6 0 R /Deeper 7 0 R >>",
        extra=[HELVETICA, deep_array, deep_dict],
    )
    reading = _read(tmp_path, settings, "deep.pdf", pdf)
    assert reading.problems == []
    assert reading.pages[0].text == "Still here"


def test_thousands_of_pages(tmp_path: Path, settings: Settings) -> None:
    count = 5000
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"4 0 R" for _ in range(count)), count),
        pdf_stream(b"", b""),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>",
    ]
    reading = _read(tmp_path, settings, "many.pdf", raw_pdf(objects))
    assert _only_problem(reading) == "too_many_pages"
    assert "5,000" in reading.problems[0].message


def test_pdf_image_declaring_huge_size(tmp_path: Path, settings: Settings) -> None:
    image = pdf_stream(
        b"/Type /XObject /Subtype /Image /Width 50000 /Height 50000 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /FlateDecode",
        zlib.compress(bytes(1000)),
    )
    pdf = one_page_pdf(
        b"q 595 0 0 842 0 0 cm /Im0 Do Q", resources=b"/XObject << /Im0 5 0 R >>", extra=[image]
    )
    reading = _read(tmp_path, settings, "huge.pdf", pdf)
    assert _only_problem(reading) == "image_too_large"
    assert "50,000×50,000" in reading.problems[0].message


def test_image_file_declaring_huge_size(tmp_path: Path, settings: Settings) -> None:
    reading = _read(tmp_path, settings, "huge.png", png_with_size(40_000, 30_000))
    assert _only_problem(reading) == "image_too_large"
    assert "40,000×30,000" in reading.problems[0].message


def test_broken_image_file(tmp_path: Path, settings: Settings) -> None:
    reading = _read(tmp_path, settings, "broken.jpg", b"\xff\xd8\xff\xe0" + os.urandom(3000))
    assert _only_problem(reading) == "corrupt"


def _with_javascript() -> bytes:
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            pdf_stream(b"", b"BT /F1 24 Tf 72 700 Td (Scripted) Tj ET"),
            HELVETICA,
            b"<< /Type /Action /S /JavaScript /JS (app.alert\\('hi'\\)) >>",
        ]
    )


def test_javascript_is_flagged_not_run(tmp_path: Path, settings: Settings) -> None:
    reading = _read(tmp_path, settings, "script.pdf", _with_javascript())
    (problem,) = reading.problems
    assert problem.reason == "javascript"
    assert not problem.fatal
    assert reading.readable
    assert reading.pages[0].text == "Scripted"


def test_javascript_inside_an_object_stream_is_flagged(tmp_path: Path, settings: Settings) -> None:
    source, packed = tmp_path / "script.pdf", tmp_path / "packed.pdf"
    source.write_bytes(_with_javascript())
    subprocess.run(["qpdf", "--object-streams=generate", str(source), str(packed)], check=True)
    assert b"/JavaScript" not in packed.read_bytes()  # hidden in a compressed object stream
    reading = _read(tmp_path, settings, "packed.pdf", packed.read_bytes())
    assert [p.reason for p in reading.problems] == ["javascript"]
    assert reading.pages[0].text == "Scripted"


def test_embedded_files_are_flagged_not_opened(tmp_path: Path, settings: Settings) -> None:
    payload = b"MZ" + bytes(100)
    pdf = raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(setup.exe) 6 0 R] >> >> >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            pdf_stream(b"", b"BT /F1 24 Tf 72 700 Td (Attached) Tj ET"),
            HELVETICA,
            b"<< /Type /Filespec /F (setup.exe) /UF (setup.exe) /EF << /F 7 0 R >> >>",
            pdf_stream(b"/Type /EmbeddedFile", payload),
        ]
    )
    reading = _read(tmp_path, settings, "attached.pdf", pdf)
    (problem,) = reading.problems
    assert problem.reason == "embedded_files"
    assert not problem.fatal
    assert "1개" in problem.message
    assert reading.pages[0].text == "Attached"


def test_timeout_kills_the_child(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", limits=Limits(timeout_seconds=0.0001))
    reading = _read(tmp_path, settings, "slow.pdf", _pages_pdf(3))
    assert _only_problem(reading) == "timeout"


def test_memory_limit(tmp_path: Path) -> None:
    # A poster page with no text is rendered for OCR: a 40-megapixel bitmap over a 64 MiB limit.
    # Read from a fresh interpreter: this test process has freed big blocks a child could reuse.
    poster = one_page_pdf(b"0 0 1 rg 100 100 200 200 re f").replace(b"[0 0 595 842]", b"[0 0 3000 3000]")
    path = tmp_path / "hungry.pdf"
    path.write_bytes(poster)
    script = (
        "import sys; from pathlib import Path; from dsreview.config import Limits, Settings; "
        "from dsreview.extractors.reading import read_files; "
        "s = Settings(data_dir=Path(sys.argv[2]), limits=Limits(memory_bytes=64 * 1024 * 1024)); "
        "(r,) = read_files([Path(sys.argv[1])], settings=s); "
        "print(json.dumps([[p.reason, p.fatal, p.message] for p in r.problems] + [len(r.pages)]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", "import json; " + script, str(path), str(tmp_path / "data")],
        capture_output=True,
        text=True,
        check=True,
    )
    [[reason, fatal, message], pages] = json.loads(out.stdout)
    assert reason in {"memory", "crash"}
    assert fatal
    assert HANGUL.search(message)
    assert pages == 0


def test_a_bad_file_does_not_affect_the_others(tmp_path: Path, settings: Settings) -> None:
    files = {
        "good-1.pdf": _hello(b"First"),
        "noise.pdf": b"%PDF-1.4\n" + bytes(range(256)) * 40,
        "empty.pdf": b"",
        "good-2.pdf": _hello(b"Second"),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    readings = read_files([tmp_path / name for name in files], settings=settings)
    assert [r.source for r in readings] == list(files)
    assert [r.readable for r in readings] == [True, False, False, True]
    assert readings[0].pages[0].text == "First"
    assert readings[3].pages[0].text == "Second"


def test_truncated_tiff(tmp_path: Path, settings: Settings) -> None:
    buf = io.BytesIO()
    frames = [Image.new("L", (800, 1100), shade) for shade in (255, 128)]
    frames[0].save(buf, "TIFF", save_all=True, append_images=frames[1:], compression="tiff_lzw")
    data = buf.getvalue()
    reading = _read(tmp_path, settings, "cut.tif", data[: len(data) // 2])
    assert _only_problem(reading) == "corrupt"
