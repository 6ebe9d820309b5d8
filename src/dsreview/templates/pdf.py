"""DOCX → PDF through LibreOffice driven by unoserver: a pool of converters, and one-shot conversion.

    with ConverterPool(settings) as pool:        # starts settings.pdf_converters unoservers
        pdf = pool.convert(docx_bytes)           # any thread; one conversion per converter at a time
        pdfs = list(pool.convert_many(docs))     # in order, all converters busy

Each converter is one `unoserver` process (run by Debian's python3 with python3-uno, see
`soffice.unoserver_command`) with its own LibreOffice, profile directory and pair of ports. Ports
are claimed with a lock file, so pools of several processes (pytest-xdist workers, a CLI batch
beside the service) never take each other's. A converter that died is restarted before its next
conversion; a conversion that exceeds `pdf_timeout_seconds` kills its converter (unoserver's own
`--conversion-timeout` does the same on the server side) and raises `ConversionError`.
Without a pool, `to_pdf()` converts one document with a LibreOffice of its own (`convert_once`).
"""

from __future__ import annotations

import contextlib
import http.client
import queue
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
import xmlrpc.client
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import IO, Any

from dsreview.config import Settings
from dsreview.errors import ConversionError
from dsreview.templates.soffice import (
    PDF_FILTER_OPTIONS,
    convert_once,
    kill_group,
    kill_groups,
    soffice_path,
    unoserver_command,
)

_STARTUP_SECONDS = 90.0  # a cold LibreOffice on a loaded machine; usually 2–5 s
_PORT_SPAN = 400
_BROKEN = (ConnectionError, http.client.HTTPException, EOFError, OSError)


class _Transport(xmlrpc.client.Transport):
    """XML-RPC over HTTP with a socket timeout (the standard transport has none)."""

    def __init__(self, timeout: float) -> None:
        super().__init__()
        self._timeout = timeout

    def make_connection(self, host: Any) -> http.client.HTTPConnection:
        connection = super().make_connection(host)
        connection.timeout = self._timeout
        return connection


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def _claim_ports(start: int) -> tuple[int, IO[bytes]]:
    """Two consecutive free ports from `start` on, held by an exclusive lock file while in use."""
    import fcntl

    lock_dir = Path(tempfile.gettempdir())
    for port in range(start, start + _PORT_SPAN, 2):
        handle = (lock_dir / f"dsreview-unoserver-{port}.lock").open("ab")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            continue
        if _port_free(port) and _port_free(port + 1):
            return port, handle
        handle.close()
    raise ConversionError(f"PDF 변환기에 쓸 빈 포트가 없습니다 (no free ports from {start})")


class _Converter:
    """One unoserver + LibreOffice. Used by one thread at a time (the pool hands it out)."""

    def __init__(self, pool: ConverterPool, index: int) -> None:
        self.pool = pool
        self.index = index
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None
        self._lock_handle: IO[bytes] | None = None
        self._ready = False
        self._log: IO[bytes] | None = None
        self._launches = 0

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def launch(self) -> None:
        """Start the processes (returns at once; `ensure_ready` waits for them)."""
        self.port, self._lock_handle = _claim_ports(self.pool.base_port + 2 * self.index)
        # A fresh profile per launch: a crashed LibreOffice may leave its profile locked.
        self._launches += 1
        profile = self.pool.workdir / f"profile-{self.index}-{self._launches}"
        command, env = unoserver_command(self.pool.settings)
        command += [
            "--port",
            str(self.port),
            "--uno-port",
            str(self.port + 1),
            "--user-installation",
            str(profile),
            "--executable",
            soffice_path(self.pool.settings),
            "--conversion-timeout",
            str(max(1, round(self.pool.timeout))),
            "--quiet",
        ]
        self._log = (self.pool.workdir / f"unoserver-{self.index}.log").open("ab")
        self.process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=self._log,
            env=env,
            start_new_session=True,
        )
        self._ready = False

    def _proxy(self, timeout: float) -> xmlrpc.client.ServerProxy:
        return xmlrpc.client.ServerProxy(
            f"http://127.0.0.1:{self.port}", allow_none=True, transport=_Transport(timeout)
        )

    def ensure_ready(self) -> None:
        if not self.alive:
            if self.process is not None:
                self.pool.restarts += 1
            self.shutdown()
            self.launch()
        if self._ready:
            return
        deadline = time.monotonic() + _STARTUP_SECONDS
        while time.monotonic() < deadline:
            if not self.alive:
                raise ConversionError(
                    f"PDF 변환기를 시작하지 못했습니다 (unoserver exited; see {self._log_path})"
                )
            with contextlib.suppress(*_BROKEN, xmlrpc.client.Fault):
                self._proxy(5.0).info()
                self._ready = True
                return
            time.sleep(0.25)
        self.shutdown()
        raise ConversionError(f"PDF 변환기가 {_STARTUP_SECONDS:.0f}초 안에 준비되지 않았습니다")

    @property
    def _log_path(self) -> Path:
        return self.pool.workdir / f"unoserver-{self.index}.log"

    def convert(self, docx: bytes) -> bytes:
        job = uuid.uuid4().hex
        source = self.pool.workdir / f"{job}.docx"
        target = self.pool.workdir / f"{job}.pdf"
        source.write_bytes(docx)
        try:
            self._proxy(self.pool.timeout + 5).convert(
                str(source), None, str(target), "pdf", None, list(PDF_FILTER_OPTIONS), False, None, None
            )
            return target.read_bytes()
        finally:
            source.unlink(missing_ok=True)
            target.unlink(missing_ok=True)

    def shutdown(self) -> None:
        if self.process is not None:
            kill_group(self.process)
        if self._lock_handle is not None:
            self._lock_handle.close()
            self._lock_handle = None
        if self._log is not None:
            self._log.close()
            self._log = None
        self._ready = False


class ConverterPool:
    """About one unoserver per core (`settings.pdf_converters`), started and stopped by dsreview."""

    def __init__(
        self,
        settings: Settings,
        *,
        size: int | None = None,
        base_port: int | None = None,
        timeout: float | None = None,
    ) -> None:
        self.settings = settings
        self.size = max(1, size if size is not None else settings.pdf_converters)
        self.base_port = base_port if base_port is not None else settings.unoserver_base_port
        self.timeout = timeout if timeout is not None else settings.pdf_timeout_seconds
        self.restarts = 0
        self.workdir = Path(".")
        self._converters: list[_Converter] = []
        self._idle: queue.Queue[_Converter] = queue.Queue()
        self._started = False
        self._failure: ConversionError | None = None
        self._start_failures = 0

    def __enter__(self) -> ConverterPool:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self, *, wait: bool = False) -> None:
        """Launch the converters; with `wait`, block until all are ready (else the first use waits)."""
        if self._started:
            return
        self.workdir = Path(tempfile.mkdtemp(prefix="dsreview-pdf-"))
        self._started = True
        try:
            for index in range(self.size):
                converter = _Converter(self, index)
                converter.launch()
                self._converters.append(converter)
                self._idle.put(converter)
        except BaseException:
            self.stop()
            raise
        if wait:
            self.wait_ready()

    def wait_ready(self) -> None:
        with ThreadPoolExecutor(max_workers=self.size) as ex:
            for future in [ex.submit(c.ensure_ready) for c in self._converters]:
                future.result()

    def convert(self, docx: bytes) -> bytes:
        """One DOCX → PDF. Restarts a dead converter and retries once; `ConversionError` otherwise."""
        if not self._started:
            raise RuntimeError("ConverterPool.convert() before start()")
        if self._failure is not None:
            raise self._failure
        converter = self._idle.get()
        try:
            for attempt in (1, 2):
                self._ready(converter)
                try:
                    return converter.convert(docx)
                except TimeoutError:
                    converter.shutdown()
                    raise ConversionError(
                        f"PDF 변환 시간이 초과되었습니다 (timed out after {self.timeout:.0f} s)"
                    ) from None
                except xmlrpc.client.Fault as exc:
                    reason = " ".join(exc.faultString.split())
                    if "TimeoutError" in reason:  # unoserver's own --conversion-timeout: it has exited
                        converter.shutdown()
                        raise ConversionError(
                            f"PDF 변환 시간이 초과되었습니다 (timed out after {self.timeout:.0f} s)"
                        ) from None
                    raise ConversionError(f"PDF로 변환하지 못했습니다: {reason[-200:]}") from None
                except _BROKEN as exc:
                    # The converter died under us (crash, or killed): restart it, try once more.
                    converter.shutdown()
                    converter.process = None
                    if attempt == 2:
                        raise ConversionError(f"PDF 변환기가 응답하지 않습니다: {exc}") from None
                    self.restarts += 1
            raise AssertionError("unreachable")
        finally:
            self._idle.put(converter)

    def _ready(self, converter: _Converter) -> None:
        """Start the converter if needed. Two failed starts in a row break the pool: LibreOffice is
        missing or broken, and every further document would wait for the same failure."""
        try:
            converter.ensure_ready()
        except ConversionError as exc:
            self._start_failures += 1
            if self._start_failures >= 2:
                self._failure = exc
            raise
        self._start_failures = 0

    def convert_many(self, documents: Iterable[bytes]) -> Iterator[bytes | ConversionError]:
        """Convert in parallel on every converter; results (or errors) in the input's order."""

        def one(docx: bytes) -> bytes | ConversionError:
            try:
                return self.convert(docx)
            except ConversionError as exc:
                return exc

        with ThreadPoolExecutor(max_workers=self.size) as ex:
            yield from ex.map(one, documents)

    def pids(self) -> list[int]:
        """The unoserver processes' ids (for tests that kill one)."""
        return [c.process.pid for c in self._converters if c.process is not None and c.alive]

    def stop(self) -> None:
        """Stop every converter (in parallel: about 1 s) and remove the pool's temporary files."""
        kill_groups([c.process for c in self._converters if c.process is not None])
        for converter in self._converters:
            converter.shutdown()
        self._converters.clear()
        while not self._idle.empty():
            self._idle.get_nowait()
        if self._started:
            shutil.rmtree(self.workdir, ignore_errors=True)
        self._started = False


def to_pdf(docx: bytes, *, settings: Settings, pool: ConverterPool | None = None) -> bytes:
    """DOCX → PDF: on the pool when there is one, else with a LibreOffice of its own."""
    if pool is not None:
        return pool.convert(docx)
    return convert_once(docx, settings=settings)


__all__ = ["ConverterPool", "convert_once", "to_pdf"]
