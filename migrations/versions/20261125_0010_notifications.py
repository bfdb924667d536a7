"""notifications

Revision ID: 20261125_0010
Revises: 20261125_0009
Create Date: 2026-11-25 11:50:00
"""

from collections.abc import Sequence

revision: str = "20261125_0010"
down_revision: str | None = "20261125_0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
