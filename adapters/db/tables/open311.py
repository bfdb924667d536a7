"""Tables of the Open311 API and of API keys (migration 0007)."""

from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Index, Table, Text, text
from sqlalchemy.dialects.postgresql import UUID

from adapters.db.tables.base import NOW, metadata
from adapters.db.tables.directory import departments
from adapters.db.tables.requests import service_requests

api_keys = Table(
    "api_keys",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("name", Text, nullable=False),
    Column("role", Text, nullable=False),
    Column("department_code", Text, ForeignKey(departments.c.code)),
    # SHA-256 of the secret, hex: the secret itself is shown once and never stored
    Column("secret_hash", Text, nullable=False, unique=True),
    Column("active", Boolean, nullable=False, server_default=text("true")),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=NOW),
    Column("last_used_at", DateTime(timezone=True)),
    Column("revoked_at", DateTime(timezone=True)),
)

# One row per request that came in through Open311: its token, the client's own ids and the
# media URL it sent. Reporter data lives on the request, as for every channel.
open311_submissions = Table(
    "open311_submissions",
    metadata,
    Column(
        "request_id",
        Text,
        ForeignKey(service_requests.c.id, ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("token", Text, nullable=False, unique=True),
    Column("api_key_id", UUID(as_uuid=True), ForeignKey(api_keys.c.id)),
    Column("device_id", Text),
    Column("account_id", Text),
    Column("media_url", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_open311_submissions_api_key_id", "api_key_id"),
)
