"""The facts the metrics count, and the conditions that put them in a window or a scope."""

from typing import Any

from sqlalchemy import ColumnElement, Double, and_, cast, exists, func, or_, select, text
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.tables.cases import cases
from adapters.db.tables.metrics import CONTACT_AT, call_records
from adapters.db.tables.requests import service_requests
from domain.metrics.model import Filters
from domain.metrics.window import Window

sr = service_requests

# A handle time needs both ends of the contact.
HANDLED = and_(cases.c.started_at.is_not(None), cases.c.ended_at.is_not(None))


def seconds(elapsed: Any) -> Any:
    """An interval in seconds, as double precision (extract gives numeric)."""
    return cast(func.extract("epoch", elapsed), Double)


HANDLE_SECONDS = seconds(cases.c.ended_at - cases.c.started_at)
HOURS_TO_CLOSE = seconds(sr.c.closed_at - sr.c.requested_at) / 3600.0
WAIT_SECONDS = seconds(call_records.c.answered_at - call_records.c.offered_at)


async def without_jit(db: AsyncConnection) -> None:
    """For this transaction only: the metrics queries are short, compiling them is not."""
    await db.execute(text("SET LOCAL jit = off"))


def in_window(at: Any, window: Window) -> ColumnElement[bool]:
    return and_(at >= window.start, at < window.end)


def contact_in_department(department: str) -> ColumnElement[bool]:
    """A contact is about a department when it names it (a complaint or praise) or when it
    is linked to one of its requests."""
    linked = select(sr.c.id).where(sr.c.id == func.any(cases.c.request_ids))
    has_requests = func.cardinality(cases.c.request_ids) > 0  # spares most contacts the look-up
    return or_(
        cases.c.department_code == department,
        and_(has_requests, exists(linked.where(sr.c.department_code == department))),
    )


def contact_conditions(window: Window, f: Filters) -> list[ColumnElement[bool]]:
    conditions = [in_window(CONTACT_AT, window)]
    if f.department:
        conditions.append(contact_in_department(f.department))
    if f.channels:
        conditions.append(cases.c.channel.in_(f.channels))
    if f.types:
        conditions.append(cases.c.type.in_(f.types))
    if f.tags:
        conditions.append(cases.c.tags.overlap(list(f.tags)))
    if f.service_codes:
        linked = select(sr.c.id).where(
            sr.c.id == func.any(cases.c.request_ids), sr.c.service_code.in_(f.service_codes)
        )
        conditions.append(exists(linked))
    return conditions


def request_conditions(f: Filters) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if f.department:
        conditions.append(sr.c.department_code == f.department)
    if f.service_codes:
        conditions.append(sr.c.service_code.in_(f.service_codes))
    if f.channels:
        conditions.append(sr.c.channel.in_(f.channels))
    return conditions


def call_conditions(window: Window, f: Filters) -> list[ColumnElement[bool]]:
    conditions = [in_window(call_records.c.offered_at, window)]
    if f.queues:
        conditions.append(call_records.c.queue.in_(f.queues))
    return conditions
