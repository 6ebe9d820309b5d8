"""`dsreview render` as a user runs it: exit status, one line on stderr, files written or not."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from dsreview.templates.render import read_provenance
from dsreview.templates.sources import template_source
from tests.templates.conftest import SAMPLES, _worker_index, sample
from tests.templates.test_sources import _edit_part

DSREVIEW = [sys.executable, "-m", "dsreview.cli.app", "render"]


def run(tmp_path: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DSREVIEW_DATA_DIR": str(tmp_path / "data"),
        "DSREVIEW_PDF_CONVERTERS": "1",
        "DSREVIEW_UNOSERVER_BASE_PORT": str(24000 + 100 * _worker_index()),
    }
    return subprocess.run(
        [*DSREVIEW, *args], capture_output=True, text=True, timeout=180, env=env, cwd=tmp_path, input=stdin
    )


def _one_line_error(result: subprocess.CompletedProcess[str], status: int, needle: str) -> None:
    assert result.returncode == status, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert needle in lines[0]
    assert "Traceback" not in result.stderr


def test_one_document(tmp_path: Path) -> None:
    result = run(
        tmp_path, "selection_notice", str(SAMPLES / "selection_notice.json"), "-o", "out/notice.docx"
    )
    assert result.returncode == 0, result.stderr
    docx = (tmp_path / "out" / "notice.docx").read_bytes()
    assert read_provenance(docx)["dsreview.key"] == "AI클라우드혁신팀-1042"
    assert "out/notice.docx" in result.stdout


def test_one_document_with_its_pdf_and_no_server(tmp_path: Path) -> None:
    result = run(
        tmp_path, "contract_info", str(SAMPLES / "contract_info.json"), "-o", "c.docx", "--pdf", "pdf/c.pdf"
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "pdf" / "c.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "c.docx").exists()


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        ({**sample("selection_notice"), "issue_date": "2024-13-01"}, "/issue_date"),
        ({k: v for k, v in sample("selection_notice").items() if k != "services"}, "/services"),
        ("{not json", "JSON"),
    ],
)
def test_invalid_data_is_exit_2_and_leaves_no_file(tmp_path: Path, data: object, needle: str) -> None:
    path = tmp_path / "data.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = run(tmp_path, "selection_notice", str(path), "-o", "out.docx", "--pdf")
    _one_line_error(result, 2, needle)
    assert not (tmp_path / "out.docx").exists()
    assert not (tmp_path / "out.pdf").exists()


def test_a_short_posting_is_refused(tmp_path: Path) -> None:
    data = {**sample("nonconformance_posting"), "posting_end": "2024-04-20"}
    result = run(tmp_path, "nonconformance_posting", "-", "-o", "p.docx", stdin=json.dumps(data))
    _one_line_error(result, 2, "/posting_end")


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["selection_notices", "x.json", "-o", "x.docx"], "selection_notices"),
        (["selection_notice", "missing.json", "-o", "x.docx"], "missing.json"),
        (["selection_notice", str(SAMPLES / "selection_notice.jsonl")], "--out-dir"),
        (
            ["selection_notice", str(SAMPLES / "selection_notice.json"), "extra.pdf", "-o", "x.docx"],
            "extra.pdf",
        ),
        (
            ["contract_info", str(SAMPLES / "contract_info.json"), "--report", "r.json", "-o", "x.docx"],
            "--report",
        ),
        (["contract_info", str(SAMPLES / "contract_info.json"), "-o", "x.pdf"], "x.pdf"),
        (["contract_info", str(SAMPLES / "contract_info.json"), "-o", "x.docx", "--pdf", "x.doc"], "x.doc"),
    ],
)
def test_usage_errors(tmp_path: Path, args: list[str], needle: str) -> None:
    _one_line_error(run(tmp_path, *args), 2, needle)


def test_a_batch_reports_bad_lines_and_renders_the_others(tmp_path: Path) -> None:
    lines = (SAMPLES / "selection_notice.jsonl").read_text(encoding="utf-8").splitlines()
    bad = json.loads(lines[1])
    bad["services"][0]["selection_date"] = "2024-02-30"
    lines[1] = json.dumps(bad, ensure_ascii=False)
    lines.insert(3, "")
    lines.append(lines[0])  # the same key twice
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run(tmp_path, "selection_notice", str(path), "--out-dir", "out")
    assert result.returncode == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2
    assert errors[0].startswith("dsreview: 2행: ")
    assert "/services/0/selection_date" in errors[0]
    assert errors[1].startswith("dsreview: 7행: ")
    assert "1행과 겹칩니다" in errors[1]
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == [f"AI클라우드혁신팀-{n}.docx" for n in (1042, 1044, 1045, 1046)]


def test_a_batch_with_pdfs(tmp_path: Path) -> None:
    result = run(
        tmp_path,
        "review_opinion",
        str(SAMPLES / "review_opinion.jsonl"),
        "--report",
        str(SAMPLES / "check_report.json"),
        "--out-dir",
        "opinions",
        "--pdf",
    )
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "opinions").iterdir())
    assert names == sorted(
        f"DS-2024-0123_{name}.{ext}" for name in ("정유진", "박도현", "최은지") for ext in ("docx", "pdf")
    )
    assert "3 rendered, 0 failed" in result.stdout


def test_one_document_as_docx_pdf_and_hwpx(tmp_path: Path) -> None:
    result = run(
        tmp_path,
        "review_report",
        str(SAMPLES / "review_report.json"),
        "-o",
        "out/r.docx",
        "--pdf",
        "out/r.pdf",
        "--hwpx",
        "out/r.hwpx",
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "r.pdf").read_bytes().startswith(b"%PDF")
    hwpx = (tmp_path / "out" / "r.hwpx").read_bytes()
    assert hwpx.startswith(b"PK")
    assert b"application/hwp+zip" in hwpx[:100]
    assert "out/r.hwpx" in result.stdout


def test_hwpx_without_a_path_is_written_beside_the_docx(tmp_path: Path) -> None:
    result = run(tmp_path, "contract_info", str(SAMPLES / "contract_info.json"), "-o", "c.docx", "--hwpx")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "c.hwpx").exists()
    assert not (tmp_path / "c.pdf").exists()


def test_a_batch_with_hwpx(tmp_path: Path) -> None:
    result = run(
        tmp_path, "selection_notice", str(SAMPLES / "selection_notice.jsonl"), "--out-dir", "out", "--hwpx"
    )
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    keys = [f"AI클라우드혁신팀-{n}" for n in range(1042, 1047)]
    assert names == sorted(f"{k}.{ext}" for k in keys for ext in ("docx", "hwpx"))


def test_an_edited_template_naming_a_missing_field_is_one_line_naming_it(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    source = template_source("nonconformance_posting", "hwpx")
    broken = folder / "nonconformance_posting.hwpx"
    broken.write_bytes(
        _edit_part(source.data, "Contents/section0.xml", "{{ document_number }}", "{{ doc_no }}")
    )
    env_run = run_with(tmp_path, {"DSREVIEW_TEMPLATES_DIR": str(folder)})
    result = env_run(
        "nonconformance_posting", str(SAMPLES / "nonconformance_posting.json"), "-o", "p.docx", "--hwpx"
    )
    _one_line_error(result, 1, "{{ doc_no }}")
    assert "nonconformance_posting.hwpx" in result.stderr
    assert not (tmp_path / "p.docx").exists()


def run_with(tmp_path: Path, extra: dict[str, str]) -> Callable[..., subprocess.CompletedProcess[str]]:
    def call(*args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "DSREVIEW_DATA_DIR": str(tmp_path / "data"), **extra}
        return subprocess.run(
            [*DSREVIEW, *args], capture_output=True, text=True, timeout=180, env=env, cwd=tmp_path
        )

    return call


def test_messages_in_english_with_lang_en(tmp_path: Path) -> None:
    result = run(tmp_path, "selection_notice", str(SAMPLES / "selection_notice.jsonl"), "--lang", "en")
    _one_line_error(result, 2, "missing option -o OUT.docx (a .jsonl batch needs --out-dir DIR)")
    assert not re.search("[가-힣]", result.stderr)
    korean = run(tmp_path, "selection_notice", str(SAMPLES / "selection_notice.jsonl"))
    _one_line_error(korean, 2, "-o OUT.docx가 필요합니다 (.jsonl 배치에는 --out-dir DIR)")
    result = run(tmp_path, "selection_notices", "x.json", "-o", "x.docx", "--lang", "en")
    _one_line_error(result, 2, "unknown kind: 'selection_notices' (one of selection_notice, ")
    result = run(tmp_path, "selection_notice", "missing.json", "-o", "x.docx", "--lang", "fr")
    _one_line_error(result, 2, "--lang 값은 ko 또는 en이어야 합니다: 'fr'")


def test_a_batch_says_its_bad_lines_in_english(tmp_path: Path) -> None:
    lines = (SAMPLES / "selection_notice.jsonl").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join([lines[0], "{broken", lines[0]]) + "\n", encoding="utf-8")
    result = run(tmp_path, "selection_notice", str(path), "--out-dir", "out", "--lang", "en")
    assert result.returncode == 1
    errors = result.stderr.strip().splitlines()
    assert errors[0].startswith("dsreview: line 2: JSON: invalid JSON (")
    assert errors[1] == "dsreview: line 3: document key 'AI클라우드혁신팀-1042' is the same as line 1's"
