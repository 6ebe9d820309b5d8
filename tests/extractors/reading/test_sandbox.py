"""The child processes: whatever happens in one, the parent gets a result, and the others are fine."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from dsreview.config import Limits
from dsreview.extractors.reading.payload import reading_from_child
from dsreview.extractors.reading.sandbox import EXIT_ERROR, EXIT_MEMORY, ChildResult, run_isolated


def _ok() -> bytes:
    return b'{"pages": [], "problems": []}'


def _abort() -> bytes:
    os.abort()


def _sleep() -> bytes:
    time.sleep(30)
    return b""


def _hog() -> bytes:
    blocks = []
    while True:
        blocks.append(bytearray(64 * 1024 * 1024))


def _raise() -> bytes:
    raise ValueError("broken table")


def _large() -> bytes:
    return b"x" * (5 * 1024 * 1024)  # larger than a pipe buffer: read while the child writes


def _garbage() -> bytes:
    return b'{"pages": [{"n": "one"}]}'


def test_every_kind_of_ending(tmp_path: Path) -> None:
    # (time enough for the hog to reach its memory limit on a loaded machine)
    limits = Limits(timeout_seconds=2.5, memory_bytes=512 * 1024 * 1024)
    done: list[int] = []
    tasks = [_ok, _abort, _sleep, _hog, _raise, _large, _garbage]
    results = run_isolated(tasks, limits=limits, workers=3, on_done=lambda i, _: done.append(i))
    assert sorted(done) == list(range(len(tasks)))
    ok, abort, sleep, hog, error, large, garbage = results
    assert ok.ok
    assert ok.output == _ok()
    assert ok.max_rss > 1024 * 1024
    assert abort.signal == signal.SIGABRT
    assert sleep.timed_out
    assert sleep.seconds < 5
    assert hog.exit_code == EXIT_MEMORY
    assert error.exit_code == EXIT_ERROR
    assert b"ValueError" in error.output
    assert large.ok
    assert len(large.output) == 5 * 1024 * 1024
    assert garbage.ok

    def reason(result: ChildResult) -> str:
        reading = reading_from_child(result, source="x.pdf", limits=limits, image_dir=tmp_path)
        (problem,) = reading.problems
        assert problem.fatal
        return problem.reason

    assert [reason(r) for r in (abort, sleep, hog, error, garbage)] == [
        "crash",
        "timeout",
        "memory",
        "crash",
        "crash",
    ]


def test_no_tasks() -> None:
    assert run_isolated([], limits=Limits(), workers=2) == []
