"""SQL of the history import: the catalog it translates to, and batches written with COPY.

A batch is copied into a temporary staging table, then moved into `service_requests` by one
statement inside one transaction, so a batch is either wholly imported or not at all:
- `imported_requests` takes (source, source id) first; a row already there (an earlier run,
  or a concurrent one, through `ON CONFLICT DO NOTHING`) is skipped, so a re-import adds
  nothing and numbers no reference;
- only the rows it took become requests, numbered like the app numbers them (`YY-NNNNNNNN`
  from `request_number_seq`, YY the year of creation in UTC), with the service's SLA.
The staging table is unlogged by nature (temporary) and emptied at each commit.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.repositories.directory import SqlDepartmentRepository, SqlServiceRepository
from adapters.db.tables import departments, services
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
    areas jsonb NOT NULL
) ON COMMIT DELETE ROWS
"""

# $1: the source. Rows already imported are left out before numbering, so a re-run uses no
# reference numbers; ON CONFLICT still guards against a concurrent run of the same file.
MOVE_BATCH = f"""
WITH numbered AS (
    SELECT s.external_id, s.source_type, s.requested_at,
           nextval('request_number_seq') AS n
    FROM {STAGING} s
    WHERE NOT EXISTS (
        SELECT 1 FROM imported_requests i WHERE i.source = $1 AND i.source_id = s.external_id
    )
), taken AS (
    INSERT INTO imported_requests (source, source_id, request_id, source_type)
    SELECT $1, external_id,
           to_char(requested_at AT TIME ZONE 'UTC', 'YY') || '-'
               || CASE WHEN n < 100000000 THEN lpad(n::text, 8, '0') ELSE n::text END,
           source_type
    FROM numbered
    ON CONFLICT (source, source_id) DO NOTHING
    RETURNING source_id, request_id
), inserted AS (
    INSERT INTO service_requests (
        id, external_id, service_code, department_code, description, lat, long, address,
        channel, priority, status, close_reason, sla_target_hours, sla_calendar,
        sla_pauses_on_hold, requested_at, updated_at, expected_at, closed_at, on_hold_since,
        areas, change_xid
    )
    SELECT t.request_id, s.external_id, s.service_code, s.department_code, s.description,
           s.lat, s.long, s.address, s.channel, 'normal', s.status, s.close_reason,
           v.sla_target_hours, v.sla_calendar, v.sla_pauses_on_hold, s.requested_at,
           s.updated_at, s.expected_at, s.closed_at, s.on_hold_since, s.areas,
           pg_current_xact_id()::text::bigint
    FROM taken t
    JOIN {STAGING} s ON s.external_id = t.source_id
    JOIN services v ON v.code = s.service_code
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
    names = dict((await db.execute(select(departments.c.code, departments.c.name))).tuples().all())
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

    async def prepare(self) -> None:
        await self._db.execute(CREATE_STAGING)

    async def write(self, records: Sequence[tuple[Any, ...]]) -> int:
        """Import one batch in one transaction; answers how many rows were new."""
        if not records:
            return 0
        async with self._db.transaction():
            await self._db.copy_records_to_table(STAGING, records=records, columns=STAGING_COLUMNS)
            inserted: int = await self._db.fetchval(MOVE_BATCH, self._source)
        return inserted
