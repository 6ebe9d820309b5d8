"""DOCX → PDF through sandboxed LibreOffice: a pool of converters, and one-shot conversion.

    with ConverterPool(settings) as pool:        # starts settings.pdf_converters converters
        pdf = pool.convert(docx_bytes)           # any thread; one conversion per converter at a time
        pdfs = list(pool.convert_many(docs))     # in order, all converters busy

Each converter is one LibreOffice driven through unoserver's converter class by a small host
program, all inside a bubblewrap sandbox of its own (`sandbox`): a private network, only a scratch
folder to write, no view of the data directory, the documents passed as bytes over pipes. Nothing
listens where another local user could reach it, so pools of several processes (pytest-xdist
workers, a CLI batch beside the service) never meet either. A converter that died is restarted
before its next conversion; a conversion that exceeds `pdf_timeout_seconds` kills its converter
and raises `ConversionError`.
Without a pool, `to_pdf()` converts one document with a LibreOffice of its own (`convert_once`).
"""

from __future__ import annotations

import contextlib
import io
import os
import queue
import select
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import IO

from dsreview.config import Settings
from dsreview.errors import ConversionError
from dsreview.templates import sandbox
from dsreview.templates.soffice import (
    PDF_FILTER_OPTIONS,
    convert_once,
    kill_group,
    kill_groups,
)

_STARTUP_SECONDS = 90.0  # a cold LibreOffice on a loaded machine; usually 2–5 s


_WORKDIR_PREFIX = "dsreview-pdf-"


def _remove_dead_workdirs() -> None:
    """The scratch folders of pools whose process is gone (killed before it could clean up)."""
    for folder in Path(tempfile.gettempdir()).glob(f"{_WORKDIR_PREFIX}*-*"):
        pid = folder.name[len(_WORKDIR_PREFIX) :].split("-", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except PermissionError:
            continue


@lru_cache(maxsize=1)
def _warm_up_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("dsreview 변환기 준비 (converter warm-up)")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


class _Broken(Exception):
    """The converter's pipe closed or answered nonsense: it died (crash, or killed)."""


# Converters are started from this one long-lived thread: bwrap dies with the thread that started
# it (its parent-death signal), and a conversion thread of `convert_many` ends after its batch.
_SPAWNER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dsreview-converter-spawn")


class _Converter:
    """One sandboxed LibreOffice. Used by one thread at a time (the pool hands it out)."""

    def __init__(self, pool: ConverterPool, index: int) -> None:
        self.pool = pool
        self.index = index
        self.process: subprocess.Popen[bytes] | None = None
        self._ready = False
        self._log: IO[bytes] | None = None
        self._launches = 0

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def launch(self) -> None:
        """Start the processes (returns at once; `ensure_ready` waits for them)."""
        # A fresh scratch folder and profile per launch: a crashed LibreOffice may leave its
        # profile locked, and nothing of the last document stays behind.
        self._launches += 1
        scratch = self.pool.workdir / f"scratch-{self.index}-{self._launches}"
        sandbox.prepare_scratch(scratch, self.pool.settings)
        argv = sandbox.host_argv(
            self.pool.settings, profile=scratch / "profile", filter_options=PDF_FILTER_OPTIONS
        )
        command, env = sandbox.command(self.pool.settings, scratch=scratch, argv=argv)
        self._log = self._log_path.open("ab")
        log = self._log
        self.process = _SPAWNER.submit(
            subprocess.Popen,
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log,
            env=env,
            start_new_session=True,
        ).result()
        self._ready = False

    def _read(self, size: int, deadline: float) -> bytes:
        process = self.process
        assert process is not None
        assert process.stdout is not None
        fd = process.stdout.fileno()
        data = bytearray()
        while len(data) < size:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise TimeoutError
            chunk = os.read(fd, min(size - len(data), 1 << 20))
            if not chunk:
                raise _Broken("the converter closed its output")
            data += chunk
        return bytes(data)

    def _reply(self, deadline: float) -> tuple[bytes, bytes]:
        kind, size = sandbox.FRAME.unpack(self._read(sandbox.FRAME.size, deadline))
        if kind not in (b"R", b"P", b"E"):
            raise _Broken(f"unexpected reply {kind!r}")
        return kind, self._read(size, deadline)

    def ensure_ready(self) -> None:
        if not self.alive:
            if self.process is not None:
                self.pool.restarts += 1
            self.shutdown()
            self.launch()
        if self._ready:
            return
        try:
            kind, _ = self._reply(time.monotonic() + _STARTUP_SECONDS)
        except TimeoutError:
            self.shutdown()
            raise ConversionError(f"PDF 변환기가 {_STARTUP_SECONDS:.0f}초 안에 준비되지 않았습니다") from None
        except _Broken:
            self.shutdown()
            raise ConversionError(
                f"PDF 변환기를 시작하지 못했습니다 (converter exited; see {self._log_path})"
            ) from None
        if kind != b"R":
            self.shutdown()
            raise ConversionError(f"PDF 변환기가 시작 중에 응답하지 않았습니다 (see {self._log_path})")
        self._warm_up()
        self._ready = True

    def _warm_up(self) -> None:
        """One small document first, outside any conversion's time limit: LibreOffice loads its
        Word import and PDF export on first use, which a document's own limit should not pay for."""
        try:
            self._send(_warm_up_docx())
            kind, payload = self._reply(time.monotonic() + _STARTUP_SECONDS)
        except (TimeoutError, _Broken):
            self.shutdown()
            raise ConversionError(f"PDF 변환기가 준비되지 않았습니다 (see {self._log_path})") from None
        if kind != b"P" or not payload.startswith(b"%PDF"):
            self.shutdown()
            raise ConversionError(f"PDF 변환기가 시험 문서를 변환하지 못했습니다 (see {self._log_path})")

    @property
    def _log_path(self) -> Path:
        return self.pool.workdir / f"converter-{self.index}.log"

    def _send(self, docx: bytes) -> None:
        process = self.process
        assert process is not None
        assert process.stdin is not None
        try:
            process.stdin.write(sandbox.REQUEST.pack(len(docx)) + docx)
            process.stdin.flush()
        except OSError as exc:
            raise _Broken(str(exc)) from None

    def convert(self, docx: bytes) -> bytes:
        self._send(docx)
        kind, payload = self._reply(time.monotonic() + self.pool.timeout)
        if kind == b"E":
            reason = " ".join(payload.decode("utf-8", "replace").split())
            raise ConversionError(f"PDF로 변환하지 못했습니다: {reason[-200:]}")
        return payload

    def shutdown(self) -> None:
        if self.process is not None:
            kill_group(self.process)
            for pipe in (self.process.stdin, self.process.stdout):
                if pipe is not None:
                    with contextlib.suppress(OSError):
                        pipe.close()
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
        # Kept for callers; every converter has a network of its own, so no ports are shared.
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
        _remove_dead_workdirs()
        self.workdir = Path(tempfile.mkdtemp(prefix=f"{_WORKDIR_PREFIX}{os.getpid()}-"))
        self.workdir.chmod(0o711)  # the converters' user passes through to its own scratch folder
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
                except _Broken as exc:
                    # The converter died under us (crash, or killed): restart it, try once more.
                    converter.shutdown()
                    if attempt == 2:
                        raise ConversionError(f"PDF 변환기가 응답하지 않습니다: {exc}") from None
                    self.restarts += 1
                    converter.process = None
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
