"""The queue's search over service requests (migrations 0016 and 0024).

`REQUEST_DOCUMENT` is both the indexed expression and what `q` matches, so the planner always
recognises the index: a copy spelled differently would not be. It is the request's stored
`search_document` when a writer filled it (the history import does, see
domain/requests/search_words.py) and the words computed by the database otherwise. The app
never reads that column, so the table metadata leaves it out (a `SELECT` of a whole request
does not carry it); `UNMAPPED` names it and its index for the schema comparisons.

A request's reference is not among its words: `q` finds it through the primary key, the ids
`frontdoor_search_ids(q)` answers (migration 0037).
"""

from sqlalchemy import func, literal_column
from sqlalchemy.dialects.postgresql import TSVECTOR

from adapters.db.tables.requests import service_requests as t

SEARCH_DOCUMENT = literal_column("search_document", type_=TSVECTOR)
REQUEST_DOCUMENT = func.frontdoor_request_document(
    SEARCH_DOCUMENT,
    t.c.external_id,
    t.c.description,
    t.c.address,
    t.c.address_hint,
    type_=TSVECTOR,
)
UNMAPPED = frozenset({("column", "search_document"), ("index", "ix_service_requests_search")})


def mapped(name: str | None, kind: str) -> bool:
    """Whether a schema object is described by the table metadata (alembic's include_name)."""
    return (kind, name) not in UNMAPPED
