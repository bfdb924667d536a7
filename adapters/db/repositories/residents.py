"""Residents, with folded search keys kept beside the values staff typed."""

from typing import Any
from uuid import UUID

from sqlalchemy import Row, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.tables.residents import residents
from domain.residents.model import ContactPreference, Resident, fold


def resident_values(resident: Resident) -> dict[str, Any]:
    name = " ".join(p for p in (resident.first_name, resident.last_name) if p)
    return {
        "id": resident.id,
        "first_name": resident.first_name,
        "last_name": resident.last_name,
        "folded_name": fold(name),
        "phones": resident.phones,
        "phone_keys": resident.phone_keys,
        "emails": resident.emails,
        "address": resident.address,
        "folded_address": fold(resident.address or ""),
        "preferred_language": resident.preferred_language,
        "contact_preference": resident.contact_preference.value,
        "created_at": resident.created_at,
        "updated_at": resident.updated_at or resident.created_at,
    }


def resident_from_row(row: Row[Any]) -> Resident:
    return Resident(
        id=row.id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        first_name=row.first_name,
        last_name=row.last_name,
        phones=list(row.phones),
        emails=list(row.emails),
        address=row.address,
        preferred_language=row.preferred_language,
        contact_preference=ContactPreference(row.contact_preference),
    )


class SqlResidentRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def get(self, resident_id: UUID) -> Resident | None:
        row = (
            await self._db.execute(select(residents).where(residents.c.id == resident_id))
        ).first()
        return None if row is None else resident_from_row(row)

    async def find_by_contact(self, emails: list[str], phone_keys: list[str]) -> Resident | None:
        conditions = []
        if emails:
            conditions.append(residents.c.emails.overlap(emails))
        if phone_keys:
            conditions.append(residents.c.phone_keys.overlap(phone_keys))
        if not conditions:
            return None
        query = (
            select(residents)
            .where(or_(*conditions))
            .order_by(residents.c.created_at, residents.c.id)
            .limit(1)
            .with_for_update()
        )
        row = (await self._db.execute(query)).first()
        return None if row is None else resident_from_row(row)

    async def add(self, resident: Resident) -> None:
        await self._db.execute(insert(residents).values(**resident_values(resident)))

    async def save(self, resident: Resident) -> None:
        values = resident_values(resident)
        values["anonymized_at"] = None  # new details: the anonymization job may blank it again
        await self._db.execute(
            update(residents).where(residents.c.id == resident.id).values(**values)
        )
