"""Reads of layers, areas and rules: for the API's lists and for building the spatial index."""

from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.read_models.translated import Translated
from adapters.db.repositories.jurisdictions import (
    contact_from_json,
    layer_from_row,
    rule_from_row,
)
from adapters.db.repositories.translations import name_translation_from_json
from adapters.db.tables.directory import departments
from adapters.db.tables.jurisdictions import (
    jurisdiction_areas,
    jurisdiction_layers,
    jurisdiction_state,
    routing_rules,
)
from adapters.db.tables.translations import catalog_translations
from domain.directory.translations import Subject, SubjectRef
from domain.jurisdictions.model import AreaRecord, AreaRef, Layer, RoutingRule

layers, areas = jurisdiction_layers, jurisdiction_areas


@dataclass(frozen=True)
class Snapshot:
    version: int
    layers: list[Layer]
    areas: list[tuple[AreaRecord, bytes]]
    rules: list[RoutingRule]
    department_names: dict[str, str]


CURRENT = and_(areas.c.layer_slug == layers.c.slug, areas.c.layer_version == layers.c.version)


def _localized_layer(row: Any) -> Layer:
    layer = layer_from_row(row, row.n)
    text = name_translation_from_json(row.translation)
    return layer if text is None else replace(layer, name=text.name)


def _record(row: Any) -> AreaRecord:
    return AreaRecord(
        AreaRef(row.id, row.layer_slug, row.code, row.name),
        row.properties,
        contact_from_json(row.contact),
        row.layer_version,
        row.layer_version == row.current_version,
        row.size,
    )


AREA_COLUMNS = (
    areas.c.id,
    areas.c.layer_slug,
    areas.c.code,
    areas.c.name,
    areas.c.properties,
    areas.c.contact,
    areas.c.layer_version,
    areas.c.size,
    layers.c.version.label("current_version"),
)


class JurisdictionReadModel:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def version(self) -> int:
        async with self._engine.connect() as db:
            value = await db.scalar(select(jurisdiction_state.c.version))
        return int(value or 0)

    async def layers(self, language: str | None = None) -> list[Layer]:
        counts = (
            select(areas.c.layer_slug, func.count().label("n"))
            .join(layers, CURRENT)
            .group_by(areas.c.layer_slug)
            .subquery()
        )
        text = Translated(Subject.LAYER, layers.c.slug, language)
        query = (
            select(layers, func.coalesce(counts.c.n, 0).label("n"), text.text.label("translation"))
            .select_from(text.join(layers))
            .outerjoin(counts, counts.c.layer_slug == layers.c.slug)
            .order_by(layers.c.slug)
        )
        async with self._engine.connect() as db:
            rows = (await db.execute(query)).all()
        return [_localized_layer(r) for r in rows]

    async def referral_names(self, refs: set[SubjectRef], language: str) -> dict[SubjectRef, str]:
        """The translated names of these referral targets, in one query."""
        t = catalog_translations
        keys = [ref.key for ref in refs if ref.kind is Subject.REFERRAL]
        if not keys:
            return {}
        query = select(t.c.subject_key, t.c.text).where(
            t.c.subject == Subject.REFERRAL.value,
            t.c.subject_key.in_(keys),
            t.c.language == language,
        )
        async with self._engine.connect() as db:
            rows = (await db.execute(query)).all()
        return {SubjectRef(Subject.REFERRAL, r.subject_key): r.text["name"] for r in rows}

    async def areas(self, layer: str | None, limit: int, offset: int) -> list[AreaRecord]:
        query = select(*AREA_COLUMNS).join(layers, CURRENT)
        if layer is not None:
            query = query.where(areas.c.layer_slug == layer)
        query = query.order_by(areas.c.layer_slug, areas.c.code, areas.c.id)
        async with self._engine.connect() as db:
            rows = (await db.execute(query.limit(limit).offset(offset))).all()
        return [_record(r) for r in rows]

    async def area(self, area_id: int) -> tuple[AreaRecord, bytes] | None:
        query = (
            select(*AREA_COLUMNS, areas.c.geometry)
            .join(layers, areas.c.layer_slug == layers.c.slug)
            .where(areas.c.id == area_id)
        )
        async with self._engine.connect() as db:
            row = (await db.execute(query)).first()
        return None if row is None else (_record(row), row.geometry)

    async def layer_geometries(self, slug: str) -> list[tuple[AreaRecord, bytes]]:
        query = (
            select(*AREA_COLUMNS, areas.c.geometry)
            .join(layers, CURRENT)
            .where(areas.c.layer_slug == slug)
            .order_by(areas.c.code, areas.c.id)
        )
        async with self._engine.connect() as db:
            rows = (await db.execute(query)).all()
        return [(_record(r), r.geometry) for r in rows]

    async def rules(self) -> list[RoutingRule]:
        query = select(routing_rules).order_by(routing_rules.c.priority, routing_rules.c.id)
        async with self._engine.connect() as db:
            return [rule_from_row(r) for r in (await db.execute(query)).all()]

    async def snapshot(self) -> Snapshot:
        """Everything the resolver needs, read in one repeatable-read transaction."""
        query = select(*AREA_COLUMNS, areas.c.geometry).join(layers, CURRENT)
        async with self._engine.connect() as db:
            await db.execution_options(isolation_level="REPEATABLE READ")
            version = int(await db.scalar(select(jurisdiction_state.c.version)) or 0)
            layer_rows = (await db.execute(select(layers))).all()
            area_rows = (await db.execute(query)).all()
            rule_rows = (
                await db.execute(select(routing_rules).order_by(routing_rules.c.priority))
            ).all()
            names = (await db.execute(select(departments.c.code, departments.c.name))).all()
        return Snapshot(
            version,
            [layer_from_row(r) for r in layer_rows],
            [(_record(r), r.geometry) for r in area_rows],
            [rule_from_row(r) for r in rule_rows],
            {code: name for code, name in names},
        )
