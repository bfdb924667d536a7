"""The report card's figures: two grouped queries over the window, exact at every read.

Each query groups by department and month and, in the same pass (GROUPING SETS), by
department alone: a median over twelve months cannot be made from twelve monthly medians.
"""

from typing import Any

from sqlalchemy import and_, bindparam, extract, func, literal_column, select, tuple_
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.tables.requests import service_requests as t
from adapters.db.tables.surveys import survey_answers as a
from domain.reporting.report_card import Figures
from domain.reporting.window import Window

Key = tuple[str, str | None]  # (department, month label); None: the whole window


def _month(column: Any, zone: str) -> Any:
    """One named parameter for the zone: GROUP BY must see the very expression SELECT has."""
    local = func.timezone(bindparam("report_time_zone", zone), column)
    return func.to_char(func.date_trunc("month", local), literal_column("'YYYY-MM'"))


def _by_department_and_month(month: Any, department: Any = t.c.department_code) -> Any:
    return func.grouping_sets(tuple_(department, month), tuple_(department))


class ReportCardReadModel:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def figures(self, window: Window) -> dict[Key, Figures]:
        """Figures by (department, month), and by (department, None) for the whole window."""
        async with self._engine.connect() as db:
            opened = (await db.execute(self._opened(window))).all()
            closed = (await db.execute(self._closed(window))).all()
            answered = (await db.execute(self._answered(window))).all()
        found: dict[Key, dict[str, Any]] = {}
        for row in opened:
            found.setdefault((row.department_code, row.month), {})["opened"] = row.opened
        for row in closed:
            found.setdefault((row.department_code, row.month), {}).update(
                closed=row.closed,
                closed_with_expected=row.with_expected,
                closed_on_time=row.on_time,
                median_seconds_to_close=row.median_seconds,
            )
        for row in answered:
            found.setdefault((row.department_code, row.month), {}).update(
                survey_answers=row.answers, survey_score_sum=row.score_sum
            )
        return {key: Figures(**values) for key, values in found.items()}

    @staticmethod
    def _opened(w: Window) -> Any:
        month = _month(t.c.requested_at, w.time_zone)
        return (
            select(t.c.department_code, month.label("month"), func.count().label("opened"))
            .where(t.c.requested_at >= w.start, t.c.requested_at < w.end)
            .group_by(_by_department_and_month(month))
        )

    @staticmethod
    def _closed(w: Window) -> Any:
        month = _month(t.c.closed_at, w.time_zone)
        seconds = extract("epoch", t.c.closed_at - t.c.requested_at)
        on_time = and_(t.c.expected_at.is_not(None), t.c.closed_at <= t.c.expected_at)
        return (
            select(
                t.c.department_code,
                month.label("month"),
                func.count().label("closed"),
                func.count().filter(t.c.expected_at.is_not(None)).label("with_expected"),
                func.count().filter(on_time).label("on_time"),
                func.percentile_cont(0.5).within_group(seconds).label("median_seconds"),
            )
            .where(t.c.status == "closed", t.c.closed_at >= w.start, t.c.closed_at < w.end)
            .group_by(_by_department_and_month(month))
        )

    @staticmethod
    def _answered(w: Window) -> Any:
        month = _month(a.c.answered_at, w.time_zone)
        return (
            select(
                a.c.department_code,
                month.label("month"),
                func.count().label("answers"),
                func.sum(a.c.score).label("score_sum"),
            )
            .where(a.c.answered_at >= w.start, a.c.answered_at < w.end)
            .group_by(_by_department_and_month(month, a.c.department_code))
        )
