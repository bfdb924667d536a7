"""retention indexes

Revision ID: 20261125_0012
Revises: 20261125_0011
Create Date: 2026-11-25 14:40:00

The hourly retention sweep deletes by age in small batches; without an index on the age
column each batch would read its table from the start, which grows with the backlog.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261125_0012"
down_revision: str | None = "20261125_0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_handled_events_handled_at", "handled_events", ["handled_at"])
    op.create_index("ix_notification_deliveries_sent_at", "notification_deliveries", ["sent_at"])
    op.create_index(
        "ix_webhook_deliveries_settled_created",
        "webhook_deliveries",
        ["created_at"],
        postgresql_where=sa.text("status <> 'pending'"),
    )
    op.create_index("ix_rate_limits_window_start", "rate_limits", ["window_start"])


def downgrade() -> None:
    op.drop_index("ix_rate_limits_window_start", table_name="rate_limits")
    op.drop_index("ix_webhook_deliveries_settled_created", table_name="webhook_deliveries")
    op.drop_index("ix_notification_deliveries_sent_at", table_name="notification_deliveries")
    op.drop_index("ix_handled_events_handled_at", table_name="handled_events")
