"""satisfaction survey: one decision and one answer per closed request

Revision ID: 20261205_0029
Revises: 20261205_0030
Create Date: 2026-12-05 08:40:00

`survey_invitations` keeps whether a request's reporter was asked (and by which channel) or
why not, so nobody is asked twice; `survey_answers` the one answer, placed by the request's
department, service and intake channel for the figures. The comment is for staff only.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261205_0029"
down_revision: str | None = "20261205_0030"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _request_id() -> sa.Column:
    return sa.Column(
        "request_id",
        sa.Text(),
        sa.ForeignKey("service_requests.id", ondelete="CASCADE"),
        primary_key=True,
    )


def upgrade() -> None:
    op.create_table(
        "survey_invitations",
        _request_id(),
        sa.Column("invited_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("channel", sa.Text()),
        sa.Column("skipped", sa.Text()),
    )
    op.create_index("ix_survey_invitations_invited_at", "survey_invitations", ["invited_at"])
    op.create_table(
        "survey_answers",
        _request_id(),
        sa.Column("score", sa.SmallInteger(), nullable=False),
        sa.Column("comment", sa.Text()),
        sa.Column("channel", sa.Text(), nullable=False),
        sa.Column("department_code", sa.Text(), nullable=False),
        sa.Column("service_code", sa.Text(), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("score BETWEEN 1 AND 5", name="ck_survey_answers_score"),
    )
    op.create_index("ix_survey_answers_answered_at", "survey_answers", ["answered_at"])


def downgrade() -> None:
    op.drop_index("ix_survey_answers_answered_at", table_name="survey_answers")
    op.drop_table("survey_answers")
    op.drop_index("ix_survey_invitations_invited_at", table_name="survey_invitations")
    op.drop_table("survey_invitations")
