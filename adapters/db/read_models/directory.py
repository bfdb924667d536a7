"""Read models for the catalog, departments and users."""

from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.read_models.translated import Translated
from adapters.db.repositories.directory import department_from_row, service_from_row, user_from_row
from adapters.db.repositories.translations import (
    name_translation_from_json,
    service_translation_from_json,
)
from adapters.db.tables.directory import departments, services, users
from domain.directory.catalog import Department, Service
from domain.directory.translations import Subject, localize_department, localize_service
from domain.directory.users import User
from domain.jurisdictions.resolver import ServiceFacts


class DirectoryReadModel:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def services(
        self, include_inactive: bool = False, language: str | None = None
    ) -> list[Service]:
        """The catalog in `language` where it is translated (None: the catalog's own), in one
        query, sorted by group and name as shown."""
        text = Translated(Subject.SERVICE, services.c.code, language)
        query = (
            select(services, text.text.label("translation"))
            .select_from(text.join(services))
            .order_by(
                text.field("group", services.c.group_name), text.field("name", services.c.name)
            )
        )
        if not include_inactive:
            query = query.where(services.c.active)
        async with self._engine.connect() as db:
            return [_localized(r) for r in (await db.execute(query)).all()]

    async def service(self, code: str, language: str | None = None) -> Service | None:
        text = Translated(Subject.SERVICE, services.c.code, language)
        query = (
            select(services, text.text.label("translation"))
            .select_from(text.join(services))
            .where(services.c.code == code)
        )
        async with self._engine.connect() as db:
            row = (await db.execute(query)).first()
        return None if row is None else _localized(row)

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

    async def departments(self, language: str | None = None) -> list[Department]:
        text = Translated(Subject.DEPARTMENT, departments.c.code, language)
        query = (
            select(departments, text.text.label("translation"))
            .select_from(text.join(departments))
            .order_by(text.field("name", departments.c.name))
        )
        async with self._engine.connect() as db:
            rows = (await db.execute(query)).all()
        return [
            localize_department(department_from_row(r), name_translation_from_json(r.translation))
            for r in rows
        ]

    async def users(self) -> list[User]:
        async with self._engine.connect() as db:
            rows = (await db.execute(select(users).order_by(users.c.email))).all()
        return [user_from_row(r) for r in rows]

    async def user(self, user_id: object) -> User | None:
        async with self._engine.connect() as db:
            row = (await db.execute(select(users).where(users.c.id == user_id))).first()
        return None if row is None else user_from_row(row)


def _localized(row: Row[Any]) -> Service:
    return localize_service(service_from_row(row), service_translation_from_json(row.translation))
