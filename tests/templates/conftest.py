"""Fixtures of the document-generation tests: samples, settings, one converter pool per worker.

The pool is real LibreOffice through unoserver. Under pytest-xdist each worker gets its own
ports (base port + 100 × worker index; the pool's port locks guard the rest) and profile dirs.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import zipfile
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest

from dsreview.config import OrganisationProfile, Settings
from dsreview.templates.pdf import ConverterPool

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "render"
GOLDEN = Path(__file__).resolve().parent / "golden"
KINDS = (
    "selection_notice",
    "supplement_request",
    "review_opinion",
    "review_report",
    "nonconformance_posting",
    "contract_info",
)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


# The sender of the documents in these tests (and their golden files), whatever the defaults become.
PROFILE = OrganisationProfile(
    agency="한국지능정보사회진흥원",
    head_title="한국지능정보사회진흥원장",
    department="지능기술인프라본부 AI-클라우드기술혁신팀",
    address="(41068) 대구광역시 동구 첨단로 53 한국지능정보사회진흥원",
    postal_code="41068",
    phone="053-230-1114",
    fax="053-230-1119",
    email="digitalservice@nia.or.kr",
    homepage="https://www.nia.or.kr",
    drafter="주임 김하늘",
    reviewer="책임 박서준",
    approver="팀장 이도윤",
    disclosure="공개",
    document_prefix="AI클라우드혁신팀",
)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", organisation=PROFILE)


def sample(kind: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SAMPLES / f"{kind}.json").read_text(encoding="utf-8"))
    return data


def _worker_index() -> int:
    match = re.search(r"(\d+)$", os.environ.get("PYTEST_XDIST_WORKER", "gw0"))
    return int(match.group(1)) if match else 0


@pytest.fixture(scope="session")
def render_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings of these tests: one converter per worker, ports apart from other workers."""
    return Settings(
        data_dir=tmp_path_factory.mktemp("render-data"),
        organisation=PROFILE,
        pdf_converters=1,
        pdf_timeout_seconds=60,
        unoserver_base_port=23000 + 100 * _worker_index(),
    )


@pytest.fixture(scope="session")
def pool(render_settings: Settings) -> Iterator[ConverterPool]:
    with ConverterPool(render_settings) as converters:
        yield converters


def docx_text(docx: bytes) -> str:
    """The document's text, one paragraph a line (table cells included), tabs and breaks kept."""
    from lxml import etree

    with zipfile.ZipFile(BytesIO(docx)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    lines = []
    for p in root.iter(f"{W}p"):
        parts = []
        for node in p.iter(f"{W}t", f"{W}tab", f"{W}br"):
            if node.tag == f"{W}t":
                parts.append(node.text or "")
            elif node.tag == f"{W}tab":
                parts.append("\t")
            else:
                parts.append("\n")
        lines.append("".join(parts))
    return "\n".join(lines)


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def header_rows(docx: bytes) -> list[str]:
    """The text of every repeated table-header row, cells joined by a space."""
    from lxml import etree

    with zipfile.ZipFile(BytesIO(docx)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    rows = []
    for tr in root.iter(f"{W}tr"):
        if tr.find(f"{W}trPr/{W}tblHeader") is not None:
            cells = ["".join(t.text or "" for t in tc.iter(f"{W}t")) for tc in tr.iter(f"{W}tc")]
            rows.append(" ".join(cells))
    return rows


def pdf_content(pdf: bytes, docx: bytes, tmp_path: Path) -> str:
    """The PDF's text without what page breaks add (footers, repeated header rows), squeezed.

    A value that flows across a page break then reads whole again.
    """
    headers = {squeeze(h) for h in header_rows(docx)}
    seen: set[str] = set()
    kept = []
    for line in pdf_text(pdf, tmp_path).splitlines():
        flat = squeeze(line)
        if re.fullmatch(r"-\d+/\d+-", flat):
            continue
        if flat in headers:
            if flat in seen:
                continue
            seen.add(flat)
        kept.append(flat)
    return "".join(kept)


def pdf_fonts(pdf: bytes, tmp_path: Path) -> list[tuple[str, bool]]:
    """(font name, embedded) for every font of the PDF, from `pdffonts`."""
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    fonts = []
    for line in out.splitlines()[2:]:
        cols = line.split()
        # name type [type…] encoding emb sub uni object ID: "emb" is the 5th column from the end
        fonts.append((cols[0], cols[-5] == "yes"))
    return fonts


def squeeze(text: str) -> str:
    """Text without any whitespace: values wrap across lines and cells in a PDF."""
    return re.sub(r"\s+", "", text)


def visible(value: str, text: str, *, max_parts: int = 4) -> bool:
    """`value` reads in `text` (squeezed): whole, or in order in a few pieces, as a table row that
    breaks across pages interleaves its cells' text with the other cells of the row."""
    needle = squeeze(value)
    if needle in text:
        return True
    start, done, parts = 0, 0, 0
    while done < len(needle):
        lo, hi, best = 1, len(needle) - done, (0, -1)
        while lo <= hi:  # the longest next piece found after `start`
            mid = (lo + hi) // 2
            at = text.find(needle[done : done + mid], start)
            if at >= 0:
                best, lo = (mid, at), mid + 1
            else:
                hi = mid - 1
        length, at = best
        parts += 1
        if length < min(8, len(needle) - done) or parts > max_parts:
            return False
        start, done = at + length, done + length
    return True
