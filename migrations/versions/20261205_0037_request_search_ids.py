"""request search ids: references are found through the primary key, not the GIN index

Revision ID: 20261205_0037
Revises: 20261205_0032
Create Date: 2026-12-05 12:00:00

The search document of 0016 and 0024 held the request's reference ("2600001234") and its
number alone ("1234"): two words that no other request has. Every such word is a new entry
in the GIN index, the costliest kind of insert there; the history import spent about 8 us
of database time a row on them (38 against 30 us a row on 100,000 rows). A reference is an
identifier, and identifiers have a B-tree: the document now holds the external id,
description, address and address hint only, and the queue's `q` matches the document OR an
id in `frontdoor_search_ids(q)`. That is, when `q` is one number (punctuation and leading
zeros aside): the reference it spells whole ("26-00000001", "2600000001") and, for every
two-digit year, the request of that number ("1" finds 26-00000001 and 25-00000001). The
planner reads both indexes and ORs the bitmaps.

Searching a reference together with other words ("26-00000001 pothole") no longer finds it:
a reference is looked up alone.

Rebuilding the GIN index reads the whole table (about a minute for a million requests).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "20261205_0037"
down_revision: str | None = "20261205_0032"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Every name is schema-qualified instead of pinning a search path (0016, 0031): a function
# with a SET is called through the SQL-function executor with a save and restore of the
# setting, on every insert, for its index. The document is PL/pgSQL so the planner still
# prices it at COST 1000 (inlined it looks free, and the planner walks the requests by date
# testing each, 0016); its body is compiled once per session, and the words it calls inline.
SEARCH_WORDS = r"""
CREATE OR REPLACE FUNCTION frontdoor_search_words(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT pg_catalog.regexp_replace(
    pg_catalog.regexp_replace(
        pg_catalog.regexp_replace(
            pg_catalog.lower(public.frontdoor_fold(value)),
            '\m([0-9]{2})-([0-9]{8})\M', '\1\2', 'g'),
        '[^[:alnum:]]+', ' ', 'g'),
    '(^| )0+([0-9])', '\1\2', 'g') $$
"""
WORDS = """
CREATE FUNCTION frontdoor_request_words(
    external_id text, description text, address text, address_hint text
) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000
AS $$ SELECT pg_catalog.to_tsvector('pg_catalog.simple'::pg_catalog.regconfig,
    public.frontdoor_search_words(
        coalesce(external_id, '') || ' ' || coalesce(description, '')
        || ' ' || coalesce(address, '') || ' ' || coalesce(address_hint, ''))) $$
"""
DOCUMENT = """
CREATE FUNCTION frontdoor_request_document(
    document tsvector, external_id text, description text, address text, address_hint text
) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE COST 1000
AS $$ BEGIN
    RETURN coalesce(
        document,
        public.frontdoor_request_words(external_id, description, address, address_hint));
END $$
"""
# One number (the words rule cut q to a single run of digits) of at most ten digits: the
# reference of that number in every year, and the reference it spells whole when it has the
# length of one (a year 00-09 lost its leading zero with the number's).
IDS = r"""
CREATE FUNCTION frontdoor_search_ids(value text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT CASE WHEN word ~ '^[0-9]{1,10}$' THEN
    ARRAY(
        SELECT pg_catalog.to_char(year, 'FM00') || '-'
            || pg_catalog.lpad(word, GREATEST(pg_catalog.length(word), 8), '0')
        FROM pg_catalog.generate_series(0, 99) AS year)
    || CASE WHEN pg_catalog.length(word) >= 9 THEN ARRAY[
        pg_catalog.left(pg_catalog.lpad(word, 10, '0'), 2) || '-' || pg_catalog.right(word, 8)]
        ELSE '{}'::text[] END
    ELSE '{}'::text[] END
FROM (SELECT pg_catalog.btrim(public.frontdoor_search_words(value)) AS word) AS q $$
"""
INDEXED = (
    "frontdoor_request_document(search_document, external_id, description, address, address_hint)"
)

OLD_SEARCH_WORDS = r"""
CREATE OR REPLACE FUNCTION frontdoor_search_words(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT regexp_replace(
    regexp_replace(
        regexp_replace(
            lower(frontdoor_fold(value)),
            '\m([0-9]{2})-([0-9]{8})\M', '\1\2', 'g'),
        '[^[:alnum:]]+', ' ', 'g'),
    '(^| )0+([0-9])', '\1\2', 'g') $$
"""
OLD_WORDS = """
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
OLD_DOCUMENT = """
CREATE FUNCTION frontdoor_request_document(
    document tsvector, id text, external_id text, description text, address text,
    address_hint text
) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000
SET search_path = pg_catalog, public
AS $$ SELECT coalesce(
    document, frontdoor_request_words(id, external_id, description, address, address_hint)) $$
"""
OLD_INDEXED = (
    "frontdoor_request_document(search_document, id, external_id, description, address, "
    "address_hint)"
)


def _drop_search() -> None:
    op.execute("DROP INDEX ix_service_requests_search")
    op.execute("DROP FUNCTION frontdoor_request_document")
    op.execute("DROP FUNCTION frontdoor_request_words")


def _index(expression: str) -> None:
    op.execute(
        f"CREATE INDEX ix_service_requests_search ON service_requests USING gin ({expression})"
    )


def upgrade() -> None:
    _drop_search()
    for statement in (SEARCH_WORDS, WORDS, DOCUMENT, IDS):
        op.execute(statement)
    # Stored words of imported requests hold their reference: without it they are the rule's.
    op.execute(
        "UPDATE service_requests SET search_document = NULL WHERE search_document IS NOT NULL"
    )
    _index(INDEXED)


def downgrade() -> None:
    _drop_search()
    op.execute("DROP FUNCTION frontdoor_search_ids")
    for statement in (OLD_SEARCH_WORDS, OLD_WORDS, OLD_DOCUMENT):
        op.execute(statement)
    op.execute(
        "UPDATE service_requests SET search_document = NULL WHERE search_document IS NOT NULL"
    )
    _index(OLD_INDEXED)
