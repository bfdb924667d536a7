"""media blobs

Revision ID: 20261125_0013
Revises: 20261125_0012
Create Date: 2026-11-25 16:00:00

Photo bytes in PostgreSQL (FRONTDOOR_MEDIA_BACKEND=postgres), so API machines need no shared
volume. Keyed by the SHA-256 of the bytes, like the disk store.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261125_0013"
down_revision: str | None = "20261125_0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "media_blobs",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("bytes", sa.LargeBinary(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint("key ~ '^[0-9a-f]{64}$'", name=op.f("ck_media_blobs_key")),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_media_blobs")),
    )
    # JPEG, PNG and WebP are compressed already: keep them out of line without trying pglz.
    op.execute("ALTER TABLE media_blobs ALTER COLUMN bytes SET STORAGE EXTERNAL")


def downgrade() -> None:
    op.drop_table("media_blobs")
