"""article feedback: what residents answer to "Was this helpful?"

Revision ID: 20261205_0025
Revises: 20261205_0027
Create Date: 2026-12-05 06:00:00

One row per answer on a public article, so writers see which answers keep calls away. Only
the answer and its time are kept: nothing about the reader, not even an address.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261205_0025"
down_revision: str | None = "20261205_0027"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "article_feedback",
        sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True),
        sa.Column(
            "article_id",
            sa.BigInteger(),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("helpful", sa.Boolean(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_article_feedback_article", "article_feedback", ["article_id"])


def downgrade() -> None:
    op.drop_index("ix_article_feedback_article", table_name="article_feedback")
    op.drop_table("article_feedback")
