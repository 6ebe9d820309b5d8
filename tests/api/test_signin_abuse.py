"""Sign-in abuse, through the live server: wrong passwords in a row make the account (and the
address) wait, doubling each time, answered 429 with Retry-After and a Korean message, and the
right password does not get through while it waits; concurrent sign-ins hash at most N at a time."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from dsreview.api.app import create_app
from dsreview.config import SignInLimits
from dsreview.store import Database
from dsreview.store.migrate import upgrade
from tests.services.support import PASSWORD, LiveServer, make_people, make_settings

VENDOR = "vendor@test.kr"


def _login(client: httpx.Client, email: str, password: str) -> httpx.Response:
    return client.post("/api/auth/token", data={"username": email, "password": password})


def _server(tmp_path: Path, limits: SignInLimits, **overrides: object) -> tuple[Database, LiveServer]:
    settings = make_settings(tmp_path / "data", signin=limits, **overrides)
    db = Database(settings)
    upgrade(db)
    make_people(db, settings)
    return db, LiveServer(create_app(settings, db=db))


def test_wrong_passwords_make_the_account_wait(tmp_path: Path) -> None:
    limits = SignInLimits(free_failures_account=5, free_failures_address=1000, first_delay_seconds=1.0)
    db, live = _server(tmp_path, limits)
    with live, httpx.Client(base_url=live.url, timeout=30) as client:
        answers = [_login(client, VENDOR, f"wrong-{n}") for n in range(50)]
        codes = [r.status_code for r in answers]
        assert codes[:5] == [401] * 5  # the free failures
        assert codes[5] == 401  # the sixth failure starts the wait …
        refused = [r for r in answers if r.status_code == 429]
        assert len(refused) >= 30  # … and most further guesses are turned away unhashed
        for r in refused:
            assert int(r.headers["retry-after"]) >= 1
            body = r.json()
            assert body["code"] == "too_many_requests"
            assert "로그인 시도가 너무 많습니다" in body["message"]
            assert body["detail"]["retry_after"] == int(r.headers["retry-after"])
        # The right password does not get through while the account waits.
        r = _login(client, VENDOR, PASSWORD)
        assert r.status_code == 429
        time.sleep(int(r.headers["retry-after"]) + 0.2)
        # The next failure waits twice as long as the last.
        assert _login(client, VENDOR, "wrong-after-the-wait").status_code == 401
        r = _login(client, VENDOR, PASSWORD)
        assert r.status_code == 429
        grown = int(r.headers["retry-after"])
        assert grown >= 2  # past the first delay of 1 s: 2 s, 4 s … as failures add up
        assert grown & (grown - 1) == 0  # a doubling of the first delay
        # Another account is not held up by this one's waiting …
        assert _login(client, "staff@test.kr", PASSWORD).status_code == 200
        # … and once the wait is over the right password works, and the account starts afresh.
        time.sleep(grown + 0.2)
        assert _login(client, VENDOR, PASSWORD).status_code == 200
        assert _login(client, VENDOR, "wrong-again").status_code == 401
        assert _login(client, VENDOR, PASSWORD).status_code == 200
    db.dispose()


def test_guesses_from_one_address_make_it_wait(tmp_path: Path) -> None:
    limits = SignInLimits(free_failures_account=100, free_failures_address=8, first_delay_seconds=30.0)
    db, live = _server(tmp_path, limits)
    with live, httpx.Client(base_url=live.url, timeout=30) as client:
        codes = [_login(client, f"guess{n}@test.kr", "wrong-password").status_code for n in range(12)]
        assert codes[:9] == [401] * 9
        assert codes[9:] == [429] * 3
        # Every account is refused from that address while it waits, the pages' form too.
        r = _login(client, VENDOR, PASSWORD)
        assert r.status_code == 429
        assert 1 <= int(r.headers["retry-after"]) <= 30
        assert "30초" in r.json()["message"] or "초 뒤에" in r.json()["message"]
        page = client.get("/login")
        token = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
        r = client.post("/login", data={"email": VENDOR, "password": PASSWORD, "csrf_token": token})
        assert r.status_code == 429
        assert "retry-after" in r.headers
        assert "로그인 시도가 너무 많습니다" in r.text
    db.dispose()


def _rss() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS")


@pytest.mark.xdist_group("memory")
def test_concurrent_sign_ins_hash_a_few_at_a_time(tmp_path: Path) -> None:
    """20 wrong sign-ins at once at the production cost (64 MiB a hash): with two hashes at a time
    the server grows by a few hashes' worth, not twenty."""
    limits = SignInLimits(
        free_failures_account=100, free_failures_address=100, concurrent_hashes=2, hash_wait_seconds=300
    )
    db, live = _server(tmp_path, limits, password_time_cost=3, password_memory_kib=65536)
    with live, httpx.Client(base_url=live.url, timeout=120) as client:
        _login(client, "warm@test.kr", "wrong-password")  # the server's first request, paid
        baseline, peak, done = _rss(), 0, threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.is_set():
                peak = max(peak, _rss())
                time.sleep(0.005)

        sampler = threading.Thread(target=sample)
        sampler.start()
        with ThreadPoolExecutor(max_workers=20) as pool:
            clients = [httpx.Client(base_url=live.url, timeout=120) for _ in range(20)]
            codes = list(
                pool.map(lambda c: _login(c[1], f"u{c[0]}@test.kr", "wrong").status_code, enumerate(clients))
            )
            for c in clients:
                c.close()
        done.set()
        sampler.join()
        assert codes == [401] * 20  # all answered, none refused: they queued for a turn
        grown = peak - baseline
        assert grown < 6 * 64 * 1024 * 1024, f"grew by {grown / 2**20:.0f} MiB"
    db.dispose()
