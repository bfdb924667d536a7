"""public submissions: anonymous services, spent bot-check challenges, request followers

Revision ID: 20261205_0026
Revises: 20261205_0025
Create Date: 2026-12-05 06:00:00

The residents' web front door (issue 14). A service says whether the public form may send it
without contact details (off for every existing service). A proof-of-work challenge is good
once: its digest is kept until it would have expired anyway. A follower is an email address
that asked for a request's updates; it hears nothing until it confirms (double opt-in).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

revision: str = "20261205_0026"
down_revision: str | None = "20261205_0025"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "services",
        sa.Column(
            "anonymous_allowed", sa.Boolean(), server_default=sa.text("false"), nullable=False
        ),
    )
    op.create_table(
        "spent_challenges",
        sa.Column("digest", sa.Text(), primary_key=True),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("spent_challenges_expires_at", "spent_challenges", ["expires_at"])
    op.create_table(
        "request_followers",
        sa.Column("id", UUID(as_uuid=True), primary_key=True),
        sa.Column(
            "request_id",
            sa.Text(),
            sa.ForeignKey("service_requests.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("email", sa.Text(), nullable=False),
        sa.Column("language", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(timezone=True)),
    )
    op.create_index("request_followers_request", "request_followers", ["request_id"])


def downgrade() -> None:
    op.drop_index("request_followers_request", table_name="request_followers")
    op.drop_table("request_followers")
    op.drop_index("spent_challenges_expires_at", table_name="spent_challenges")
    op.drop_table("spent_challenges")
    op.drop_column("services", "anonymous_allowed")
