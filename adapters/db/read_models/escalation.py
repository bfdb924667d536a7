"""Whom to tell about a department's late requests."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.tables.directory import departments, users
from domain.directory.users import Role, Tier
from domain.notifications.ports import StaffContact


class SqlEscalationContacts:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def for_department(self, department_code: str) -> list[StaffContact]:
        managers = (
            select(users.c.id, users.c.display_name, users.c.email)
            .where(users.c.department_code == department_code)
            .where(users.c.role == Role.STAFF.value)
            .where(users.c.tier == Tier.MANAGER.value)
            .where(users.c.active)
            .order_by(users.c.email)
        )
        async with self._engine.connect() as db:
            found = [
                StaffContact(key=str(row.id), name=row.display_name, email=row.email)
                for row in await db.execute(managers)
            ]
            if found:
                return found
            department = (
                await db.execute(
                    select(departments.c.name, departments.c.email).where(
                        departments.c.code == department_code
                    )
                )
            ).first()
        if department is None or not department.email:
            return []
        return [
            StaffContact(
                key=f"department:{department_code}", name=department.name, email=department.email
            )
        ]
