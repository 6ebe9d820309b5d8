"""Whether an exception means the storage failed (a read-only or full data directory, a database
that cannot be written): such a request is answered 503 with a message, not a bare 500."""

from __future__ import annotations

import errno

from sqlalchemy.exc import OperationalError

_ERRNOS = {errno.EROFS, errno.ENOSPC, errno.EDQUOT, errno.EACCES, errno.EPERM, errno.EIO}
# SQLite's own words for the same conditions (sqlite3.OperationalError messages).
_SQLITE = ("readonly", "read-only", "disk i/o", "database or disk is full", "unable to open", "disk is full")


def storage_failure(exc: BaseException) -> str | None:
    """A short reason when `exc` (or what caused it) is a storage failure, else None."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno in _ERRNOS:
            return errno.errorcode.get(current.errno or 0, "OSError")
        if isinstance(current, OperationalError):
            message = str(current.orig).lower()
            if any(marker in message for marker in _SQLITE):
                return message[:80]
        current = current.__cause__ or current.__context__
    return None
