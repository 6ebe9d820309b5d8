"""Content-addressed, durable file storage."""

from __future__ import annotations

import hashlib
import io
import os
import stat
from pathlib import Path

import pytest

from dsreview.errors import NotFoundError, PayloadTooLargeError
from dsreview.store import BlobStore, safe_name


def test_put_is_content_addressed_and_deduplicated(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    data = "신청서".encode() * 1000
    first = store.put_bytes(data)
    second = store.put_stream(io.BytesIO(data))
    assert first == second
    assert first.sha256 == hashlib.sha256(data).hexdigest()
    path = store.path(first.sha256)
    assert path.read_bytes() == data
    assert path.parent.parent.parent == tmp_path / "blobs"
    assert not stat.S_IMODE(path.stat().st_mode) & 0o222  # read-only
    assert store.verify(first.sha256)
    assert list((tmp_path / "blobs" / "tmp").iterdir()) == []


def test_over_the_limit_leaves_nothing_behind(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    with pytest.raises(PayloadTooLargeError):
        store.put_stream(io.BytesIO(b"x" * 5000), max_bytes=4096)
    assert list((tmp_path / "blobs" / "tmp").iterdir()) == []
    assert [p for p in (tmp_path / "blobs").rglob("*") if p.is_file()] == []


def test_verify_detects_damage_and_bad_names(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    blob = store.put_bytes(b"original")
    path = store.path(blob.sha256)
    os.chmod(path, 0o644)
    path.write_bytes(b"damaged")
    assert not store.verify(blob.sha256)
    with pytest.raises(NotFoundError):
        store.path("../../etc/passwd")
    with pytest.raises(NotFoundError):
        store.read_bytes("0" * 64)


def test_materialise_names_files_and_cleans_up(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    a, b = store.put_bytes(b"a"), store.put_bytes(b"b")
    with store.materialise([(a.sha256, "등기사항전부증명서.pdf"), (b.sha256, "../../x.pdf")]) as paths:
        assert [p.read_bytes() for p in paths] == [b"a", b"b"]
        assert paths[0].name.endswith("등기사항전부증명서.pdf")
        assert paths[1].parent == paths[0].parent
        folder = paths[0].parent
    assert not folder.exists()
    assert store.verify(a.sha256)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a/b/c.pdf", "c.pdf"),
        ("..\\..\\x.pdf", "x.pdf"),
        ("", "file"),
        ("\x00\x01", "file"),
        ("신청서.pdf", "신청서.pdf"),
    ],
)
def test_safe_name(raw: str, expected: str) -> None:
    assert safe_name(raw) == expected


def test_safe_name_keeps_the_extension_of_long_names() -> None:
    name = safe_name("가" * 300 + ".pdf")
    assert len(name) == 120
    assert name.endswith(".pdf")
