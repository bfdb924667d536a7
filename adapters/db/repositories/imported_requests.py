"""SQL of the history import: the catalog it translates to, and batches written with COPY.

A batch is copied into a temporary staging table, then moved into `service_requests` by one
statement inside one transaction, so a batch is either wholly imported or not at all:
- rows whose (source, source id) `imported_requests` already holds are dropped, so a
  re-import adds nothing and numbers no reference;
- the others become requests, numbered like the app numbers them (`YY-NNNNNNNN` from
  `request_number_seq`, YY the year of creation in UTC), with the service's SLA, and their
  provenance rows.
The staging table is unlogged by nature (temporary) and emptied at each commit. The importer
sends each row's search words (domain/requests/search_words.py) and the statement adds the
reference's, so the database does not compute them (migration 0024); a row whose text is not
plain ASCII once folded comes without them (NULL), and the index computes its words.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import asyncpg
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.repositories.directory import SqlDepartmentRepository, SqlServiceRepository
from adapters.db.tables.directory import departments, services
from domain.directory.catalog import Department, Service, SlaPolicy
from domain.history.rows import CatalogFacts
from domain.jurisdictions.resolver import ServiceFacts

STAGING = "history_import_staging"
STAGING_COLUMNS = (
    "external_id",
    "source_type",
    "service_code",
    "department_code",
    "status",
    "close_reason",
    "channel",
    "requested_at",
    "updated_at",
    "closed_at",
    "expected_at",
    "on_hold_since",
    "description",
    "address",
    "lat",
    "long",
    "areas",
    "search_words",
)

CREATE_STAGING = f"""
CREATE TEMPORARY TABLE IF NOT EXISTS {STAGING} (
    external_id text NOT NULL,
    source_type text NOT NULL,
    service_code text NOT NULL,
    department_code text NOT NULL,
    status text NOT NULL,
    close_reason text,
    channel text NOT NULL,
    requested_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    closed_at timestamptz,
    expected_at timestamptz,
    on_hold_since timestamptz,
    description text NOT NULL,
    address text,
    lat double precision,
    long double precision,
    areas jsonb NOT NULL,
    search_words text[]
) ON COMMIT DELETE ROWS
"""

# $1: the source. Rows imported before are dropped from the batch first, so a re-run numbers
# no reference. A scalar subquery is never turned into a join, so each row is one probe of
# the primary key whatever the statistics say: with stale ones (a bulk load outruns
# autovacuum), a planned join once scanned every earlier row of the source per staged row.
DROP_KNOWN = f"""
DELETE FROM {STAGING} s
WHERE (
    SELECT true FROM imported_requests i WHERE i.source = $1 AND i.source_id = s.external_id
)
"""  # noqa: S608 - STAGING is our own constant

# Referenced catalog rows are locked once per batch, as the foreign-key triggers would lock
# them once per row: nobody deletes them before the batch commits.
LOCK_CATALOG = f"""
SELECT count(*) FROM (
    SELECT 1 FROM services
    WHERE code IN (SELECT DISTINCT service_code FROM {STAGING})
    FOR KEY SHARE
) AS service_rows
UNION ALL
SELECT count(*) FROM (
    SELECT 1 FROM departments
    WHERE code IN (SELECT DISTINCT department_code FROM {STAGING})
    FOR KEY SHARE
) AS department_rows
"""  # noqa: S608 - STAGING is our own constant

# Batches of one source take turns (an advisory lock per source and transaction), so the rows
# left after DROP_KNOWN are new for sure: no conflict, no join back, no wasted number. The
# joins to services and departments check every code and give the SLA, so the rows are sound
# even where the foreign-key triggers are skipped (see BatchWriter.prepare).
SOURCE_LOCK = "SELECT pg_advisory_xact_lock(hashtextextended('frontdoor.history:' || $1, 0))"
MOVE_BATCH = f"""
WITH fresh AS (
    SELECT s.*, v.sla_target_hours, v.sla_calendar, v.sla_pauses_on_hold,
           s.yy || '-' || lpad(s.n::text, greatest(8, length(s.n::text)), '0') AS id,
           CASE WHEN s.n < 100000000
               THEN ARRAY[ltrim(s.yy || lpad(s.n::text, 8, '0'), '0'), s.n::text]
               ELSE ARRAY[coalesce(nullif(ltrim(s.yy, '0'), ''), '0'), s.n::text]
           END AS reference_words
    FROM (
        SELECT *, nextval('request_number_seq') AS n,
               to_char(requested_at AT TIME ZONE 'UTC', 'YY') AS yy
        FROM {STAGING}
    ) s
    JOIN services v ON v.code = s.service_code
    JOIN departments d ON d.code = s.department_code
), provenance AS (
    INSERT INTO imported_requests (source, source_id, request_id, source_type)
    SELECT $1, external_id, id, source_type FROM fresh
), inserted AS (
    INSERT INTO service_requests (
        id, external_id, service_code, department_code, description, lat, long, address,
        channel, priority, status, close_reason, sla_target_hours, sla_calendar,
        sla_pauses_on_hold, requested_at, updated_at, expected_at, closed_at, on_hold_since,
        areas, change_xid, search_document
    )
    SELECT id, external_id, service_code, department_code, description, lat, long, address,
           channel, 'normal', status, close_reason, sla_target_hours, sla_calendar,
           sla_pauses_on_hold, requested_at, updated_at, expected_at, closed_at, on_hold_since,
           areas, pg_current_xact_id()::text::bigint,
           array_to_tsvector(search_words) || array_to_tsvector(reference_words)
    FROM fresh
    RETURNING 1
)
SELECT count(*) FROM inserted
"""  # noqa: S608 - STAGING is our own constant

CATCH_ALL_DEPARTMENT = "Other departments (imported)"
CATCH_ALL_SERVICE = "Other (imported)"
CATCH_ALL_DESCRIPTION = (
    "Requests imported from the city's history whose type the catalog does not have; each "
    "keeps the source's own type (imported_requests.source_type). Not offered to residents."
)


@dataclass(frozen=True)
class ImportCatalog:
    facts: CatalogFacts
    services: dict[str, ServiceFacts]  # for the resolver, with the department's name


async def ensure_catch_all(
    db: AsyncConnection, service_code: str, department_code: str
) -> list[str]:
    """Create the catch-all department and service when missing; says what it created.

    The service is inactive: residents and agents never choose it, it only holds history."""
    created: list[str] = []
    if await SqlDepartmentRepository(db).get(department_code) is None:
        await SqlDepartmentRepository(db).add(Department(department_code, CATCH_ALL_DEPARTMENT))
        created.append(f"department {department_code!r}")
    if await SqlServiceRepository(db).get(service_code) is None:
        service = Service(
            code=service_code,
            name=CATCH_ALL_SERVICE,
            department_code=department_code,
            sla=SlaPolicy(72.0),
            description=CATCH_ALL_DESCRIPTION,
            group="Imported",
            active=False,
        )
        await SqlServiceRepository(db).add(service)
        created.append(f"service {service_code!r} (inactive)")
    return created


async def import_catalog(db: AsyncConnection) -> ImportCatalog:
    result = await db.execute(select(departments.c.code, departments.c.name))
    names: dict[str, str] = {code: name for code, name in result}
    rows = (
        await db.execute(
            select(
                services.c.code,
                services.c.type_name,
                services.c.name,
                services.c.group_name,
                services.c.department_code,
            ).order_by(services.c.code)
        )
    ).all()
    type_names: dict[str, str] = {}
    for row in rows:
        if row.type_name:
            type_names.setdefault(CatalogFacts.fold(row.type_name), row.code)
    facts = CatalogFacts(
        {row.code: row.department_code for row in rows}, type_names, frozenset(names)
    )
    service_facts = {
        row.code: ServiceFacts(
            row.code,
            row.name,
            row.group_name,
            row.department_code,
            names.get(row.department_code, row.department_code),
        )
        for row in rows
    }
    return ImportCatalog(facts, service_facts)


class BatchWriter:
    """Writes batches through one raw asyncpg connection (COPY needs the driver's own)."""

    def __init__(self, connection: Any, source: str) -> None:
        self._db = connection
        self._source = source
        self.skips_triggers = False

    async def prepare(self) -> None:
        """The staging table, and whether this role may skip the foreign-key triggers.

        They cost a third of the database's time per row, and the batch statement checks
        every code itself (see MOVE_BATCH), so a role allowed to set
        `session_replication_role` (a superuser, or granted it) skips them."""
        await self._db.execute(CREATE_STAGING)
        try:
            await self._db.execute("SET session_replication_role = replica")
            await self._db.execute("RESET session_replication_role")
            self.skips_triggers = True
        except asyncpg.InsufficientPrivilegeError:
            self.skips_triggers = False

    async def write(self, records: Sequence[tuple[Any, ...]]) -> int:
        """Import one batch in one transaction; answers how many rows were new."""
        if not records:
            return 0
        db = self._db
        async with db.transaction():
            # A crash may lose the last batches' commits, never half a batch: a re-run
            # restores them, so the batch need not wait for its WAL to reach the disk.
            await db.execute("SET LOCAL synchronous_commit = off")
            await db.execute(SOURCE_LOCK, self._source)
            if self.skips_triggers:
                await db.execute("SET LOCAL session_replication_role = replica")
            await db.copy_records_to_table(STAGING, records=records, columns=STAGING_COLUMNS)
            await db.execute(DROP_KNOWN, self._source)
            await db.execute(LOCK_CATALOG)
            inserted: int = await db.fetchval(MOVE_BATCH, self._source)
        return inserted
