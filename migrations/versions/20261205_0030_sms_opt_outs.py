"""sms opt-outs

Revision ID: 20261205_0030
Revises: 20261205_0028
Create Date: 2026-12-05 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261205_0030"
down_revision: str | None = "20261205_0028"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The phones that texted STOP (carrier keywords): they get no text until they text START.
    op.create_table(
        "sms_opt_outs",
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("opted_out_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("address", name=op.f("pk_sms_opt_outs")),
    )


def downgrade() -> None:
    op.drop_table("sms_opt_outs")
