"""Processes that do not outlive their parent, and a start that reaps what a killed run left.

A worker leads a process group of its own (its parse children, Tesseract and the converters'
sandboxes are in it) and records itself in `data_dir/run/<host>-<pid>`. A start looks at the
records of its host: a recorded worker that is gone had its group killed (SIGKILL) and its
scratch folders removed. Under `serve` the worker also gets SIGTERM when `serve` dies.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import signal
import socket
from collections.abc import Callable
from pathlib import Path

from dsreview.config import Settings
from dsreview.store import BlobStore

log = logging.getLogger("dsreview.jobs")
_PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid: int, sig: int = signal.SIGTERM) -> None:
    """Ask the kernel for `sig` when the parent dies; exit now if it already has."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(sig), 0, 0, 0)
    if os.getppid() != parent_pid:
        os._exit(0)  # the parent died before the request took effect


def lead_group() -> None:
    """Make this process the leader of a process group of its own (its children join it)."""
    if os.getpgid(0) != os.getpid():
        os.setpgid(0, 0)


def _reaches(send: Callable[[int, int], None], target: int) -> bool:
    """Does signal 0 reach the process (group)? One of another user's is there too."""
    try:
        send(target, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def pid_alive(pid: int) -> bool:
    return _reaches(os.kill, pid)


def _group_alive(pgid: int) -> bool:
    return _reaches(os.killpg, pgid)


def _run_dir(settings: Settings) -> Path:
    return settings.data_dir / "run"


def reap_previous(settings: Settings) -> list[int]:
    """Kill the process groups and remove the scratch folders of this host's dead workers."""
    folder = _run_dir(settings)
    host = socket.gethostname()
    blobs = BlobStore(settings.blob_dir)
    reaped: list[int] = []
    for record in folder.glob(f"{host}-*"):
        try:
            pid = int(record.name.rsplit("-", 1)[1])
        except ValueError:
            continue
        if pid == os.getpid() or pid_alive(pid):
            continue  # another worker of this host, still running
        if _group_alive(pid):
            # The leader is gone but its group lives on: a parse child, Tesseract, a sandbox.
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(pid, signal.SIGKILL)
        folders = blobs.remove_work_folders(host=host, pid=pid)
        record.unlink(missing_ok=True)
        reaped.append(pid)
        log.warning("reaped what worker %s left (its processes, %d scratch folders)", pid, folders)
    return reaped


def register(settings: Settings) -> Path:
    """Record this worker; `unregister` when it stops cleanly."""
    folder = _run_dir(settings)
    folder.mkdir(parents=True, exist_ok=True)
    record = folder / f"{socket.gethostname()}-{os.getpid()}"
    record.write_text(f"{os.getpid()}\n", encoding="ascii")
    return record


def unregister(record: Path) -> None:
    record.unlink(missing_ok=True)
