"""Storage: SQLAlchemy models, repositories (all queries), Alembic migrations and the blob store."""

from dsreview.store.blobs import BlobStore, StoredBlob, safe_name
from dsreview.store.db import Database, make_engine

__all__ = ["BlobStore", "Database", "StoredBlob", "make_engine", "safe_name"]
