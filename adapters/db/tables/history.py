"""Requests imported from a city's history (migration 0022)."""

from sqlalchemy import Column, DateTime, Index, Table, Text, text

from adapters.db.tables.base import metadata
from adapters.db.tables.requests import service_requests

# One row per imported source record: (source, source id) is what makes a re-import add
# nothing; `source_type` is the source's own type name, which the catalog may not have.
# No foreign key on request_id: it is written in the same statement as the request.
imported_requests = Table(
    "imported_requests",
    metadata,
    Column("source", Text, primary_key=True),
    Column("source_id", Text, primary_key=True),
    Column("request_id", Text, nullable=False),
    Column("source_type", Text, nullable=False, server_default=""),
    Column("imported_at", DateTime(timezone=True), nullable=False, server_default=text("now()")),
)

# Staff find requests by the source's id (or a partner's work-order number).
external_id_index = Index("ix_service_requests_external_id", service_requests.c.external_id)
