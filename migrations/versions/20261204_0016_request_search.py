"""request search: the queue's `q` over addresses, references, external ids and descriptions

Revision ID: 20261204_0016
Revises: 20261204_0017
Create Date: 2026-12-04 22:00:00

Core PostgreSQL only (the embedded server has no pg_trgm or unaccent): three IMMUTABLE SQL
functions and a GIN expression index.

- `frontdoor_search_words` turns text into plain words: accents folded (`frontdoor_fold`),
  lower case, a reference such as 26-00000001 kept as one word, every other character that is
  not a letter or digit a space, and numbers without their leading zeros.
- `frontdoor_request_words` is the document of a request: its reference, the reference's bare
  number (so "1" and "00000001" find 26-00000001), its external id, description, address and
  address hint.
- `frontdoor_search_query` makes the query from the same words: every word must match, words
  as prefixes (one types "east" for Eastern) and numbers whole (so "1" does not list request
  10 or 1400 Eastern Ave). No word at all gives NULL, which matches nothing.

The document function pins its search path. PostgreSQL 17 evaluates index expressions during
ANALYZE and REINDEX with the search path reduced to pg_catalog, where ours would not be found.
The pinned path also keeps the planner from inlining the function, so it prices each
evaluation at the declared COST. Measured on 200,000 rows, one evaluation takes about 30 us,
some 200 times the cost of reading a row, hence COST 1000 (x 0.0025 = 2.5, against 0.01 a
row). Inlined, the function looked free: for "Eastern" the planner walked the newest-first
index testing every row (2.1 s) instead of reading the GIN index (2 ms).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "20261204_0016"
down_revision: str | None = "20261204_0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WORDS = r"""
CREATE FUNCTION frontdoor_search_words(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT regexp_replace(
    regexp_replace(
        regexp_replace(
            lower(frontdoor_fold(value)),
            '\m([0-9]{2})-([0-9]{8})\M', '\1\2', 'g'),
        '[^[:alnum:]]+', ' ', 'g'),
    '(^| )0+([0-9])', '\1\2', 'g') $$
"""

DOCUMENT = """
CREATE FUNCTION frontdoor_request_words(
    id text, external_id text, description text, address text, address_hint text
) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000
SET search_path = pg_catalog, public
AS $$ SELECT to_tsvector('simple'::regconfig, frontdoor_search_words(
    coalesce(id, '') || ' ' || split_part(coalesce(id, ''), '-', 2)
    || ' ' || coalesce(external_id, '') || ' ' || coalesce(description, '')
    || ' ' || coalesce(address, '') || ' ' || coalesce(address_hint, ''))) $$
"""

QUERY = """
CREATE FUNCTION frontdoor_search_query(value text) RETURNS tsquery
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT string_agg(
    quote_literal(lexeme) || CASE WHEN lexeme ~ '^[0-9]' THEN '' ELSE ':*' END, ' & '
)::tsquery
FROM unnest(to_tsvector('simple'::regconfig, frontdoor_search_words(value))) $$
"""

REQUEST_WORDS = "frontdoor_request_words(id, external_id, description, address, address_hint)"
FUNCTIONS = (
    "frontdoor_search_query(text)",
    "frontdoor_request_words(text, text, text, text, text)",
    "frontdoor_search_words(text)",
)


def upgrade() -> None:
    for statement in (WORDS, DOCUMENT, QUERY):
        op.execute(statement)
    op.execute(
        f"CREATE INDEX ix_service_requests_search ON service_requests USING gin ({REQUEST_WORDS})"
    )


def downgrade() -> None:
    op.execute("DROP INDEX ix_service_requests_search")
    for function in FUNCTIONS:
        op.execute(f"DROP FUNCTION {function}")
