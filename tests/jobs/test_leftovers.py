"""Nothing is left behind by a kill: a worker SIGKILLed (again and again) leaves no converter
(unoserver host, oosplash, soffice) running and its next start removes its scratch folders; a
SIGKILL of `serve` takes its worker and the converters with it; restarts back off, then reset."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import httpx
import pytest

from dsreview.cli.serve import restart_delay
from dsreview.config import Settings
from tests.services.support import ROOT, WorkerProcess, free_port, make_settings, wait_for

KILLS = 3


def _descendants(root: int) -> set[int]:
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z":
            parents[int(stat.parent.name)] = int(fields[1])
    found: set[int] = set()
    frontier = {root}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _alive(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.add(pid)
    return alive


def _office(pids: set[int]) -> set[int]:
    found = set()
    for pid in pids:
        try:
            if os.readlink(f"/proc/{pid}/exe").endswith("soffice.bin"):
                found.add(pid)
        except OSError:
            continue
    return found


def _pool_folders(pid: int) -> list[Path]:
    return list(Path(tempfile.gettempdir()).glob(f"dsreview-pdf-{pid}-*"))


@pytest.mark.xdist_group("converters")
def test_a_killed_worker_leaves_no_converter_behind(tmp_path: Path) -> None:
    settings: Settings = make_settings(tmp_path / "data")
    left_after_each_kill: list[int] = []
    killed: list[int] = []
    for _ in range(KILLS):
        worker = WorkerProcess(settings, pdf=True).start()
        try:
            if killed:  # the start removed what the last killed worker had in /tmp
                wait_for(lambda: not _pool_folders(killed[-1]), timeout=30, what="the old scratch folder")
            pid = worker.pid
            wait_for(lambda p=pid: _office(_descendants(p)), timeout=120, interval=0.3, what="converters")
            tree = _descendants(worker.pid)
            assert len(tree) >= 3  # the sandbox, the host program, LibreOffice (and oosplash)
            os.kill(worker.pid, signal.SIGKILL)
            assert worker.process is not None
            worker.process.wait(10)
            killed.append(worker.pid)
            wait_for(lambda t=tree: not _alive(t), timeout=20, interval=0.2, what="the converters to die")
            left_after_each_kill.append(len(_alive(tree)))
        finally:
            worker.stop()
    assert left_after_each_kill == [0] * KILLS
    with WorkerProcess(settings, pdf=True) as last:

        def reaped() -> bool:
            records = {p.name.rsplit("-", 1)[1] for p in (settings.data_dir / "run").glob("*")}
            return records == {str(last.pid)} and not _pool_folders(killed[-1])

        wait_for(reaped, timeout=120, interval=0.3, what="the killed workers' records and folders to go")


def test_sigkill_of_serve_takes_its_worker_and_converters(tmp_path: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("DSREVIEW_")}
    env.update(
        DSREVIEW_DATA_DIR=str(tmp_path / "data"),
        DSREVIEW_PORT=str(port),
        DSREVIEW_PDF_CONVERTERS="1",
        DSREVIEW_OCR_WORKERS="1",
        DSREVIEW_WORKERS="1",
        DSREVIEW_DEMO_SAMPLES_DIR=str(ROOT / "samples" / "cases"),
    )
    log = tmp_path / "serve.log"
    command = [
        sys.executable,
        "-c",
        "import sys; from dsreview.cli.app import main; sys.exit(main())",
        "serve",
    ]
    with log.open("wb") as out:
        serve = subprocess.Popen(
            command, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:

        def ready() -> bool:
            assert serve.poll() is None, log.read_text(errors="replace")[-3000:]
            try:
                up = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=5).status_code == 200
            except httpx.TransportError:
                return False
            return up and bool(_office(_descendants(serve.pid)))

        wait_for(ready, timeout=240, interval=0.5, what="serve with its converters")
        tree = _descendants(serve.pid)
        os.kill(serve.pid, signal.SIGKILL)  # serve alone, not its group
        serve.wait(10)
        wait_for(lambda: not _alive(tree), timeout=60, interval=0.3, what="the worker and converters to stop")
    finally:
        if serve.poll() is None:
            os.killpg(serve.pid, signal.SIGKILL)
            serve.wait(10)
        for pid in _alive(_descendants(serve.pid)):
            os.kill(pid, signal.SIGKILL)


def test_restarts_back_off_and_reset_after_a_good_run() -> None:
    delays = [restart_delay(0.5, uptime=2.0)]
    for _ in range(8):
        delays.append(restart_delay(delays[-1], uptime=2.0))
    assert delays[:4] == [1.0, 2.0, 4.0, 8.0]
    assert delays[-1] == 60.0  # bounded
    assert restart_delay(60.0, uptime=600.0) == 1.0  # a worker that ran a while starts over
