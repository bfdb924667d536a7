"""The catalog the history import translates to, with the catch-all it adds when missing.

The batches themselves are written by adapters/db/repositories/history_writer.py.
"""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.repositories.directory import SqlDepartmentRepository, SqlServiceRepository
from adapters.db.tables.directory import departments, services
from domain.directory.catalog import Department, Service, SlaPolicy
from domain.history.rows import CatalogFacts
from domain.jurisdictions.resolver import ServiceFacts

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
