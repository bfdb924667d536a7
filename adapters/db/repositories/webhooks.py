"""Webhook subscriptions as rows."""

from typing import Any
from uuid import UUID

from sqlalchemy import Row, Text, any_, delete, func, insert, literal, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.tables.webhooks import webhook_subscriptions as t
from domain.shared.events import Event, EventType
from domain.webhooks.model import Subscription


class SqlWebhookRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def get(self, subscription_id: UUID, *, for_update: bool = False) -> Subscription | None:
        query = select(t).where(t.c.id == subscription_id)
        if for_update:
            query = query.with_for_update()
        row = (await self._db.execute(query)).first()
        return None if row is None else subscription_from_row(row)

    async def add(self, subscription: Subscription) -> None:
        await self._db.execute(insert(t).values(**_values(subscription)))

    async def save(self, subscription: Subscription) -> None:
        values = _values(subscription)
        await self._db.execute(update(t).where(t.c.id == subscription.id).values(**values))

    async def delete(self, subscription_id: UUID) -> None:
        await self._db.execute(delete(t).where(t.c.id == subscription_id))

    async def matching(self, event: Event) -> list[Subscription]:
        """`Subscription.matches` in SQL, so the fan-out reads only the subscriptions it needs."""
        type_, department, service = (
            literal(value, Text)
            for value in (event.type.value, event.department_code, event.service_code)
        )
        query = (
            select(t)
            .where(t.c.active, type_ == any_(t.c.event_types))
            .where(or_(t.c.department_code.is_(None), t.c.department_code == department))
            .where(
                or_(func.cardinality(t.c.service_codes) == 0, service == any_(t.c.service_codes))
            )
            .order_by(t.c.id)
        )
        return [subscription_from_row(row) for row in await self._db.execute(query)]

    async def list(self, department_code: str | None) -> list[Subscription]:
        query = select(t).order_by(t.c.created_at, t.c.id)
        if department_code is not None:
            query = query.where(t.c.department_code == department_code)
        return [subscription_from_row(row) for row in await self._db.execute(query)]


def _values(s: Subscription) -> dict[str, Any]:
    return {
        "id": s.id,
        "url": s.url,
        "description": s.description,
        "event_types": [e.value for e in s.event_types],
        "department_code": s.department_code,
        "service_codes": s.service_codes,
        "secret": s.secret,
        "active": s.active,
        "disabled_reason": s.disabled_reason,
        "created_by": s.created_by,
        "created_at": s.created_at,
        "updated_at": s.updated_at,
    }


def subscription_from_row(row: Row[Any]) -> Subscription:
    return Subscription(
        id=row.id,
        url=row.url,
        event_types=[EventType(e) for e in row.event_types],
        secret=row.secret,
        created_at=row.created_at,
        updated_at=row.updated_at,
        department_code=row.department_code,
        service_codes=list(row.service_codes),
        description=row.description,
        active=row.active,
        disabled_reason=row.disabled_reason,
        created_by=row.created_by,
    )
