"""What a re-import keeps: contacts and area-bound rules follow the area's code."""

import asyncio
from typing import Any
from uuid import UUID

import pytest
from shapely.geometry import box, mapping
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.read_models.jurisdictions import JurisdictionReadModel
from adapters.db.unit_of_work import SqlUnitOfWorkFactory
from adapters.geo.live import LiveJurisdictions
from domain.directory.permissions import Principal
from domain.directory.users import Role
from domain.jurisdictions.importing import parse_collection
from domain.jurisdictions.model import Contact, LayerRole, ResponsibleKind, RoutingRule
from domain.jurisdictions.resolver import ServiceFacts
from domain.jurisdictions.use_cases import (
    ImportLayer,
    create_rule,
    import_layer,
    update_area_contact,
)
from tests.unit.wiring import context_of

pytestmark = pytest.mark.usefixtures("seeded")

ADMIN = Principal(UUID(int=1), "Ada Admin", Role.ADMIN)
POTHOLE = ServiceFacts(
    "trm-pothole-repair", "Pothole", "Streets", "transportation", "Transportation"
)


def towns(*boxes: tuple[str, tuple[float, float, float, float]]) -> dict[str, Any]:
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"code": code, "name": f"Town {code}"},
                "geometry": mapping(box(*bounds)),
            }
            for code, bounds in boxes
        ],
    }


async def reimport(engine: AsyncEngine, collection: dict[str, Any]) -> None:
    areas = parse_collection(collection, "code", "name")
    await import_layer(
        context_of(SqlUnitOfWorkFactory(engine)),
        ImportLayer("towns", areas, LayerRole.REFER),
        ADMIN,
    )


async def test_contacts_follow_the_code_into_the_new_version(seeded: AsyncEngine) -> None:
    await reimport(seeded, towns(("a", (0, 0, 1, 1)), ("b", (1, 0, 2, 1))))
    reads = JurisdictionReadModel(seeded)
    first = {r.ref.code: r.ref.id for r in await reads.areas("towns", 10, 0)}
    await update_area_contact(
        context_of(SqlUnitOfWorkFactory(seeded)),
        first["a"],
        Contact("Town A hall", "555-0100"),
        ADMIN,
    )
    await reimport(seeded, towns(("a", (0, 0, 1.5, 1)), ("c", (2, 0, 3, 1))))
    second = {r.ref.code: r for r in await reads.areas("towns", 10, 0)}
    assert set(second) == {"a", "c"}
    assert second["a"].ref.id != first["a"]
    assert second["a"].contact == Contact("Town A hall", "555-0100")
    assert second["c"].contact is None


async def test_area_rules_follow_the_code_into_the_new_version(seeded: AsyncEngine) -> None:
    await reimport(seeded, towns(("a", (0, 0, 1, 1))))
    reads = JurisdictionReadModel(seeded)
    (area,) = await reads.areas("towns", 10, 0)
    rule = RoutingRule(0, 1, department="solid-waste", area_id=area.ref.id, description="test")
    stored = await create_rule(context_of(SqlUnitOfWorkFactory(seeded)), rule, ADMIN)
    await reimport(seeded, towns(("a", (0, 0, 2, 1))))
    (new_area,) = await reads.areas("towns", 10, 0)
    (kept,) = await reads.rules()
    assert kept.id == stored.id
    assert kept.area_id == new_area.ref.id
    resolution = await LiveJurisdictions(reads, 0).resolve(0.5, 1.5, POTHOLE)
    assert resolution.responsible.kind is ResponsibleKind.DEPARTMENT
    assert resolution.responsible.department == "solid-waste"
    assert resolution.explanation == (
        "By routing rule 1 (test), Pothole in Town a (towns) is handled by Solid Waste."
    ).replace("rule 1", f"rule {stored.id}")


async def test_two_first_imports_of_a_new_layer_at_once_both_succeed(
    seeded: AsyncEngine,
) -> None:
    collection = towns(("a", (0, 0, 1, 1)))
    await asyncio.gather(reimport(seeded, collection), reimport(seeded, collection))
    (layer,) = [x for x in await JurisdictionReadModel(seeded).layers() if x.slug == "towns"]
    assert layer.version == 2
    assert layer.area_count == 1
