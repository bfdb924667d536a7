"""inbox: messages by email and text, and the Inbox queue of cases

Revision ID: 20261205_0028
Revises: 20261205_0026
Create Date: 2026-12-05 09:00:00

Every channel lands in one inbox (issue 15). A message, in or out, is stored once per channel
and external id (a resent email or text is kept once) on its case or request. A case waiting
for an agent is `in_inbox`; its partial index keeps the Inbox queue cheap however many cases
there are.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

revision: str = "20261205_0028"
down_revision: str | None = "20261205_0026"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "cases",
        sa.Column("in_inbox", sa.Boolean(), server_default=sa.text("false"), nullable=False),
    )
    op.create_index(
        "ix_cases_inbox",
        "cases",
        [sa.text("updated_at DESC")],
        postgresql_where=sa.text("in_inbox"),
    )
    op.create_table(
        "messages",
        sa.Column("id", UUID(as_uuid=True), nullable=False),
        sa.Column("channel", sa.Text(), nullable=False),
        sa.Column("direction", sa.Text(), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("subject", sa.Text(), server_default="", nullable=False),
        sa.Column("body", sa.Text(), server_default="", nullable=False),
        sa.Column("external_id", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "case_id",
            UUID(as_uuid=True),
            sa.ForeignKey("cases.id", name="fk_messages_case_id_cases", ondelete="CASCADE"),
        ),
        sa.Column(
            "request_id",
            sa.Text(),
            sa.ForeignKey(
                "service_requests.id",
                name="fk_messages_request_id_service_requests",
                ondelete="CASCADE",
            ),
        ),
        sa.Column(
            "resident_id",
            UUID(as_uuid=True),
            sa.ForeignKey(
                "residents.id", name="fk_messages_resident_id_residents", ondelete="SET NULL"
            ),
        ),
        sa.Column("thread_ids", ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column("attachments", JSONB(), server_default=sa.text("'[]'::jsonb"), nullable=False),
        sa.Column(
            "author_id",
            UUID(as_uuid=True),
            sa.ForeignKey("users.id", name="fk_messages_author_id_users"),
        ),
        sa.Column("read_at", sa.DateTime(timezone=True)),
        sa.Column("sent_at", sa.DateTime(timezone=True)),
        sa.Column("language", sa.Text()),
        sa.CheckConstraint("channel IN ('email', 'text')", name="ck_messages_channel"),
        sa.CheckConstraint("direction IN ('in', 'out')", name="ck_messages_direction"),
        sa.PrimaryKeyConstraint("id", name="pk_messages"),
    )
    op.create_index("ux_messages_external_id", "messages", ["external_id", "channel"], unique=True)
    op.create_index("ix_messages_address", "messages", ["channel", "address", sa.text("at DESC")])
    op.create_index(
        "ix_messages_case_id",
        "messages",
        ["case_id", "at"],
        postgresql_where=sa.text("case_id IS NOT NULL"),
    )
    op.create_index(
        "ix_messages_request_id",
        "messages",
        ["request_id", "at"],
        postgresql_where=sa.text("request_id IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_table("messages")
    op.drop_index("ix_cases_inbox", table_name="cases")
    op.drop_column("cases", "in_inbox")
