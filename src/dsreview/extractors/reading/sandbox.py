"""Run work on untrusted input in forked child processes with resource limits.

Each task runs in its own child (fork: cheap once pdfium and Pillow are imported), limited in
address space (RLIMIT_AS), CPU time, file size and wall time (the parent kills it). The child sends
its result as bytes through a pipe; the parent never trusts those bytes beyond decoding them as
data. Whatever happens in a child (exception, MemoryError, crash, signal, timeout), the parent gets
a `ChildResult` saying so, never an exception.
"""

from __future__ import annotations

import contextlib
import faulthandler
import gc
import json
import math
import os
import resource
import selectors
import signal
import time
import warnings
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from dsreview.config import Limits

EXIT_OK = 0
EXIT_MEMORY = 3
EXIT_ERROR = 4
_CHUNK = 1 << 16
_MAX_OUTPUT = 512 * 1024 * 1024  # a child describing words never needs this much
_MAX_WRITTEN_FILE = 512 * 1024 * 1024  # RLIMIT_FSIZE: page images the child writes

Task = Callable[[], bytes]


@dataclass(frozen=True, slots=True)
class ChildResult:
    output: bytes
    exit_code: int | None  # None when killed by a signal
    signal: int | None
    timed_out: bool
    overflow: bool
    max_rss: int  # bytes, peak resident set of the child
    seconds: float

    @property
    def ok(self) -> bool:
        return self.exit_code == EXIT_OK and not self.timed_out and not self.overflow


@dataclass(slots=True)
class _Running:
    index: int
    pid: int
    fd: int  # read end of the child's pipe
    pidfd: int  # readable once the child has exited
    started: float
    deadline: float
    chunks: list[bytes]
    size: int = 0
    eof: bool = False
    timed_out: bool = False
    overflow: bool = False


def _apply_limits(limits: Limits) -> None:
    cpu = math.ceil(limits.timeout_seconds) + 1
    resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_FSIZE, (_MAX_WRITTEN_FILE, _MAX_WRITTEN_FILE))


def _child(task: Task, write_fd: int, limits: Limits) -> None:
    """Runs in the forked child and never returns."""
    code = EXIT_ERROR
    try:
        # The collector would walk every object inherited from the parent, copying their pages;
        # a child lives a few milliseconds to seconds under a memory limit: no collection needed.
        gc.disable()
        faulthandler.disable()  # a crash is reported by the parent, never as a traceback
        # Libraries warn about the odd bytes of hostile files (Pillow: "Corrupt EXIF data"); with
        # nobody to read them, and the parent's filters possibly turning them into errors, mute them.
        warnings.resetwarnings()
        warnings.simplefilter("ignore")
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        # Keep only the pipe: no inherited socket, log or database file is reachable from here.
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
        os.closerange(3, write_fd)
        open_max = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
        os.closerange(write_fd + 1, open_max if open_max > 0 else 1 << 16)
        _apply_limits(limits)
        try:
            data = task()
            code = EXIT_OK
        except MemoryError:
            data, code = b"", EXIT_MEMORY
        except BaseException as exc:  # the child must end in an exit code the parent understands
            data = json.dumps({"error": type(exc).__name__, "message": str(exc)[:300]}).encode()
        view = memoryview(data)
        while view:
            view = view[os.write(write_fd, view[:_CHUNK]) :]
    finally:
        os._exit(code)


def _start(index: int, task: Task, limits: Limits) -> _Running:
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child's coverage is not collected
        os.close(read_fd)
        _child(task, write_fd, limits)
    os.close(write_fd)
    os.set_blocking(read_fd, False)
    now = time.monotonic()
    return _Running(index, pid, read_fd, os.pidfd_open(pid), now, now + limits.timeout_seconds, [])


def _read(run: _Running) -> bool:
    """Read what the child has written so far; False at end of file."""
    while True:
        try:
            chunk = os.read(run.fd, _CHUNK)
        except BlockingIOError:
            return True
        if not chunk:
            return False
        run.chunks.append(chunk)
        run.size += len(chunk)
        if run.size > _MAX_OUTPUT:
            run.overflow = True
            return False


def _finish(run: _Running) -> ChildResult:
    os.close(run.fd)
    os.close(run.pidfd)
    _, status, usage = os.wait4(run.pid, 0)
    return ChildResult(
        output=b"".join(run.chunks),
        exit_code=os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
        signal=os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
        timed_out=run.timed_out,
        overflow=run.overflow,
        max_rss=usage.ru_maxrss * 1024,
        seconds=time.monotonic() - run.started,
    )


def _kill(run: _Running) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(run.pid, signal.SIGKILL)


def run_isolated(
    tasks: Sequence[Task],
    *,
    limits: Limits,
    workers: int,
    on_done: Callable[[int, ChildResult], None] | None = None,
) -> list[ChildResult]:
    """Run each task in a limited child, at most `workers` at once; results in task order.

    `on_done(index, result)` is called from the calling thread as each child ends.
    """
    results: list[ChildResult | None] = [None] * len(tasks)
    pending = deque(range(len(tasks)))
    running: dict[int, _Running] = {}  # by pid
    selector = selectors.DefaultSelector()

    def close(run: _Running) -> ChildResult:
        if not run.eof:
            selector.unregister(run.fd)
        selector.unregister(run.pidfd)
        del running[run.pid]
        return _finish(run)

    def done(run: _Running) -> None:
        result = close(run)
        results[run.index] = result
        if on_done is not None:
            on_done(run.index, result)

    try:
        while pending or running:
            while pending and len(running) < max(1, workers):
                index = pending.popleft()
                run = _start(index, tasks[index], limits)
                running[run.pid] = run
                selector.register(run.fd, selectors.EVENT_READ, run)
                selector.register(run.pidfd, selectors.EVENT_READ, run)
            now = time.monotonic()
            for run in [r for r in running.values() if r.deadline <= now]:
                run.timed_out = True
                _kill(run)
                done(run)
            if not running:
                continue
            wait = max(0.0, min(r.deadline for r in running.values()) - now)
            for key, _ in selector.select(wait):
                run = key.data
                if run.pid not in running:
                    continue  # already finished in this round
                if key.fd == run.pidfd:  # exited: what it wrote last is still in the pipe
                    if not run.eof:
                        _read(run)
                    done(run)
                elif not _read(run):
                    if run.overflow:
                        _kill(run)  # its exit will wake us through the pidfd
                    selector.unregister(run.fd)
                    run.eof = True
    finally:
        for run in list(running.values()):
            _kill(run)
            close(run)
        selector.close()
    return [r for r in results if r is not None]
