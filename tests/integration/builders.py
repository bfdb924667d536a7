"""Domain objects and small helpers shared by the integration tests (no mocks, real rows)."""

from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5
from zoneinfo import ZoneInfo

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.unit_of_work import SqlUnitOfWork
from domain.directory.catalog import SlaPolicy
from domain.requests.model import ServiceRequest
from domain.shared.sla import BusinessHours, SlaCalendar
from domain.shared.vocabulary import Actor

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday morning
HOURS = BusinessHours(tz=ZoneInfo("America/New_York"))
RESIDENT = Actor(None, "Resident")
POTHOLE_SLA = SlaPolicy(9.0, SlaCalendar.BUSINESS, True)


def demo_user_id(email: str) -> UUID:
    """The fixed id the demo loader gives each demo user."""
    return uuid5(NAMESPACE_URL, f"frontdoor:demo:{email}")


STAFF_ID = demo_user_id("staff@example.org")
MANAGER_ID = demo_user_id("manager@example.org")
AGENT_ID = demo_user_id("agent@example.org")


def at(hours: float) -> datetime:
    return T0 + timedelta(hours=hours)


def make_request(
    request_id: str,
    *,
    service_code: str = "trm-pothole-repair",
    department_code: str = "transportation",
    requested_at: datetime = T0,
    **fields: Any,
) -> ServiceRequest:
    fields.setdefault("updated_at", requested_at)
    return ServiceRequest(
        id=request_id,
        service_code=service_code,
        department_code=department_code,
        sla=fields.pop("sla", POTHOLE_SLA),
        requested_at=requested_at,
        **fields,
    )


async def add_requests(engine: AsyncEngine, *requests: ServiceRequest) -> None:
    async with SqlUnitOfWork(engine) as uow:
        for request in requests:
            await uow.requests.add(request)
        await uow.commit()


async def count(engine: AsyncEngine, table: str, where: str = "true", **params: Any) -> int:
    async with engine.connect() as db:
        total = await db.scalar(text(f"SELECT count(*) FROM {table} WHERE {where}"), params)
    assert total is not None
    return int(total)
