"""Read models for the catalog, departments and users."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.repositories.directory import department_from_row, service_from_row, user_from_row
from adapters.db.tables import departments, services, users
from domain.directory.catalog import Department, Service
from domain.directory.users import User
from domain.jurisdictions.resolver import ServiceFacts


class DirectoryReadModel:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def services(self, include_inactive: bool = False) -> list[Service]:
        query = select(services).order_by(services.c.group_name, services.c.name)
        if not include_inactive:
            query = query.where(services.c.active)
        async with self._engine.connect() as db:
            return [service_from_row(r) for r in (await db.execute(query)).all()]

    async def service(self, code: str) -> Service | None:
        async with self._engine.connect() as db:
            row = (await db.execute(select(services).where(services.c.code == code))).first()
        return None if row is None else service_from_row(row)

    async def service_facts(self, code: str) -> ServiceFacts | None:
        return (await self.services_facts({code})).get(code)

    async def services_facts(self, codes: set[str]) -> dict[str, ServiceFacts]:
        """What routing needs of each service, with its department's name, in one query."""
        if not codes:
            return {}
        query = (
            select(
                services.c.code,
                services.c.name,
                services.c.group_name,
                services.c.department_code,
                departments.c.name.label("department_name"),
            )
            .join(departments, departments.c.code == services.c.department_code)
            .where(services.c.code.in_(codes))
        )
        async with self._engine.connect() as db:
            rows = (await db.execute(query)).all()
        return {
            r.code: ServiceFacts(r.code, r.name, r.group_name, r.department_code, r.department_name)
            for r in rows
        }

    async def departments(self) -> list[Department]:
        async with self._engine.connect() as db:
            rows = (await db.execute(select(departments).order_by(departments.c.name))).all()
        return [department_from_row(r) for r in rows]

    async def users(self) -> list[User]:
        async with self._engine.connect() as db:
            rows = (await db.execute(select(users).order_by(users.c.email))).all()
        return [user_from_row(r) for r in rows]

    async def user(self, user_id: object) -> User | None:
        async with self._engine.connect() as db:
            row = (await db.execute(select(users).where(users.c.id == user_id))).first()
        return None if row is None else user_from_row(row)
