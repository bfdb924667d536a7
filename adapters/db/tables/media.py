"""Media: the photos attached to requests, and their bytes when PostgreSQL stores them."""

from sqlalchemy import (
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    Table,
    Text,
)
from sqlalchemy.dialects.postgresql import UUID

from adapters.db.tables.base import NOW, metadata
from adapters.db.tables.directory import users
from adapters.db.tables.requests import service_requests

media = Table(
    "media",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("request_id", Text, ForeignKey(service_requests.c.id, ondelete="CASCADE")),
    Column("visibility", Text, nullable=False),
    Column("content_type", Text, nullable=False),
    Column("byte_size", Integer, nullable=False),
    Column("width", Integer, nullable=False),
    Column("height", Integer, nullable=False),
    Column("sha256", Text, nullable=False),
    Column("storage_key", Text, nullable=False),
    Column("uploaded_by", UUID(as_uuid=True), ForeignKey(users.c.id)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    CheckConstraint("visibility IN ('public', 'internal')", name="visibility"),
    Index("ix_media_request_id", "request_id"),
)

# The photo bytes when FRONTDOOR_MEDIA_BACKEND=postgres (adapters/media/pg_store.py): keyed like
# the disk store, by the SHA-256 of the bytes, so `media.storage_key` means the same in both.
media_blobs = Table(
    "media_blobs",
    metadata,
    Column("key", Text, primary_key=True),
    Column("bytes", LargeBinary, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=NOW),
    CheckConstraint("key ~ '^[0-9a-f]{64}$'", name="key"),
)
