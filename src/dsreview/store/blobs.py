"""Content-addressed file storage: a file's name is its SHA-256, written durably before use.

A write goes to a temporary file in the same file system, is fsynced, renamed into place and the
folder fsynced, so a file the database refers to survives a crash or a power cut. Identical
content is stored once.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import socket
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from dsreview.errors import NotFoundError, PayloadTooLargeError

_CHUNK = 1024 * 1024
_HEX = re.compile(r"^[0-9a-f]{64}$")
WORK_PREFIX = "work-"


@dataclass(frozen=True, slots=True)
class StoredBlob:
    sha256: str
    size: int


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._tmp = root / "tmp"

    def remove_work_folders(self, *, host: str, pid: int) -> int:
        """Remove the scratch folders a (dead) process of this host left; how many."""
        removed = 0
        for folder in self._tmp.glob(f"{WORK_PREFIX}{host}-{pid}-*"):
            shutil.rmtree(folder, ignore_errors=True)
            removed += 1
        return removed

    def path(self, sha256: str) -> Path:
        if not _HEX.match(sha256):
            raise NotFoundError("파일을 찾을 수 없습니다.", detail={"sha256": sha256})
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def _ensure_dirs(self, final: Path) -> None:
        created: list[Path] = []
        for folder in (self.root, final.parent.parent, final.parent):
            if not folder.is_dir():
                folder.mkdir(parents=True, exist_ok=True)
                created.append(folder)
        # A new folder is only durable once its parent's entry is.
        for folder in created:
            _fsync_dir(folder.parent)

    def put_stream(self, stream: BinaryIO, *, max_bytes: int | None = None) -> StoredBlob:
        """Store a stream; `PayloadTooLargeError` if it holds more than `max_bytes`."""
        self._tmp.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        fd, tmp_name = tempfile.mkstemp(dir=self._tmp)
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out:
                while chunk := stream.read(_CHUNK):
                    size += len(chunk)
                    if max_bytes is not None and size > max_bytes:
                        raise PayloadTooLargeError(
                            "업로드 크기 제한을 넘었습니다.", detail={"max_bytes": max_bytes}
                        )
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            final = self.path(sha)
            if final.is_file():
                tmp.unlink()
            else:
                self._ensure_dirs(final)
                os.chmod(tmp, 0o444)  # content-addressed files never change
                os.replace(tmp, final)
                _fsync_dir(final.parent)
            return StoredBlob(sha256=sha, size=size)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

    def put_bytes(self, data: bytes) -> StoredBlob:
        import io

        return self.put_stream(io.BytesIO(data))

    def read_bytes(self, sha256: str) -> bytes:
        path = self.path(sha256)
        if not path.is_file():
            raise NotFoundError("파일을 찾을 수 없습니다.", detail={"sha256": sha256})
        return path.read_bytes()

    def verify(self, sha256: str) -> bool:
        """True when the stored file still hashes to its name."""
        path = self.path(sha256)
        if not path.is_file():
            return False
        digest = hashlib.sha256()
        with path.open("rb") as f:
            while chunk := f.read(_CHUNK):
                digest.update(chunk)
        return digest.hexdigest() == sha256

    @contextmanager
    def materialise(self, items: list[tuple[str, str]]) -> Iterator[list[Path]]:
        """Temporary paths named after the given (sha256, name) pairs, for tools that want file names.

        Hard links where the file system allows, copies otherwise; removed afterwards.
        """
        self._tmp.mkdir(parents=True, exist_ok=True)
        # Named after this process, so that a later start can remove what a killed one left.
        prefix = f"{WORK_PREFIX}{socket.gethostname()}-{os.getpid()}-"
        with tempfile.TemporaryDirectory(dir=self._tmp, prefix=prefix) as folder:
            paths: list[Path] = []
            for index, (sha, name) in enumerate(items):
                source = self.path(sha)
                if not source.is_file():
                    raise NotFoundError("저장된 파일이 없습니다.", detail={"sha256": sha})
                target = Path(folder) / f"{index:03d}_{safe_name(name)}"
                try:
                    os.link(source, target)
                except OSError:
                    target.write_bytes(source.read_bytes())
                paths.append(target)
            yield paths


def safe_name(name: str) -> str:
    """A file name without folders or control characters, at most 120 characters, never empty."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = "".join(ch for ch in base if ch.isprintable() and ch not in '<>:"|?*').strip(" .")
    if len(cleaned) > 120:
        stem, dot, ext = cleaned.rpartition(".")
        cleaned = (stem[: 120 - len(ext) - 1] + dot + ext) if dot and len(ext) <= 10 else cleaned[:120]
    return cleaned or "file"
