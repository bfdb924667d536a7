"""request search document: search words a writer may compute itself

Revision ID: 20261204_0024
Revises: 20261204_0022
Create Date: 2026-12-05 00:20:00

The GIN index of migration 0016 indexed `frontdoor_request_words(...)`, so every insert paid
about 30 us of database time for folding, three regular expressions and `to_tsvector`: the
history import ran at 9,200 rows a second, 40 us of its 70 us a row going to that index.

A request now has a column, `search_document`, that a writer may fill with its words: the
history import computes them in its own process (domain/requests/search_words.py, the same
rule, held to this one by a test). The index is on `frontdoor_request_document(...)`, which
is that column when it is filled and the words computed here when it is not (every other
write leaves it empty). A trigger empties it when the reference, external id, description,
address or address hint changes, so stored words are never stale.

The indexed function keeps COST 1000 and its pinned search path (see 0016): the planner
prices the search's filter high and reads the GIN index instead of walking the newest-first
index row by row. A plain tsvector column under the index was tried and lost that: for a
prefix word ("eastern:*") the planner estimated 2 % of the rows and walked the requests in
date order (66 ms on 200,000 rows, against 0.4 ms from the index).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "20261204_0024"
down_revision: str | None = "20261204_0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DOCUMENT = """
CREATE FUNCTION frontdoor_request_document(
    document tsvector, id text, external_id text, description text, address text,
    address_hint text
) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000
SET search_path = pg_catalog, public
AS $$ SELECT coalesce(
    document, frontdoor_request_words(id, external_id, description, address, address_hint)) $$
"""
FORGET_STALE_WORDS = """
CREATE FUNCTION frontdoor_request_words_changed() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF (NEW.id, NEW.external_id, NEW.description, NEW.address, NEW.address_hint)
        IS DISTINCT FROM (OLD.id, OLD.external_id, OLD.description, OLD.address, OLD.address_hint)
    THEN
        NEW.search_document := NULL;
    END IF;
    RETURN NEW;
END $$
"""
TRIGGER = """
CREATE TRIGGER tg_service_requests_words_changed
BEFORE UPDATE ON service_requests
FOR EACH ROW EXECUTE FUNCTION frontdoor_request_words_changed()
"""
INDEXED = (
    "frontdoor_request_document(search_document, id, external_id, description, address, "
    "address_hint)"
)
BEFORE = "frontdoor_request_words(id, external_id, description, address, address_hint)"


def upgrade() -> None:
    op.execute("ALTER TABLE service_requests ADD COLUMN search_document tsvector")
    op.execute(DOCUMENT)
    op.execute(FORGET_STALE_WORDS)
    op.execute(TRIGGER)
    op.execute("DROP INDEX ix_service_requests_search")
    op.execute(f"CREATE INDEX ix_service_requests_search ON service_requests USING gin ({INDEXED})")


def downgrade() -> None:
    op.execute("DROP INDEX ix_service_requests_search")
    op.execute(f"CREATE INDEX ix_service_requests_search ON service_requests USING gin ({BEFORE})")
    op.execute("DROP TRIGGER tg_service_requests_words_changed ON service_requests")
    op.execute("DROP FUNCTION frontdoor_request_words_changed()")
    op.execute("DROP FUNCTION frontdoor_request_document(tsvector, text, text, text, text, text)")
    op.execute("ALTER TABLE service_requests DROP COLUMN search_document")
