"""The relational schema, as SQLAlchemy Core tables, one module per feature.

`base` holds the one `MetaData`; each feature module adds its tables to it and imports only
`base` and the modules whose tables its foreign keys name (tests/unit/adapters/
test_tables_no_cycles.py keeps that one-way). Importing the package imports every module, so
`metadata` is always whole: alembic, the drift test and the test database read it.
"""

from adapters.db.tables import (  # noqa: F401  (each adds its tables and indexes to `metadata`)
    addresses,
    app_state,
    audit,
    cases,
    directory,
    history,
    idempotency,
    inbox,
    jurisdictions,
    knowledge,
    media,
    metrics,
    notifications,
    open311,
    outbox,
    public,
    rate_limits,
    requests,
    residents,
    search,
    surveys,
    translations,
    webhooks,
)
from adapters.db.tables.base import metadata

__all__ = ["metadata"]
