"""function search paths: a pg_dump of the database restores

Revision ID: 20261205_0031
Revises: 20261205_0029
Create Date: 2026-12-05 09:10:00

pg_restore runs with an empty search_path (pg_dump writes `set_config('search_path', '',
false)` at the top of every dump), and it computes the articles' generated search columns
while it loads them. The article and search functions called `frontdoor_fold`,
`frontdoor_text_config` and each other unqualified, so under that empty path they were not
found: no backup of a Frontdoor database could be restored ("function
frontdoor_article_head(...) does not exist"). The three article functions behind those
columns now pin their search path, as the request-search functions of 0016 and 0024 already
did. `frontdoor_search_words` is left as it is: it runs only inside the pinned
`frontdoor_request_words` (where, inlined, it costs nothing per row) or in the app's own
sessions, and a pinned path would stop that inlining.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "20261205_0031"
down_revision: str | None = "20261205_0029"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CALLERS = (
    "frontdoor_article_head(text, text, text, text[], text)",
    "frontdoor_article_document(text, text, text, text, text[], text)",
    "frontdoor_article_about(text, text, text[])",
)


def upgrade() -> None:
    for function in CALLERS:
        op.execute(f"ALTER FUNCTION {function} SET search_path = pg_catalog, public")


def downgrade() -> None:
    for function in CALLERS:
        op.execute(f"ALTER FUNCTION {function} RESET search_path")
