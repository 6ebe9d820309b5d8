"""`dsreview serve` as `make run` starts it: migrate, demo data, API + worker + PDF converters;
`GET /healthz` answers 200 when ready; SIGINT (Ctrl-C) stops every process it started."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx

from tests.services.support import ROOT, free_port, wait_for


def _children(root: int) -> set[int]:
    """Every live descendant of `root` (from /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended while we looked
        if fields[0] != "Z":
            parents[int(entry.name)] = int(fields[1])
    found: set[int] = set()
    frontier = {root}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_serve_demo_and_ctrl_c(tmp_path: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("DSREVIEW_")}
    env.update(
        DSREVIEW_DATA_DIR=str(tmp_path / "data"),
        DSREVIEW_PORT=str(port),
        DSREVIEW_DEMO_SAMPLES_DIR=str(ROOT / "samples" / "cases"),
        DSREVIEW_PDF_CONVERTERS="1",
        DSREVIEW_OCR_WORKERS="1",
        DSREVIEW_WORKERS="1",
        DSREVIEW_UNOSERVER_BASE_PORT=str(free_port()),
        DSREVIEW_DEMO_DATA="true",  # as `make run` sets it
    )
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "import sys; from dsreview.cli.app import main; sys.exit(main())",
                "serve",
            ],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=10) as client:

            def ready() -> bool:
                assert process.poll() is None, log.read_text(errors="replace")[-3000:]
                try:
                    return client.get("/healthz").status_code == 200
                except httpx.TransportError:
                    return False

            wait_for(ready, timeout=240, interval=0.5, what="/healthz")
            output = log.read_text(errors="replace")
            assert "staff@demo.dsreview.kr" in output
            assert "dsreview-demo" in output
            r = client.post(
                "/api/auth/token", data={"username": "staff@demo.dsreview.kr", "password": "dsreview-demo"}
            )
            token = r.json()["access_token"]
            apps = client.get("/api/applications", headers={"Authorization": f"Bearer {token}"}).json()
            assert sorted(a["status"] for a in apps) == ["checked"] * 4 + ["selected"] * 3
            assert len(client.get("/api/public/catalogue").json()) == 3

            def converters_up() -> bool:
                return any(
                    "unoserver" in Path(f"/proc/{pid}/cmdline").read_text(errors="replace")
                    for pid in _children(process.pid)
                    if _alive(pid)
                )

            wait_for(converters_up, timeout=60, interval=0.5, what="the PDF converters")
            started = _children(process.pid)
        process.send_signal(signal.SIGINT)
        # 130: interrupted, as a shell reports Ctrl-C
        assert process.wait(90) in (0, 130), log.read_text(errors="replace")[-3000:]
        wait_for(lambda: not any(_alive(pid) for pid in started), timeout=30, what="every child to stop")
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)


def test_serve_without_the_demo_setting_starts_clean(tmp_path: Path) -> None:
    """`dsreview serve` as a deployment runs it: no demo accounts, and how to add the first staff."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("DSREVIEW_")}
    env.update(
        DSREVIEW_DATA_DIR=str(tmp_path / "data"),
        DSREVIEW_PORT=str(port),
        DSREVIEW_DEMO_SAMPLES_DIR=str(ROOT / "samples" / "cases"),
        DSREVIEW_PDF_CONVERTERS="1",
        DSREVIEW_OCR_WORKERS="1",
        DSREVIEW_WORKERS="1",
    )
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "import sys; from dsreview.cli.app import main; sys.exit(main())",
                "serve",
            ],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:

            def ready() -> bool:
                assert process.poll() is None, log.read_text(errors="replace")[-3000:]
                try:
                    return client.get("/healthz").status_code == 200
                except httpx.TransportError:
                    return False

            wait_for(ready, timeout=240, interval=0.5, what="/healthz")
            output = log.read_text(errors="replace")
            assert "dsreview-demo" not in output
            assert "demo.dsreview.kr" not in output
            assert "dsreview users add" in output
            assert "--role staff" in output
            r = client.post(
                "/api/auth/token", data={"username": "staff@demo.dsreview.kr", "password": "dsreview-demo"}
            )
            assert r.status_code == 401
            assert client.get("/api/public/catalogue").json() == []
        process.send_signal(signal.SIGINT)
        assert process.wait(90) in (0, 130), log.read_text(errors="replace")[-3000:]
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)
