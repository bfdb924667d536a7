"""anonymization

Revision ID: 20261205_0036
Revises: 20261205_0031
Create Date: 2026-12-05 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261205_0036"
down_revision: str | None = "20261205_0031"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # When a request's or resident's personal data was taken out: the scheduled job picks only
    # rows not done yet, so a second run finds nothing.
    op.add_column(
        "service_requests", sa.Column("anonymized_at", sa.DateTime(timezone=True), nullable=True)
    )
    op.add_column(
        "residents", sa.Column("anonymized_at", sa.DateTime(timezone=True), nullable=True)
    )
    op.add_column("cases", sa.Column("anonymized_at", sa.DateTime(timezone=True), nullable=True))
    op.create_index(
        "ix_service_requests_to_anonymize",
        "service_requests",
        ["closed_at"],
        postgresql_where=sa.text("closed_at IS NOT NULL AND anonymized_at IS NULL"),
    )
    # The residents the job may blank, and what it asks of each: does a message name them?
    op.create_index(
        "ix_residents_to_anonymize",
        "residents",
        ["updated_at"],
        postgresql_where=sa.text("anonymized_at IS NULL"),
    )
    op.create_index(
        "ix_messages_resident_id",
        "messages",
        ["resident_id"],
        postgresql_where=sa.text("resident_id IS NOT NULL"),
    )
    op.create_index(
        "ix_cases_to_anonymize",
        "cases",
        ["updated_at"],
        postgresql_where=sa.text("anonymized_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_cases_to_anonymize", table_name="cases")
    op.drop_index("ix_messages_resident_id", table_name="messages")
    op.drop_index("ix_residents_to_anonymize", table_name="residents")
    op.drop_index("ix_service_requests_to_anonymize", table_name="service_requests")
    op.drop_column("cases", "anonymized_at")
    op.drop_column("residents", "anonymized_at")
    op.drop_column("service_requests", "anonymized_at")
