"""The service under load: 50 vendors upload text bundles at once to a local server.

Starts `dsreview api` and `dsreview worker` (no PDF converters) on a fresh data folder, on the
loopback interface only, makes 50 vendor accounts, then each vendor signs in, uploads one
born-digital sample bundle and polls its status until the check is done. Bounded: 50 vendors,
at most BUDGET seconds. Prints errors, throughput and p50/p95 of uploads and status reads.

    .venv/bin/python benchmarks/service.py [--vendors 50] [--workers 2] [--keep]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "samples" / "cases"
TEXT_CASES = ("S01", "S02", "S03", "S08", "S12", "S13", "S14", "S15", "S16", "S17")
BUDGET = 900.0  # seconds, the whole run
POLL = 1.0  # seconds between a vendor's status reads (what a web page polls at)
PASSWORD = "bench-password"
CLI = "import sys; from dsreview.cli.app import main; sys.exit(main())"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _setup(data: Path, vendors: int) -> None:
    """Accounts and an open round, straight through the services (not part of the measurement)."""
    from dsreview.config import Settings
    from dsreview.services import selection, users
    from dsreview.services.actors import Actor
    from dsreview.store import Database
    from dsreview.store.migrate import upgrade

    settings = Settings(data_dir=data, password_time_cost=1, password_memory_kib=8192, demo_data=False)
    db = Database(settings)
    upgrade(db)
    with db.transaction() as s:
        staff = users.create_user(
            s, settings=settings, email="staff@bench.kr", password=PASSWORD, role="staff"
        )
        selection.create_round(s, actor=Actor.of(staff), name="벤치마크 차수", number=1)
        for i in range(vendors):
            brn = f"{100 + i:03d}-81-{10000 + i:05d}"
            users.create_user(
                s,
                settings=settings,
                email=f"vendor{i}@bench.kr",
                password=PASSWORD,
                role="vendor",
                org_brn=brn,
                org_name=f"벤치마크 {i}",
            )
    db.dispose()


class Stats:
    def __init__(self) -> None:
        self.upload: list[float] = []
        self.status: list[float] = []
        self.errors: list[str] = []
        self.done: list[float] = []
        self.report: list[float] = []
        self.status_at: list[float] = []
        self.uploads_done = 0.0

    def status_after_uploads(self) -> list[float]:
        """Status reads once every upload has been answered: checks running, no uploads arriving."""
        return [v for v, at in zip(self.status, self.status_at, strict=True) if at > self.uploads_done]


async def _vendor(client: httpx.AsyncClient, index: int, stats: Stats, started: float, poll: float) -> None:
    r = await client.post(
        "/api/auth/token", data={"username": f"vendor{index}@bench.kr", "password": PASSWORD}
    )
    if r.status_code != 200:
        stats.errors.append(f"login {index}: {r.status_code}")
        return
    headers = {"Authorization": f"Bearer {r.json()['access_token']}"}
    case = TEXT_CASES[index % len(TEXT_CASES)]
    truth = json.loads((CASES / case / "truth.json").read_text(encoding="utf-8"))
    files = [
        ("files", (name, (CASES / case / name).read_bytes(), "application/pdf")) for name in truth["files"]
    ]
    t0 = time.perf_counter()
    r = await client.post("/api/applications", headers=headers, files=files)
    stats.upload.append(time.perf_counter() - t0)
    stats.uploads_done = max(stats.uploads_done, time.perf_counter())
    if r.status_code != 202:
        stats.errors.append(f"upload {index}: {r.status_code} {r.text[:100]}")
        return
    app_id = r.json()["id"]
    await asyncio.sleep(random.random() * poll)  # a page polls on its own clock, not in step with others
    while time.perf_counter() - started < BUDGET:
        await asyncio.sleep(poll)
        t0 = time.perf_counter()
        r = await client.get(f"/api/applications/{app_id}/status", headers=headers)
        stats.status.append(time.perf_counter() - t0)
        stats.status_at.append(t0)
        if r.status_code != 200:
            stats.errors.append(f"status {index}: {r.status_code}")
            return
        status = r.json()["status"]
        if status in ("checked", "failed"):
            stats.done.append(time.perf_counter() - started)
            t0 = time.perf_counter()
            r = await client.get(f"/api/applications/{app_id}", headers=headers)
            stats.report.append(time.perf_counter() - t0)
            if r.status_code != 200 or status == "failed":
                stats.errors.append(f"check {index} ({case}): {r.status_code} {r.json().get('failure')}")
            return
    stats.errors.append(f"vendor {index}: not checked within {BUDGET:.0f} s")


async def _run(base: str, vendors: int, poll: float) -> tuple[Stats, float]:
    stats = Stats()
    limits = httpx.Limits(max_connections=vendors, max_keepalive_connections=vendors)
    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as client:
        started = time.perf_counter()
        await asyncio.gather(*(_vendor(client, i, stats, started, poll) for i in range(vendors)))
        return stats, time.perf_counter() - started


def _spawn(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        return subprocess.Popen(
            [sys.executable, "-c", CLI, *args],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(40)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vendors", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2, help="worker threads")
    parser.add_argument("--api-workers", type=int, default=1, help="uvicorn processes")
    parser.add_argument("--poll", type=float, default=POLL, help="seconds between status reads")
    parser.add_argument("--keep", action="store_true", help="keep the data folder")
    options = parser.parse_args()
    vendors = max(1, min(options.vendors, 50))  # bounded on purpose
    load = os.getloadavg()[0]
    folder = Path(tempfile.mkdtemp(prefix="dsreview-bench-"))
    data, port = folder / "data", _free_port()
    _setup(data, vendors)
    env = {k: v for k, v in os.environ.items() if not k.startswith("DSREVIEW_")}
    env.update(
        DSREVIEW_DATA_DIR=str(data),
        DSREVIEW_HOST="127.0.0.1",
        DSREVIEW_PORT=str(port),
        DSREVIEW_DEMO_DATA="false",
        DSREVIEW_WORKERS=str(options.workers),
    )
    api = _spawn(["api"], env, folder / "api.log")
    worker = _spawn(["worker", "--no-pdf"], env, folder / "worker.log")
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass  # not listening yet
            if time.monotonic() > deadline or api.poll() is not None:
                print((folder / "api.log").read_text(errors="replace")[-2000:], file=sys.stderr)
                return 1
            time.sleep(0.2)
        stats, elapsed = asyncio.run(_run(base, vendors, options.poll))
    finally:
        _stop(api)
        _stop(worker)
        if not options.keep:
            shutil.rmtree(folder, ignore_errors=True)
    ms = 1000.0
    print(
        f"dsreview service benchmark — {vendors} vendors at once, {os.cpu_count()} cores, loopback, "
        f"SQLite + SQLite queue, {options.api_workers} API process(es), {options.workers} worker threads, "
        f"status read every {options.poll:g} s; load average at start {load:.1f}"
    )
    print(f"  errors                 {len(stats.errors)}")
    for line in stats.errors[:10]:
        print(f"    {line}")
    print(
        f"  bundles checked        {len(stats.done)} in {elapsed:.1f} s "
        f"({60 * len(stats.done) / elapsed:.1f} per minute)"
    )
    if stats.done:
        print(
            f"  time to checked        p50 {_pct(stats.done, 0.5):.1f} s, p95 {_pct(stats.done, 0.95):.1f} s"
        )
    rows = (
        ("upload (POST, bundle)", stats.upload, ""),
        ("status read (GET …/status)", stats.status, ", goal p95 ≤ 50 ms"),
        ("  … after the uploads", stats.status_after_uploads(), ""),
        ("report read (GET, full)", stats.report, ""),
    )
    for name, values, note in rows:
        p50, p95 = _pct(values, 0.5) * ms, _pct(values, 0.95) * ms
        mean = statistics.fmean(values) * ms if values else float("nan")
        print(
            f"  {name:<27}p50 {p50:.1f} ms, p95 {p95:.1f} ms, mean {mean:.1f} ms"
            f" ({len(values)} requests{note})"
        )
    return 0 if not stats.errors else 1


if __name__ == "__main__":
    sys.exit(main())
