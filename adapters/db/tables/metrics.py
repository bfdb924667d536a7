"""Call records from the phone system, and the indexes the metrics read (migration 0021)."""

from sqlalchemy import CheckConstraint, Column, DateTime, Index, Table, Text, func, text

from adapters.db.tables.base import metadata
from adapters.db.tables.cases import cases
from adapters.db.tables.requests import service_requests

call_records = Table(
    "call_records",
    metadata,
    Column("call_id", Text, primary_key=True),
    Column("queue", Text, nullable=False),
    Column("offered_at", DateTime(timezone=True), nullable=False),
    Column("answered_at", DateTime(timezone=True)),
    Column("abandoned_at", DateTime(timezone=True)),
    Column("ended_at", DateTime(timezone=True)),
    Column("agent", Text),
    Column("imported_at", DateTime(timezone=True), nullable=False, server_default=text("now()")),
    CheckConstraint(
        "(answered_at IS NULL) <> (abandoned_at IS NULL)", name="answered_or_abandoned"
    ),
    Index(
        "ix_call_records_offered_at",
        "offered_at",
        postgresql_include=["queue", "answered_at", "abandoned_at"],
    ),
)

# A contact counts at its start, or its creation when the start is not known.
CONTACT_AT = func.coalesce(cases.c.started_at, cases.c.created_at)

Index("ix_cases_counted_at", CONTACT_AT)
Index("ix_cases_call_id", cases.c.call_id, postgresql_where=text("call_id IS NOT NULL"))
# What the closed figures read, in the index: an index-only scan of the window.
CLOSED_FIGURES = ["requested_at", "expected_at", "department_code", "service_code"]
Index(
    "ix_service_requests_closed_at",
    service_requests.c.closed_at,
    postgresql_include=CLOSED_FIGURES,
    postgresql_where=text("closed_at IS NOT NULL"),
)
# The backlog: what is open now, by when it came in.
Index(
    "ix_service_requests_open_requested",
    service_requests.c.requested_at,
    postgresql_include=["expected_at"],
    postgresql_where=text("status <> 'closed'"),
)
