"""The audit trail (migration 0032): every change to the audited tables, append-only, and
the hash chain that seals it. Row triggers write `audit_log`; the sealer
(adapters/db/audit_chain.py) appends one `audit_seals` row per audit row, in `seq` order."""

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Column,
    DateTime,
    Index,
    LargeBinary,
    Sequence,
    Table,
    Text,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB

from adapters.db.tables.base import metadata

# Drawn by frontdoor_audit_write() (migration 0032): numbers commit out of order, which the
# sealer allows for (adapters/db/audit_chain.py).
audit_sequence = Sequence("audit_log_seq", metadata=metadata)

audit_log = Table(
    "audit_log",
    metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", Text, nullable=False),
    Column("request_id", Text),
    Column("entity", Text, nullable=False),
    Column("entity_id", Text, nullable=False),
    Column("action", Text, nullable=False),
    Column("before", JSONB),
    Column("after", JSONB),
    CheckConstraint("action IN ('create', 'update', 'delete', 'erase', 'import')", name="action"),
    Index("ix_audit_log_entity", "entity", "entity_id", text("seq DESC")),
)

# The chain: hash = sha256(previous hash || the row's canonical bytes), one row per audit row.
audit_seals = Table(
    "audit_seals",
    metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("prev_seq", BigInteger),
    Column("hash", LargeBinary, nullable=False),
)
