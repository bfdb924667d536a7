"""notifications

Revision ID: 20261125_0010
Revises: 20261125_0009
Create Date: 2026-11-25 11:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261125_0010"
down_revision: str | None = "20261125_0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "notification_deliveries",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("event_id", sa.UUID(), nullable=False),
        sa.Column("request_id", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("channel", sa.Text(), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_notification_deliveries")),
    )
    op.create_index(
        "ix_notification_deliveries_request_id",
        "notification_deliveries",
        ["request_id"],
        unique=False,
    )
    # `email_updates` was an opt-in nothing read; residents now hear by email unless they choose
    # `sms` or opt out with `none`.
    op.add_column(
        "residents",
        sa.Column("contact_preference", sa.Text(), server_default="email", nullable=False),
    )
    op.create_check_constraint(
        op.f("ck_residents_contact_preference"),
        "residents",
        "contact_preference IN ('email', 'sms', 'none')",
    )
    op.drop_column("residents", "email_updates")


def downgrade() -> None:
    op.add_column(
        "residents",
        sa.Column("email_updates", sa.Boolean(), server_default=sa.text("false"), nullable=False),
    )
    op.execute(
        "UPDATE residents SET email_updates = (contact_preference = 'email' AND emails <> '{}')"
    )
    op.drop_constraint(op.f("ck_residents_contact_preference"), "residents", type_="check")
    op.drop_column("residents", "contact_preference")
    op.drop_index("ix_notification_deliveries_request_id", table_name="notification_deliveries")
    op.drop_table("notification_deliveries")
