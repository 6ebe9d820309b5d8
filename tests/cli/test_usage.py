"""Usage errors: one line on stderr, exit status 2, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

DSREVIEW = [sys.executable, "-m", "dsreview.cli.app"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*DSREVIEW, *args], capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["check", "/nonexistent/bundle.pdf"], "/nonexistent/bundle.pdf"),
        (["extract", "/nonexistent/a.pdf"], "/nonexistent/a.pdf"),
        (["check", "--application-date", "2024-13-01", "EXISTING"], "--application-date"),
        (["check", "--sanctions", "/nonexistent/s.csv", "EXISTING"], "/nonexistent/s.csv"),
        (["check"], "files"),
        (["check", "--no-such-option", "x.pdf"], "--no-such-option"),
        (["frobnicate"], "frobnicate"),
        (["check", "--lang", "fr", "EXISTING"], "--lang"),
    ],
)
def test_usage_error_is_one_line_exit_2(args: list[str], needle: str, tmp_path: Path) -> None:
    existing = tmp_path / "bundle.pdf"
    existing.write_bytes(b"%PDF-1.4\n")
    result = run(*[str(existing) if a == "EXISTING" else a for a in args])
    assert result.returncode == 2, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert needle in lines[0]
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
