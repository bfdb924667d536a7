"""The dashboard's summary: contacts, requests and calls in a window, counted live.

Each part is one pass over its window's index range, with FILTER aggregates, so the figures
are exact the moment after a write. JIT compilation is off for them: these queries run in
tens of milliseconds, and compiling would cost more than it saves (the planner's estimate for
the department filter's EXISTS is far above the real cost).
"""

import asyncio
from collections import Counter
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, literal_column, or_, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.read_models.metrics_csat import surveys_summary
from adapters.db.read_models.metrics_facts import (
    HANDLE_SECONDS,
    HANDLED,
    HOURS_TO_CLOSE,
    WAIT_SECONDS,
    call_conditions,
    contact_conditions,
    in_window,
    request_conditions,
    sr,
    without_jit,
)
from adapters.db.tables.cases import cases
from adapters.db.tables.metrics import call_records
from domain.metrics.model import (
    CallsSummary,
    ContactsSummary,
    Filters,
    RequestsSummary,
    Summary,
    SurveysSummary,
)
from domain.metrics.rates import mean, rate
from domain.metrics.window import Window
from domain.requests.model import Status

TARGET = cases.c.referral.op("->>")(literal_column("'target'"))


def _contacts_query(window: Window, f: Filters) -> Any:
    """One hash aggregate over the few (channel, type, referral target) combinations; the
    breakdowns and the total are folded from them."""
    return (
        select(
            cases.c.channel,
            cases.c.type,
            TARGET.label("target"),
            func.count().label("n"),
            func.count().filter(cases.c.resolved_on_first_contact.is_(True)).label("fcr"),
            func.sum(HANDLE_SECONDS).filter(HANDLED).label("handle_sum"),
            func.count().filter(HANDLED).label("handled"),
        )
        .where(*contact_conditions(window, f))
        .group_by(text("1, 2, 3"))
    )


def _tally(rows: Sequence[Any], key: str) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for row in rows:
        if (value := getattr(row, key)) is not None:
            counts[value] += row.n
    return dict(counts.most_common())


def _contacts(rows: Sequence[Any]) -> ContactsSummary:
    total = sum(r.n for r in rows)
    handled = sum(r.handled for r in rows)
    handle_sum = sum(r.handle_sum or 0.0 for r in rows)
    return ContactsSummary(
        total=total,
        by_channel=_tally(rows, "channel"),
        by_type=_tally(rows, "type"),
        first_contact_resolution_rate=rate(sum(r.fcr for r in rows), total),
        referrals_by_target=_tally(rows, "target"),
        average_handle_seconds=mean(handle_sum, handled),
    )


def _closed_query(window: Window, f: Filters) -> Any:
    on_time = sr.c.closed_at <= sr.c.expected_at
    return select(
        func.count().label("closed"),
        func.count().filter(on_time).label("on_time"),
        func.count().filter(sr.c.expected_at.is_not(None)).label("with_expected"),
        func.percentile_cont(0.5).within_group(HOURS_TO_CLOSE).label("p50"),
        func.percentile_cont(0.9).within_group(HOURS_TO_CLOSE).label("p90"),
    ).where(in_window(sr.c.closed_at, window), *request_conditions(f))


def _backlog_query(at: datetime, f: Filters) -> Any:
    """Open at `at`: in by then, and still open or closed later (a reopened request is open
    again; its closing time was cleared)."""
    open_then = or_(sr.c.status != Status.CLOSED.value, sr.c.closed_at >= at)
    return select(
        func.count().label("backlog"),
        func.count().filter(sr.c.expected_at < at).label("overdue"),
    ).where(sr.c.requested_at < at, open_then, *request_conditions(f))


def _opened_query(window: Window, f: Filters) -> Any:
    return select(func.count()).where(in_window(sr.c.requested_at, window), *request_conditions(f))


def _calls_query(window: Window, threshold: timedelta) -> Any:
    c = call_records.c
    return select(
        func.count().label("offered"),
        func.count(c.answered_at).label("answered"),
        func.count(c.abandoned_at).label("abandoned"),
        func.count().filter(c.answered_at <= c.offered_at + threshold).label("within"),
        func.sum(WAIT_SECONDS).label("wait_sum"),
    ).where(*call_conditions(window, Filters()))


def _calls(row: Any, threshold: timedelta) -> CallsSummary:
    return CallsSummary(
        offered=row.offered,
        answered=row.answered,
        abandoned=row.abandoned,
        answered_within_threshold=row.within,
        threshold_seconds=threshold.total_seconds(),
        answered_within_threshold_rate=rate(row.within, row.answered),
        average_speed_of_answer_s=mean(row.wait_sum, row.answered),
        abandonment_rate=rate(row.abandoned, row.offered),
    )


class MetricsSummaryReadModel:
    def __init__(self, engine: AsyncEngine, threshold: timedelta) -> None:
        self._engine = engine
        self._threshold = threshold

    async def summary(self, window: Window, department: str | None, now: datetime) -> Summary:
        """The four parts run at once, each on its own connection."""
        f = Filters(department=department)
        contacts, requests, calls, surveys = await asyncio.gather(
            self._contacts(window, f),
            self._requests(window, f, min(window.end, now)),
            self._calls(window) if department is None else _nothing(),
            self._surveys(window, f),
        )
        return Summary(window, department, contacts, requests, calls, surveys)

    async def _surveys(self, window: Window, f: Filters) -> SurveysSummary:
        async with self._engine.connect() as db:
            await without_jit(db)
            return await surveys_summary(db, window, f)

    async def _contacts(self, window: Window, f: Filters) -> ContactsSummary:
        async with self._engine.connect() as db:
            await without_jit(db)
            rows = (await db.execute(_contacts_query(window, f))).all()
        return _contacts(rows)

    async def _requests(self, window: Window, f: Filters, at: datetime) -> RequestsSummary:
        async with self._engine.connect() as db:
            await without_jit(db)
            opened = int(await db.scalar(_opened_query(window, f)) or 0)
            closed = (await db.execute(_closed_query(window, f))).one()
            backlog = (await db.execute(_backlog_query(at, f))).one()
        return RequestsSummary(
            opened=opened,
            closed=closed.closed,
            backlog=backlog.backlog,
            overdue=backlog.overdue,
            sla_on_time_rate=rate(closed.on_time, closed.with_expected),
            hours_to_close_p50=closed.p50,
            hours_to_close_p90=closed.p90,
        )

    async def _calls(self, window: Window) -> CallsSummary:
        async with self._engine.connect() as db:
            await without_jit(db)
            row = (await db.execute(_calls_query(window, self._threshold))).one()
        return _calls(row, self._threshold)


async def _nothing() -> None:
    return None
