"""Requests by area of an info layer (council districts, neighborhoods): the top issues of
each area against the period before, and what is open in each, for the dashboard's map."""

from typing import Any

from sqlalchemy import and_, func, select, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.db.read_models.metrics_facts import request_conditions, sr, without_jit
from adapters.db.read_models.metrics_groupings import area_field, area_of
from adapters.db.tables.directory import services
from adapters.db.tables.jurisdictions import jurisdiction_areas, jurisdiction_layers
from domain.metrics.model import AreaIssues, AreaOpen, Filters, Issue
from domain.metrics.window import Window
from domain.requests.model import Status
from domain.shared.errors import ValidationFailed

layers, areas = jurisdiction_layers, jurisdiction_areas


async def require_layer(db: AsyncConnection, slug: str) -> None:
    found = await db.scalar(select(layers.c.slug).where(layers.c.slug == slug))
    if found is None:
        raise ValidationFailed.single("layer", f"{slug} is not a known layer")


async def _areas(db: AsyncConnection, slug: str) -> list[tuple[str, str]]:
    """The layer's current areas, by code."""
    current = and_(areas.c.layer_slug == layers.c.slug, areas.c.layer_version == layers.c.version)
    query = (
        select(areas.c.code, areas.c.name)
        .join(layers, current)
        .where(layers.c.slug == slug)
        .order_by(areas.c.code)
    )
    return [(row.code, row.name) for row in await db.execute(query)]


def _top_query(slug: str, window: Window, f: Filters, limit: int) -> Any:
    before = window.previous()
    code = area_field(area_of(sr.c.areas, slug), "code")
    counted = (
        select(
            code.label("code"),
            sr.c.service_code,
            func.count().filter(sr.c.requested_at >= window.start).label("current"),
            func.count().filter(sr.c.requested_at < window.start).label("previous"),
        )
        .where(sr.c.requested_at >= before.start, sr.c.requested_at < window.end)
        .where(code.is_not(None), *request_conditions(f))
        .group_by(text("1, 2"))
        .subquery()
    )
    order = (counted.c.current.desc(), counted.c.service_code)
    rank = func.row_number().over(partition_by=counted.c.code, order_by=order)
    ranked = select(counted, rank.label("rank")).where(counted.c.current > 0).subquery()
    return (
        select(ranked, services.c.name.label("service_name"))
        .join(services, services.c.code == ranked.c.service_code)
        .where(ranked.c.rank <= limit)
        .order_by(ranked.c.code, ranked.c.rank)
    )


def _open_query(slug: str, f: Filters) -> Any:
    code = area_field(area_of(sr.c.areas, slug), "code")
    return (
        select(code.label("code"), func.count().label("open"))
        .where(sr.c.status != Status.CLOSED.value, *request_conditions(f))
        .group_by(text("1"))
    )


class MetricsAreasReadModel:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def top_issues(
        self, slug: str, window: Window, f: Filters, limit: int
    ) -> list[AreaIssues]:
        """Each area's `limit` most requested services in the window, with their count in
        the period of the same length just before."""
        async with self._engine.connect() as db:
            await without_jit(db)
            await require_layer(db, slug)
            named = await _areas(db, slug)
            rows = (await db.execute(_top_query(slug, window, f, limit))).all()
        issues: dict[str, list[Issue]] = {}
        for r in rows:
            issue = Issue(r.service_code, r.service_name, r.current, r.previous)
            issues.setdefault(r.code, []).append(issue)
        return [AreaIssues(code, name, issues.get(code, [])) for code, name in named]

    async def open_by_area(self, slug: str, f: Filters) -> tuple[list[AreaOpen], int]:
        """Open requests in each area of the layer, and those in none of its areas."""
        async with self._engine.connect() as db:
            await without_jit(db)
            await require_layer(db, slug)
            named = await _areas(db, slug)
            counts = {r.code: r.open for r in await db.execute(_open_query(slug, f))}
        known = [AreaOpen(code, name, counts.pop(code, 0)) for code, name in named]
        return known, sum(counts.values())
