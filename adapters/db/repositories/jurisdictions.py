"""Layers, areas (geometry as WKB) and routing rules."""

from typing import Any

import shapely
from sqlalchemy import Row, and_, delete, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.tables.jurisdictions import (
    jurisdiction_areas,
    jurisdiction_layers,
    jurisdiction_state,
    routing_rules,
)
from domain.jurisdictions.importing import ParsedArea
from domain.jurisdictions.model import Contact, Layer, LayerRole, RoutingRule

layers, areas, rules = jurisdiction_layers, jurisdiction_areas, routing_rules


def contact_to_json(contact: Contact | None) -> dict[str, Any] | None:
    if contact is None:
        return None
    return {
        "name": contact.name,
        "phone": contact.phone,
        "url": contact.url,
        "email": contact.email,
    }


def contact_from_json(data: dict[str, Any] | None) -> Contact | None:
    if not data:
        return None
    return Contact(data.get("name"), data.get("phone"), data.get("url"), data.get("email"))


def area_rows(layer: Layer, parsed: list[ParsedArea]) -> list[dict[str, Any]]:
    rows = []
    for area in parsed:
        min_x, min_y, max_x, max_y = area.geometry.bounds
        rows.append(
            {
                "layer_slug": layer.slug,
                "layer_version": layer.version,
                "code": area.code,
                "name": area.name,
                "properties": area.properties,
                "geometry": shapely.to_wkb(area.geometry),
                "size": area.geometry.area,
                "min_x": min_x,
                "min_y": min_y,
                "max_x": max_x,
                "max_y": max_y,
            }
        )
    return rows


def layer_from_row(row: Row[Any], area_count: int = 0) -> Layer:
    return Layer(row.slug, row.kind, LayerRole(row.role), row.name, row.version, area_count)


def rule_from_row(row: Row[Any]) -> RoutingRule:
    return RoutingRule(
        id=row.id,
        priority=row.priority,
        department=row.department_code,
        referral=contact_from_json(row.referral),
        refer_to_area_contact=row.refer_to_area_contact,
        service_code=row.service_code,
        service_group=row.service_group,
        layer=row.layer_slug,
        area_id=row.area_id,
        description=row.description,
    )


def _rule_values(rule: RoutingRule) -> dict[str, Any]:
    return {
        "priority": rule.priority,
        "department_code": rule.department,
        "referral": contact_to_json(rule.referral),
        "refer_to_area_contact": rule.refer_to_area_contact,
        "service_code": rule.service_code,
        "service_group": rule.service_group,
        "layer_slug": rule.layer,
        "area_id": rule.area_id,
        "description": rule.description,
    }


class SqlJurisdictionRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def lock_layer(self, slug: str) -> Layer | None:
        # The advisory lock also serialises two first imports of a layer that does not exist.
        await self._db.execute(select(func.pg_advisory_xact_lock(func.hashtext(slug))))
        query = select(layers).where(layers.c.slug == slug).with_for_update()
        row = (await self._db.execute(query)).first()
        if row is None:
            return None
        count = await self._db.scalar(
            select(func.count())
            .select_from(areas)
            .where(areas.c.layer_slug == slug, areas.c.layer_version == row.version)
        )
        return layer_from_row(row, int(count or 0))

    async def add_layer(self, layer: Layer) -> None:
        await self._db.execute(
            insert(layers).values(
                slug=layer.slug,
                kind=layer.kind,
                role=layer.role.value,
                name=layer.name,
                version=layer.version,
            )
        )

    async def save_layer(self, layer: Layer) -> None:
        await self._db.execute(
            update(layers)
            .where(layers.c.slug == layer.slug)
            .values(
                kind=layer.kind,
                role=layer.role.value,
                name=layer.name,
                version=layer.version,
                updated_at=func.now(),
            )
        )

    async def add_areas(self, layer: Layer, parsed: list[ParsedArea]) -> None:
        rows = area_rows(layer, parsed)
        for start in range(0, len(rows), 1000):
            await self._db.execute(insert(areas), rows[start : start + 1000])

    async def carry_over(self, layer: Layer) -> None:
        """Contacts and area-bound rules follow an area's code into the layer's new version."""
        old, new = areas.alias("old"), areas.alias("new")
        same_code = and_(
            old.c.layer_slug == layer.slug,
            old.c.layer_version == layer.version - 1,
            new.c.layer_slug == layer.slug,
            new.c.layer_version == layer.version,
            old.c.code == new.c.code,
        )
        await self._db.execute(
            update(areas)
            .where(areas.c.id == new.c.id, same_code, new.c.contact.is_(None))
            .values(contact=old.c.contact)
        )
        await self._db.execute(
            update(rules).where(rules.c.area_id == old.c.id, same_code).values(area_id=new.c.id)
        )

    async def area_layer(self, area_id: int) -> str | None:
        layer: str | None = await self._db.scalar(
            select(areas.c.layer_slug).where(areas.c.id == area_id)
        )
        return layer

    async def save_area_contact(self, area_id: int, contact: Contact | None) -> None:
        await self._db.execute(
            update(areas).where(areas.c.id == area_id).values(contact=contact_to_json(contact))
        )

    async def add_rule(self, rule: RoutingRule) -> RoutingRule:
        row = (
            await self._db.execute(insert(rules).values(**_rule_values(rule)).returning(rules))
        ).one()
        return rule_from_row(row)

    async def get_rule(self, rule_id: int) -> RoutingRule | None:
        row = (await self._db.execute(select(rules).where(rules.c.id == rule_id))).first()
        return None if row is None else rule_from_row(row)

    async def save_rule(self, rule: RoutingRule) -> None:
        await self._db.execute(
            update(rules).where(rules.c.id == rule.id).values(**_rule_values(rule))
        )

    async def delete_rule(self, rule_id: int) -> None:
        await self._db.execute(delete(rules).where(rules.c.id == rule_id))

    async def mark_changed(self) -> None:
        await self._db.execute(
            update(jurisdiction_state)
            .where(jurisdiction_state.c.id == 1)
            .values(version=jurisdiction_state.c.version + 1)
        )
