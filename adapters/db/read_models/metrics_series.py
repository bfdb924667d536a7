"""Chart series: one grouped pass over the window, each fact placed in its bucket by the
boundaries the domain computed (width_bucket), so days and months follow the city's zone."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ARRAY, DateTime, Select, and_, bindparam, func, null, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.read_models.metrics_areas import require_layer
from adapters.db.read_models.metrics_csat import (
    SATISFIED_ANSWER,
    SCORE,
    answer_conditions,
    answers,
)
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
from adapters.db.read_models.metrics_groupings import (
    Grouping,
    answer_grouping,
    call_grouping,
    contact_grouping,
    request_grouping,
)
from adapters.db.read_models.metrics_labels import label_rows
from adapters.db.tables.cases import cases
from adapters.db.tables.metrics import CONTACT_AT, call_records
from domain.metrics.labels import hour_label
from domain.metrics.model import Series, SeriesQuestion
from domain.metrics.series import Counted, Family, build_lines

c = call_records.c


@dataclass(frozen=True)
class Parts:
    """A measure as SQL aggregates: the value (or numerator) and the denominator."""

    numerator: Any
    denominator: Any = None  # None: the numerator is the value


def _count() -> Parts:
    return Parts(func.count())


PartsOf = Callable[[], Parts]

CONTACT_MEASURES: dict[str, PartsOf] = {
    "count": _count,
    "fcr_rate": lambda: Parts(
        func.count().filter(cases.c.resolved_on_first_contact.is_(True)), func.count()
    ),
    "average_handle_seconds": lambda: Parts(
        func.sum(HANDLE_SECONDS).filter(HANDLED), func.count().filter(HANDLED)
    ),
}
SLA_MEASURES: dict[str, PartsOf] = {
    "on_time_rate": lambda: Parts(
        func.count().filter(sr.c.closed_at <= sr.c.expected_at),
        func.count().filter(sr.c.expected_at.is_not(None)),
    ),
    "hours_to_close_p50": lambda: Parts(func.percentile_cont(0.5).within_group(HOURS_TO_CLOSE)),
    "hours_to_close_p90": lambda: Parts(func.percentile_cont(0.9).within_group(HOURS_TO_CLOSE)),
}

CSAT_MEASURES: dict[str, PartsOf] = {
    "average_score": lambda: Parts(func.sum(SCORE), func.count()),
    "satisfied_rate": lambda: Parts(func.count().filter(SATISFIED_ANSWER), func.count()),
    "answered": _count,
}


def _call_measures(q: SeriesQuestion) -> dict[str, PartsOf]:
    within = c.answered_at <= c.offered_at + q.threshold
    return {
        "answered_within_threshold_rate": lambda: Parts(
            func.count().filter(within), func.count(c.answered_at)
        ),
        "offered": _count,
        "answered": lambda: Parts(func.count(c.answered_at)),
        "abandoned": lambda: Parts(func.count(c.abandoned_at)),
        "abandonment_rate": lambda: Parts(func.count(c.abandoned_at), func.count()),
        "average_speed_of_answer_s": lambda: Parts(
            func.sum(WAIT_SECONDS), func.count(c.answered_at)
        ),
        "fcr_rate": lambda: Parts(
            func.count().filter(cases.c.resolved_on_first_contact.is_(True)),
            func.count(cases.c.id),
        ),
        "average_handle_seconds": CONTACT_MEASURES["average_handle_seconds"],
    }


JOINS_CASES = frozenset({"fcr_rate", "average_handle_seconds"})


@dataclass(frozen=True)
class Plan:
    grouping: Grouping
    at: Any  # the instant that places a fact in time
    parts: Parts
    conditions: list[Any]


def _plan(q: SeriesQuestion) -> Plan:
    name, f = q.measure.name, q.filters
    if q.family is Family.CONTACTS:
        conditions = contact_conditions(q.window, f)
        grouping = contact_grouping(q.group_by)
        return Plan(grouping, CONTACT_AT, CONTACT_MEASURES[name](), conditions)
    if q.family is Family.CSAT:
        conditions = answer_conditions(q.window, f)
        grouping = answer_grouping(q.group_by)
        return Plan(grouping, answers.c.answered_at, CSAT_MEASURES[name](), conditions)
    if q.family is Family.CALLS:
        grouping = call_grouping(q.group_by, q.zone.key)
        if name in JOINS_CASES:
            joined = grouping.source.outerjoin(cases, cases.c.call_id == c.call_id)
            grouping = Grouping(joined, grouping.key, grouping.label)
        parts = _call_measures(q)[name]()
        return Plan(grouping, c.offered_at, parts, call_conditions(q.window, f))
    at = sr.c.requested_at if name == "opened" else sr.c.closed_at
    parts = _count() if q.family is Family.REQUESTS else SLA_MEASURES[name]()
    conditions = [in_window(at, q.window), *request_conditions(f)]
    return Plan(request_grouping(q.group_by), at, parts, conditions)


def _query(q: SeriesQuestion) -> Select[Any]:
    plan = _plan(q)
    edges = bindparam("edges", list(q.buckets), type_=ARRAY(DateTime(timezone=True)))
    label = plan.grouping.label if plan.grouping.label is not None else null()
    denominator = plan.parts.denominator if plan.parts.denominator is not None else null()
    return (
        select(
            (func.width_bucket(plan.at, edges) - 1).label("bucket"),
            plan.grouping.key.label("key"),
            label.label("label"),
            plan.parts.numerator.label("numerator"),
            denominator.label("denominator"),
            func.count().label("weight"),
        )
        .select_from(plan.grouping.source)
        .where(and_(*plan.conditions))
        .group_by(text("1, 2"))
    )


def _fixed(q: SeriesQuestion) -> list[tuple[str, str]]:
    if q.group_by.kind == "hour_of_day":
        return [(str(hour), hour_label(hour)) for hour in range(24)]
    return []


class MetricsSeriesReadModel:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def series(self, q: SeriesQuestion) -> Series:
        async with self._engine.connect() as db:
            await without_jit(db)
            if q.group_by.layer:
                await require_layer(db, q.group_by.layer)
            rows: Sequence[Any] = (await db.execute(_query(q))).all()
            named = await label_rows(db, q.group_by, rows)
        counted = [
            Counted(r.bucket, r.key, label, r.numerator, r.denominator, r.weight)
            for r, label in named
        ]
        lines = build_lines(counted, len(q.buckets), q.measure.combine, _fixed(q))
        return Series(q, lines[: q.limit], truncated=len(lines) > q.limit)
