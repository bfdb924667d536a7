"""Repositories for departments, services and users (explicit row <-> entity mapping)."""

from collections.abc import Callable
from typing import Any
from uuid import UUID

from sqlalchemy import Row, bindparam, func, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.tables.directory import departments, services, users
from domain.directory.catalog import (
    AttributeDefinition,
    AttributeOption,
    Datatype,
    Department,
    Service,
    SlaPolicy,
)
from domain.directory.users import Role, Tier, User
from domain.privacy.public_place import PublicLocation
from domain.shared.sla import SlaCalendar


class SqlDepartmentRepository:
    """Within one unit of work a department found is read once, like a service; reading a
    service brings its department along (routing a new request asks for both). A code not
    found is asked again: another unit of work may commit it meanwhile (read committed)."""

    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection
        self._seen: dict[str, Department] = {}

    async def get(self, code: str) -> Department | None:
        if code not in self._seen:
            row = (
                await self._db.execute(select(departments).where(departments.c.code == code))
            ).first()
            if row is None:
                return None
            self._seen[code] = department_from_row(row)
        return self._seen[code]

    def remember(self, department: Department) -> None:
        self._seen[department.code] = department

    async def add(self, department: Department) -> None:
        await self._db.execute(insert(departments).values(**_department_values(department)))
        self._seen[department.code] = department

    async def save(self, department: Department) -> None:
        values = _department_values(department)
        await self._db.execute(
            update(departments).where(departments.c.code == department.code).values(**values)
        )
        self._seen[department.code] = department


def _department_values(department: Department) -> dict[str, Any]:
    return {
        "code": department.code,
        "name": department.name,
        "email": department.email,
        "phone": department.phone,
    }


def department_from_row(row: Row[Any]) -> Department:
    return Department(code=row.code, name=row.name, email=row.email, phone=row.phone)


class SqlServiceRepository:
    """Within one unit of work a service found is read once (an identity map, as an ORM
    session keeps): opening a request and finding its duplicates both ask for it. A code not
    found is asked again: another unit of work may commit it meanwhile (read committed)."""

    def __init__(
        self, connection: AsyncConnection, departments: SqlDepartmentRepository | None = None
    ) -> None:
        self._db = connection
        self._seen: dict[str, Service] = {}
        self._departments = departments

    async def get(self, code: str) -> Service | None:
        if code not in self._seen:
            row = (await self._db.execute(_SERVICE_AND_DEPARTMENT, {"code": code})).first()
            if row is None:
                return None
            self._seen[code] = service_from_row(row)
            if row.department_known and self._departments is not None:
                self._departments.remember(
                    Department(
                        row.department_code,
                        row.department_name,
                        row.department_email,
                        row.department_phone,
                    )
                )
        return self._seen[code]

    async def add(self, service: Service) -> None:
        await self._db.execute(insert(services).values(**service_values(service)))
        self._seen[service.code] = service

    async def save(self, service: Service) -> None:
        values = service_values(service)
        await self._db.execute(
            update(services)
            .where(services.c.code == service.code)
            .values(**values, updated_at=func.now())
        )
        self._seen[service.code] = service


# The service and its department in one statement, built once (its code is the parameter).
_SERVICE_AND_DEPARTMENT = (
    select(
        services,
        departments.c.code.is_not(None).label("department_known"),
        departments.c.name.label("department_name"),
        departments.c.email.label("department_email"),
        departments.c.phone.label("department_phone"),
    )
    .outerjoin(departments, departments.c.code == services.c.department_code)
    .where(services.c.code == bindparam("code"))
)


def service_values(service: Service) -> dict[str, Any]:
    return {
        "code": service.code,
        "type_name": service.type_name,
        "name": service.name,
        "description": service.description,
        "group_name": service.group,
        "keywords": list(service.keywords),
        "department_code": service.department_code,
        "active": service.active,
        "sla_target_hours": service.sla.target_hours,
        "sla_calendar": service.sla.calendar.value,
        "sla_pauses_on_hold": service.sla.pauses_on_hold,
        "attributes": [attribute_to_json(a) for a in service.attributes],
        "duplicate_radius_m": service.duplicate_radius_m,
        "mask_personal_data": service.mask_personal_data,
        "public_location": service.public_location.value,
        "open_data_descriptions": service.open_data_descriptions,
        "anonymous_allowed": service.anonymous_allowed,
    }


def attribute_to_json(attribute: AttributeDefinition) -> dict[str, Any]:
    return {
        "code": attribute.code,
        "datatype": attribute.datatype.value,
        "description": attribute.description,
        "variable": attribute.variable,
        "required": attribute.required,
        "order": attribute.order,
        "datatype_description": attribute.datatype_description,
        "values": [{"key": o.key, "name": o.name} for o in attribute.values],
    }


def attribute_from_json(data: dict[str, Any]) -> AttributeDefinition:
    return AttributeDefinition(
        code=data["code"],
        datatype=Datatype(data["datatype"]),
        description=data.get("description", ""),
        variable=data.get("variable", True),
        required=data.get("required", False),
        order=data.get("order", 0),
        datatype_description=data.get("datatype_description", ""),
        values=tuple(AttributeOption(v["key"], v["name"]) for v in data.get("values", [])),
    )


def service_from_row(row: Row[Any]) -> Service:
    return Service(
        code=row.code,
        type_name=row.type_name,
        name=row.name,
        description=row.description,
        group=row.group_name,
        keywords=list(row.keywords),
        department_code=row.department_code,
        active=row.active,
        sla=SlaPolicy(row.sla_target_hours, SlaCalendar(row.sla_calendar), row.sla_pauses_on_hold),
        attributes=[attribute_from_json(a) for a in row.attributes],
        duplicate_radius_m=row.duplicate_radius_m,
        mask_personal_data=row.mask_personal_data,
        public_location=PublicLocation(row.public_location),
        open_data_descriptions=row.open_data_descriptions,
        anonymous_allowed=row.anonymous_allowed,
    )


class SqlUserRepository:
    """`changed` hears of every user added or changed (the process's copy of the accounts,
    adapters/db/accounts.py, drops them)."""

    def __init__(
        self, connection: AsyncConnection, changed: Callable[[UUID], None] = lambda _: None
    ) -> None:
        self._db = connection
        self._changed = changed

    async def get(self, user_id: UUID) -> User | None:
        row = (await self._db.execute(select(users).where(users.c.id == user_id))).first()
        return None if row is None else user_from_row(row)

    async def get_by_email(self, email: str) -> User | None:
        row = (await self._db.execute(select(users).where(users.c.email == email))).first()
        return None if row is None else user_from_row(row)

    async def add(self, user: User) -> None:
        self._changed(user.id)
        await self._db.execute(insert(users).values(**_user_values(user)))

    async def add_unless_taken(self, user: User) -> bool:
        added = (
            pg_insert(users)
            .values(**_user_values(user))
            .on_conflict_do_nothing(index_elements=[users.c.email])
            .returning(users.c.id)
        )
        self._changed(user.id)
        return (await self._db.execute(added)).first() is not None

    async def save(self, user: User) -> None:
        values = _user_values(user)
        self._changed(user.id)
        await self._db.execute(update(users).where(users.c.id == user.id).values(**values))


def _user_values(user: User) -> dict[str, Any]:
    return {
        "id": user.id,
        "email": user.email,
        "display_name": user.display_name,
        "role": user.role.value,
        "department_code": user.department_code,
        "tier": user.tier.value if user.tier else None,
        "password_hash": user.password_hash,
        "active": user.active,
        "token_version": user.token_version,
        "created_at": user.created_at,
    }


def user_from_row(row: Row[Any]) -> User:
    return User(
        id=row.id,
        email=row.email,
        display_name=row.display_name,
        role=Role(row.role),
        password_hash=row.password_hash,
        created_at=row.created_at,
        department_code=row.department_code,
        tier=Tier(row.tier) if row.tier else None,
        active=row.active,
        token_version=row.token_version,
    )
