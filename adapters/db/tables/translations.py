"""Translations of the catalog, departments, layers and referral targets (migration 0015)."""

from sqlalchemy import CheckConstraint, Column, DateTime, Table, Text, text
from sqlalchemy.dialects.postgresql import JSONB

from adapters.db.tables.base import metadata

# No foreign keys: a subject is a service, a department, a layer or `<layer>/<area code>`, and a
# referral target's translation outlives its area's re-import (the code stays, the id does not).
catalog_translations = Table(
    "catalog_translations",
    metadata,
    Column("subject", Text, primary_key=True),
    Column("subject_key", Text, primary_key=True),
    Column("language", Text, primary_key=True),
    Column("text", JSONB, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=text("now()")),
    CheckConstraint("subject IN ('service', 'department', 'layer', 'referral')", name="subject"),
)
