"""Read models for contacts (cases) and residents: lists, searches, a resident's history."""

from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, Select, and_, exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.repositories.cases import case_from_row
from adapters.db.repositories.requests import request_from_row
from adapters.db.repositories.residents import resident_from_row
from adapters.db.tables.cases import cases
from adapters.db.tables.requests import service_requests
from adapters.db.tables.residents import residents
from domain.cases.model import Case
from domain.cases.queries import CaseFilter
from domain.contacts.queries import ResidentHistory
from domain.requests.model import ServiceRequest
from domain.residents.model import Resident, fold, normalise_email, phone_digits
from domain.residents.use_cases import search_keys


def _case_conditions(f: CaseFilter) -> list[Any]:
    conditions: list[Any] = []
    if f.channel:
        conditions.append(cases.c.channel == f.channel)
    if f.types:
        conditions.append(cases.c.type.in_(f.types))
    if f.about:
        conditions.append(cases.c.department_code == f.about)
    if f.tag:
        conditions.append(cases.c.tags.any_() == f.tag.strip().lower())
    if f.agent_id:
        conditions.append(cases.c.agent_id == f.agent_id)
    if f.resident_id:
        conditions.append(cases.c.resident_id == f.resident_id)
    if f.created_from:
        conditions.append(cases.c.created_at >= f.created_from)
    if f.created_to:
        conditions.append(cases.c.created_at < f.created_to)
    if f.department is not None:
        linked = select(service_requests.c.id).where(
            service_requests.c.id == func.any(cases.c.request_ids),
            service_requests.c.department_code == f.department,
        )
        conditions.append(or_(cases.c.department_code == f.department, exists(linked)))
    return conditions


def _case_query(f: CaseFilter) -> Select[Any]:
    query = select(cases).order_by(cases.c.created_at.desc(), cases.c.id.desc())
    conditions = _case_conditions(f)
    return query.where(and_(*conditions)) if conditions else query


class ContactReadModel:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def cases(self, f: CaseFilter) -> list[Case]:
        async with self._engine.connect() as db:
            rows = (await db.execute(_case_query(f).limit(f.limit).offset(f.offset))).all()
        return [case_from_row(r) for r in rows]

    async def case(self, case_id: UUID, department: str | None = None) -> Case | None:
        query = _case_query(CaseFilter(department=department)).where(cases.c.id == case_id)
        async with self._engine.connect() as db:
            row = (await db.execute(query)).first()
        return None if row is None else case_from_row(row)

    async def search_residents(self, text: str, limit: int) -> list[Resident]:
        """By name (accent- and case-insensitive), phone digits, email or address."""
        email, digits = search_keys(text)
        folded = fold(text)
        pattern = f"%{folded.replace('%', '').replace('_', '')}%"
        conditions: list[ColumnElement[bool]] = [
            residents.c.folded_name.like(pattern),
            residents.c.folded_address.like(pattern),
        ]
        if email:
            conditions.append(residents.c.emails.any_() == email)
        if digits:
            conditions.append(residents.c.phone_keys.any_() == digits)
        query = (
            select(residents)
            .where(or_(*conditions))
            .order_by(residents.c.last_name, residents.c.first_name, residents.c.id)
            .limit(limit)
        )
        async with self._engine.connect() as db:
            rows = (await db.execute(query)).all()
        return [resident_from_row(r) for r in rows]

    async def history(self, resident_id: UUID, limit: int = 50) -> ResidentHistory | None:
        async with self._engine.connect() as db:
            row = (await db.execute(select(residents).where(residents.c.id == resident_id))).first()
            if row is None:
                return None
            case_rows = (
                await db.execute(_case_query(CaseFilter(resident_id=resident_id)).limit(limit))
            ).all()
            request_rows = (
                await db.execute(
                    select(service_requests)
                    .where(service_requests.c.resident_id == resident_id)
                    .order_by(service_requests.c.requested_at.desc())
                    .limit(limit)
                )
            ).all()
        return ResidentHistory(
            resident_from_row(row),
            [case_from_row(r) for r in case_rows],
            [request_from_row(r) for r in request_rows],
        )

    async def requests_of(
        self, email: str | None, phone: str | None, last_name: str, limit: int
    ) -> list[ServiceRequest]:
        """A resident's requests, by an email or phone of theirs and their last name
        (compared without case or accents)."""
        matched: list[ColumnElement[bool]] = []
        if email:
            matched.append(residents.c.emails.any_() == normalise_email(email))
        if phone and phone_digits(phone):
            matched.append(residents.c.phone_keys.any_() == phone_digits(phone))
        if not matched:
            return []
        async with self._engine.connect() as db:
            people = (
                await db.execute(select(residents.c.id, residents.c.last_name).where(or_(*matched)))
            ).all()
            owners = [p.id for p in people if fold(p.last_name or "") == fold(last_name)]
            if not owners:
                return []
            query = (
                select(service_requests)
                .where(service_requests.c.resident_id.in_(owners))
                .order_by(service_requests.c.requested_at.desc())
                .limit(limit)
            )
            rows = (await db.execute(query)).all()
        return [request_from_row(r) for r in rows]
