"""OCR with the real Tesseract: scanned PDFs and image files, the cache, re-reading a crop."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image

from dsreview.config import Settings
from dsreview.domain import FileReading, Page, Word
from dsreview.errors import ReadError
from dsreview.extractors.reading import BatchedTools, gray_crops, ocr_crop, read_files
from dsreview.extractors.reading.stitch import Look, Region, read_regions
from tests.extractors.reading.builders import DOCS, image_page_pdf, jpeg_bytes, scan_images, text_pdf
from tests.extractors.reading.conftest import counting_tesseract, ocr_settings

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("reading-ocr")]

# settings, the log of Tesseract runs, the reading, the progress calls
ScanRun = tuple[Settings, Path, FileReading, list[tuple[str, int, int]]]


def _flat(words: list[Word]) -> str:
    return re.sub(r"\s+", "", "".join(w.text for w in words))


def _find(page: Page, text: str) -> Word:
    matches = [w for w in page.words if w.text == text]
    assert matches, f"{text!r} not among {[w.text for w in page.words]}"
    return matches[0]


@pytest.fixture(scope="module")
def scan_run(tmp_path_factory: pytest.TempPathFactory, scan_pdf: Path) -> ScanRun:
    """The scanned PDF read once, with a Tesseract that counts its runs."""
    root = tmp_path_factory.mktemp("ocr")
    cmd, log = counting_tesseract(root)
    settings = ocr_settings(root / "data", tesseract_cmd=cmd)
    calls: list[tuple[str, int, int]] = []
    (reading,) = read_files([scan_pdf], settings=settings, progress=lambda *a: calls.append(a))
    return settings, log, reading, calls


def test_scan_is_ocrd_with_both_models(scan_run: ScanRun) -> None:
    _, log, reading, calls = scan_run
    assert reading.problems == []
    assert [p.ocr for p in reading.pages] == [True, True]
    assert calls == [("read", 1, 1), ("ocr", 1, 2), ("ocr", 2, 2)]
    assert len(log.read_text().splitlines()) == 4  # two pages, two passes
    for page in reading.pages:
        assert page.words
        assert page.alt_words
        assert all(0.0 <= w.confidence <= 1.0 for w in page.words + page.alt_words)


def test_scan_finds_korean_text_and_identifiers(scan_run: ScanRun) -> None:
    _, _, reading, _ = scan_run
    first, second = reading.pages
    text = _flat(first.words)
    for value in ["134-86-72607", "110111-6543210", "김민준", "주식회사하늘클라우드"]:
        assert value in text
    both = _flat(second.words) + _flat(second.alt_words)
    assert "220-81-62517" in both
    # Dates and names through a noisy scan: most, not necessarily all, verbatim.
    others = ["2019년03월02일" in text, "한국기업데이터" in both, "BB+" in both, "2025.02.14." in both]
    assert sum(others) >= 3


def test_scan_geometry_matches_the_printed_page(
    scan_run: ScanRun, docs_pdf: Path, settings: Settings
) -> None:
    _, _, reading, _ = scan_run
    page = reading.pages[0]
    # The page's own JPEG went to Tesseract as it is: 1654 pixels over 595.28 points, 200 dpi.
    assert page.image_path is not None
    with Image.open(page.image_path) as im:
        assert im.size == (1654, 2339)
        assert im.format == "JPEG"
    assert page.image_scale == pytest.approx(200 / 72, rel=0.002)
    assert page.image_origin == (0.0, 0.0)
    assert (page.width, page.height) == pytest.approx((595.28, 841.89), abs=0.01)
    # A word is where the born-digital original prints it (the scan is tilted by under a degree).
    (original,) = read_files([docs_pdf], settings=settings)
    printed, read = _find(original.pages[0], "134-86-72607"), _find(page, "134-86-72607")
    assert read.bbox == pytest.approx(printed.bbox, abs=6)


def test_cached_second_read_is_identical_and_runs_no_tesseract(scan_run: ScanRun, scan_pdf: Path) -> None:
    settings, log, first, _ = scan_run
    runs = log.read_text()
    (again,) = read_files([scan_pdf], settings=settings)
    assert again == first
    assert log.read_text() == runs


def test_ocr_crop_rereads_a_grade(scan_run: ScanRun) -> None:
    settings, _, reading, _ = scan_run
    page = reading.pages[1]
    label = next(w for w in page.words if "등급" in w.text and w.x0 < 150)
    # the value cell of the grade row: right of the label, on the same line
    cell = [w for w in page.words if w.x0 > 190 and abs(w.mid_y - label.mid_y) < 6]
    assert cell
    box = (cell[0].x0, min(w.top for w in cell), cell[-1].x1, max(w.bottom for w in cell))
    text, confidence = ocr_crop(page, box, settings=settings, whitelist="ABCDNR+-0")
    assert text == "BB+"
    assert 0.5 < confidence <= 1.0


def test_regions_stacked_into_one_run_are_each_read(scan_run: ScanRun) -> None:
    """Three regions of two pages read by one Tesseract run, each word back in its own region."""
    settings, log, reading, _ = scan_run
    first, second = reading.pages
    brn, crn = _find(first, "134-86-72607"), _find(first, "110111-6543210")
    brn2 = _find(second, "220-81-62517")
    runs = len(log.read_text().splitlines())
    look = Look("eng", "0123456789-")
    regions = [Region(first, brn.bbox, 3.0), Region(second, brn2.bbox, 3.0), Region(first, crn.bbox, 3.0)]
    found = read_regions(regions, look, settings=settings)
    assert ["".join(w[0] for w in words) for words in found] == [
        "134-86-72607",
        "220-81-62517",
        "110111-6543210",
    ]
    assert len(log.read_text().splitlines()) == runs + 1
    # each crop's words come back in that crop's pixels: inside it
    for region, words in zip(regions, found, strict=True):
        width = (region.box[2] - region.box[0] + 6) * first.image_scale
        assert all(w[1] >= 0 and w[1] + w[3] <= width + 2 for w in words)
    # read again (in another order, with another region): from the cache, no Tesseract run
    again = read_regions([regions[2], regions[0]], look, settings=settings)
    assert ["".join(w[0] for w in words) for words in again] == ["110111-6543210", "134-86-72607"]
    assert len(log.read_text().splitlines()) == runs + 1


def test_batched_tools_note_what_is_asked_and_answer_after_flush(scan_run: ScanRun) -> None:
    settings, _, reading, _ = scan_run
    page = reading.pages[0]
    word = _find(page, "134-86-72607")
    blank = (word.x0, 400.0, word.x1, 400.0 + word.height)
    tools = BatchedTools(settings)
    assert tools.reread(page, word.bbox, "eng", 7, "0123456789-") == ("", 0.0)
    assert tools.ink(page, [word.bbox, blank]) == []
    assert tools.flush()
    text, confidence = tools.reread(page, word.bbox, "eng", 7, "0123456789-")
    assert text == "134-86-72607"
    assert confidence > 0.5
    printed, empty = tools.ink(page, [word.bbox, blank])
    assert printed > 0.1 > 0.02 > empty
    assert not tools.flush()  # nothing new was asked


def test_gray_crops_measure_ink(scan_run: ScanRun) -> None:
    settings, _, reading, _ = scan_run
    page = reading.pages[0]
    word = _find(page, "134-86-72607")
    blank = (word.x0, 400.0, word.x1, 400.0 + word.height)  # an empty stretch of the page
    printed, empty, outside = gray_crops(page, [word.bbox, blank, (-50, -50, -10, -10)], settings=settings)
    assert printed.width == pytest.approx((word.x1 - word.x0) * page.image_scale, abs=2)
    assert len(printed.pixels) == printed.width * printed.height
    assert printed.dark_share() > 0.1
    assert empty.dark_share() < 0.02
    assert outside.pixels == b""


def test_ocr_crop_needs_an_ocr_page(docs_pdf: Path, settings: Settings) -> None:
    (reading,) = read_files([docs_pdf], settings=settings)
    with pytest.raises(ReadError):
        ocr_crop(reading.pages[0], (0, 0, 10, 10), settings=settings)


# --- image files, one pass (the model comparison is the benchmark's job) -----------------------


@pytest.fixture(scope="module")
def scan_image(tmp_path_factory: pytest.TempPathFactory) -> Image.Image:
    root = tmp_path_factory.mktemp("images")
    source = text_pdf(root / "brc.pdf", DOCS[:1])
    (img,) = scan_images(source, dpi=200, seed=11)
    return img


@pytest.fixture
def one_pass(tmp_path: Path) -> Settings:
    return ocr_settings(tmp_path / "data", ocr_second_pass=False)


def _check_brc(page: Page, size: tuple[float, float]) -> None:
    assert page.ocr
    assert page.alt_words == []
    assert (page.width, page.height) == pytest.approx(size, abs=1)
    text = _flat(page.words)
    assert "134-86-72607" in text
    assert "김민준" in text


def test_png_with_its_resolution(tmp_path: Path, one_pass: Settings, scan_image: Image.Image) -> None:
    path = tmp_path / "brc.png"
    scan_image.save(path, dpi=(200, 200))
    (reading,) = read_files([path], settings=one_pass)
    assert reading.problems == []
    (page,) = reading.pages
    _check_brc(page, (595.4, 842.0))
    assert Path(page.image_path or "").read_bytes() == path.read_bytes()  # handed over as it is


def test_jpeg_without_resolution_turned_by_exif(
    tmp_path: Path, one_pass: Settings, scan_image: Image.Image
) -> None:
    # A phone photo: stored sideways, EXIF orientation 6 says "turn 90° clockwise to view", no DPI.
    sideways = scan_image.transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[0x0112] = 6
    path = tmp_path / "photo.jpg"
    sideways.save(path, "JPEG", quality=90, exif=exif)
    (reading,) = read_files([path], settings=one_pass)
    (page,) = reading.pages
    # the resolution is estimated from A4 (2339 pixels over 11.69 inches: 200 dpi)
    assert page.image_scale == pytest.approx(200 / 72, rel=0.01)
    _check_brc(page, (595.4, 842.0))


def test_multipage_tiff(tmp_path: Path, one_pass: Settings, scan_image: Image.Image) -> None:
    path = tmp_path / "pages.tif"
    blank = Image.new("L", scan_image.size, 255)
    scan_image.save(path, save_all=True, append_images=[blank], dpi=(200, 200), compression="tiff_lzw")
    (reading,) = read_files([path], settings=one_pass)
    assert [p.number for p in reading.pages] == [1, 2]
    _check_brc(reading.pages[0], (595.4, 842.0))
    assert reading.pages[1].words == []


def test_image_named_pdf_is_read_as_the_image_it_is(
    tmp_path: Path, one_pass: Settings, scan_image: Image.Image
) -> None:
    path = tmp_path / "scan.pdf"
    scan_image.save(path, "PNG", dpi=(200, 200))
    (reading,) = read_files([path], settings=one_pass)
    assert reading.problems == []
    _check_brc(reading.pages[0], (595.4, 842.0))


def test_plain_dct_scan_with_garbage_text_layer(
    tmp_path: Path, one_pass: Settings, scan_image: Image.Image
) -> None:
    # A scanner's own OCR layer in Latin-1 mojibake over the JPEG: ignored, the image is read.
    jpg = jpeg_bytes(scan_image, quality=60)
    overlay = b"BT 3 Tr /F1 12 Tf 60 700 Td (" + "서울특별시 강남구".encode("cp949") * 3 + b") Tj ET"
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    path = tmp_path / "scanner.pdf"
    path.write_bytes(image_page_pdf([jpg, jpg], overlay=overlay, fonts=b"/F1 3 0 R", extra=[font]))
    calls: list[tuple[str, int, int]] = []
    (reading,) = read_files([path], settings=one_pass, progress=lambda *a: calls.append(a))
    assert calls == [("read", 1, 1), ("ocr", 1, 2), ("ocr", 2, 2)]
    for page in reading.pages:
        _check_brc(page, (595.44, 842.04))
        assert Path(page.image_path or "").read_bytes() == jpg
    assert reading.pages[0].words == reading.pages[1].words  # same image, same answer (cached)
