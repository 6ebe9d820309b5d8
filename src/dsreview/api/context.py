"""What every request needs, built once per app: settings, database, blobs, queue, token key, and
the sign-in throttle."""

from __future__ import annotations

from dataclasses import dataclass

from dsreview.config import Settings
from dsreview.jobs.queue import JobQueue
from dsreview.services.throttle import SignInGuard
from dsreview.store import BlobStore, Database


@dataclass(frozen=True, slots=True)
class AppContext:
    settings: Settings
    db: Database
    blobs: BlobStore
    queue: JobQueue
    key: str
    signin: SignInGuard
