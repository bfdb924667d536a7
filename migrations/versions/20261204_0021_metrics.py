"""metrics: call records and the indexes of the leaders' figures

Revision ID: 20261204_0021
Revises: 20261204_0017
Create Date: 2026-12-04 20:00:00

Call records come from the phone system (CSV). The metrics count contacts at their start
(or creation), requests when they came in and when they closed, and the backlog of what is
open: each gets an index on that instant, so a window is a range scan.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261204_0021"
down_revision: str | None = "20261204_0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "call_records",
        sa.Column("call_id", sa.Text(), nullable=False),
        sa.Column("queue", sa.Text(), nullable=False),
        sa.Column("offered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("abandoned_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("agent", sa.Text(), nullable=True),
        sa.Column(
            "imported_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "(answered_at IS NULL) <> (abandoned_at IS NULL)",
            name=op.f("ck_call_records_answered_or_abandoned"),
        ),
        sa.PrimaryKeyConstraint("call_id", name=op.f("pk_call_records")),
    )
    op.create_index(
        "ix_call_records_offered_at",
        "call_records",
        ["offered_at"],
        postgresql_include=["queue", "answered_at", "abandoned_at"],
    )
    op.create_index("ix_cases_counted_at", "cases", [sa.text("coalesce(started_at, created_at)")])
    op.create_index(
        "ix_cases_call_id", "cases", ["call_id"], postgresql_where=sa.text("call_id IS NOT NULL")
    )
    op.create_index(
        "ix_service_requests_closed_at",
        "service_requests",
        ["closed_at"],
        postgresql_include=["requested_at", "expected_at", "department_code", "service_code"],
        postgresql_where=sa.text("closed_at IS NOT NULL"),
    )
    op.create_index(
        "ix_service_requests_open_requested",
        "service_requests",
        ["requested_at"],
        postgresql_include=["expected_at"],
        postgresql_where=sa.text("status <> 'closed'"),
    )


def downgrade() -> None:
    op.drop_index("ix_service_requests_open_requested", table_name="service_requests")
    op.drop_index("ix_service_requests_closed_at", table_name="service_requests")
    op.drop_index("ix_cases_call_id", table_name="cases")
    op.drop_index("ix_cases_counted_at", table_name="cases")
    op.drop_index("ix_call_records_offered_at", table_name="call_records")
    op.drop_table("call_records")
