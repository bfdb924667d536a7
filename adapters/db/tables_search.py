"""The queue's search index over service requests (functions of migration 0016).

`REQUEST_WORDS` is both the indexed expression and what `q` matches, so the planner always
recognises the index: a copy spelled differently would not be.
"""

from sqlalchemy import Index, func
from sqlalchemy.dialects.postgresql import TSVECTOR

from adapters.db.tables import service_requests as t

REQUEST_WORDS = func.frontdoor_request_words(
    t.c.id, t.c.external_id, t.c.description, t.c.address, t.c.address_hint, type_=TSVECTOR
)

Index("ix_service_requests_search", REQUEST_WORDS, postgresql_using="gin")
