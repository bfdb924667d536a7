"""Imports through the use cases on the real PostgreSQL, resolved by LiveJurisdictions.

Synthetic layers around Baltimore City Hall (39.2904, -76.6122):
- `city`: one served box;
- `districts`: version 1 splits the box west/east, version 2 north/south, with new names;
- `roads`: a refer corridor through City Hall.
"""

import asyncio
import json
import time
from collections.abc import AsyncIterator
from typing import Any
from uuid import UUID

import pytest
from shapely.geometry import box, mapping
from shapely.geometry.base import BaseGeometry
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.engine import make_engine
from adapters.db.read_models.jurisdictions import JurisdictionReadModel
from adapters.db.unit_of_work import SqlUnitOfWork, SqlUnitOfWorkFactory
from adapters.geo.live import LiveJurisdictions
from adapters.geocoding import build_geocoder
from domain.directory.permissions import Principal
from domain.directory.users import Role
from domain.jurisdictions.importing import parse_collection
from domain.jurisdictions.model import (
    AreaRef,
    Contact,
    LayerRole,
    OutOfJurisdiction,
    ResponsibleKind,
)
from domain.jurisdictions.resolver import ServiceFacts
from domain.jurisdictions.use_cases import (
    ImportLayer,
    ImportOutcome,
    import_layer,
    update_area_contact,
    update_layer,
)
from domain.requests.model import Location
from domain.requests.use_cases import SubmitServiceRequest, submit_service_request
from domain.shared.clock import FixedClock
from domain.shared.context import Context
from domain.shared.errors import Forbidden
from tests.integration.builders import HOURS, RESIDENT, T0, count
from tests.unit.wiring import Wiring, context_of

pytestmark = pytest.mark.usefixtures("seeded")

ADMIN = Principal(UUID(int=1), "Ada Admin", Role.ADMIN)
AGENT = Principal(UUID(int=2), "Alex Agent", Role.AGENT)
CITY_HALL = (39.2904, -76.6122)
OUTSIDE = (39.45, -76.9)
POTHOLE = ServiceFacts(
    "trm-pothole-repair", "Pothole", "Streets", "transportation", "Transportation"
)

CITY = box(-76.72, 39.19, -76.52, 39.38)
WEST, EAST = box(-76.72, 39.19, -76.62, 39.38), box(-76.62, 39.19, -76.52, 39.38)
SOUTH, NORTH = box(-76.72, 39.19, -76.52, 39.285), box(-76.72, 39.285, -76.52, 39.38)
CORRIDOR = box(-76.6125, 39.20, -76.6119, 39.37)  # a narrow north-south strip


def collection(*features: tuple[str, str, BaseGeometry]) -> dict[str, Any]:
    """A FeatureCollection as JSON decodes it (lists, not shapely's tuples)."""
    body = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"id": code, "name": name},
                "geometry": mapping(geometry),
            }
            for code, name, geometry in features
        ],
    }
    decoded: dict[str, Any] = json.loads(json.dumps(body))
    return decoded


async def load(
    engine: AsyncEngine,
    slug: str,
    body: dict[str, Any],
    role: LayerRole | None = None,
    kind: str | None = None,
) -> ImportOutcome:
    areas = parse_collection(body, "id", "name")
    command = ImportLayer(slug, areas, role, kind)
    return await import_layer(context_of(SqlUnitOfWorkFactory(engine)), command, ADMIN)


DISTRICTS_2012 = collection(("1", "District 1 (2012)", WEST), ("2", "District 2 (2012)", EAST))
DISTRICTS_2024 = collection(("1", "District 1 (2024)", NORTH), ("2", "District 2 (2024)", SOUTH))


async def city_and_districts(engine: AsyncEngine) -> None:
    await load(engine, "city", collection(("24510", "Baltimore", CITY)), LayerRole.SERVED, "city")
    await load(engine, "districts", DISTRICTS_2012, kind="council district")


@pytest.fixture
async def live(seeded: AsyncEngine) -> LiveJurisdictions:
    return LiveJurisdictions(JurisdictionReadModel(seeded), check_every=0)


@pytest.fixture
async def second_process(database_url: str) -> AsyncIterator[AsyncEngine]:
    """An engine of its own, as another API process would have."""
    engine = make_engine(database_url, pool_size=2, max_overflow=0)
    yield engine
    await engine.dispose()


def names(areas: list[AreaRef]) -> list[str]:
    return [a.name for a in areas]


async def area_id(engine: AsyncEngine, layer: str, code: str, version: int) -> int:
    async with engine.connect() as db:
        found = await db.scalar(
            text(
                "SELECT id FROM jurisdiction_areas"
                " WHERE layer_slug = :layer AND code = :code AND layer_version = :version"
            ),
            {"layer": layer, "code": code, "version": version},
        )
    assert found is not None
    return int(found)


# --- import, then resolve ----------------------------------------------------------------------


async def test_an_imported_layer_is_resolved_with_the_stored_area_ids(
    seeded: AsyncEngine, live: LiveJurisdictions
) -> None:
    await city_and_districts(seeded)
    resolution = await live.resolve(*CITY_HALL, POTHOLE)
    city_id = await area_id(seeded, "city", "24510", 1)
    east_id = await area_id(seeded, "districts", "2", 1)
    assert resolution.areas == [
        AreaRef(city_id, "city", "24510", "Baltimore"),
        AreaRef(east_id, "districts", "2", "District 2 (2012)"),
    ]
    assert resolution.responsible.kind is ResponsibleKind.DEPARTMENT
    assert resolution.responsible.department == "transportation"
    assert resolution.explanation == (
        "The point lies in Baltimore (city), which we serve; Pothole is handled by Transportation."
    )
    outside = await live.resolve(*OUTSIDE, POTHOLE)
    assert outside.areas == []
    assert outside.responsible.kind is ResponsibleKind.NONE


async def test_resolve_many_matches_resolve_point_by_point(
    seeded: AsyncEngine, live: LiveJurisdictions
) -> None:
    await city_and_districts(seeded)
    await load(seeded, "roads", collection(("us-40", "Road", CORRIDOR)), LayerRole.REFER)
    points = [CITY_HALL, OUTSIDE, (39.25, -76.7), (39.3, -76.55), CITY_HALL]
    facts = [POTHOLE, None, POTHOLE, None, None]
    many = await live.resolve_many(
        [(lat, long, f) for (lat, long), f in zip(points, facts, strict=True)]
    )
    one_by_one = [
        await live.resolve(lat, long, f) for (lat, long), f in zip(points, facts, strict=True)
    ]
    assert many == one_by_one
    assert [r.responsible.kind for r in many] == [
        ResponsibleKind.REFERRAL,
        ResponsibleKind.NONE,
        ResponsibleKind.DEPARTMENT,
        ResponsibleKind.DEPARTMENT,
        ResponsibleKind.REFERRAL,
    ]


async def test_points_sharing_areas_are_decided_once_per_service(
    seeded: AsyncEngine, live: LiveJurisdictions
) -> None:
    """resolve_many decides each (areas, service) once; the answers stay point by point."""
    await city_and_districts(seeded)
    near_city_hall = (CITY_HALL[0] + 0.0001, CITY_HALL[1] + 0.0001)
    points = [CITY_HALL, near_city_hall, CITY_HALL, OUTSIDE, CITY_HALL, (39.25, -76.7)]
    facts = [POTHOLE, POTHOLE, None, POTHOLE, POTHOLE, None]
    many = await live.resolve_many(
        [(lat, long, f) for (lat, long), f in zip(points, facts, strict=True)]
    )
    one_by_one = [
        await live.resolve(lat, long, f) for (lat, long), f in zip(points, facts, strict=True)
    ]
    assert many == one_by_one
    assert many[0].responsible.department == "transportation"
    assert many[2].responsible.department is None  # same areas, no service
    assert many[3].responsible.kind is ResponsibleKind.NONE


async def test_contacts_roles_and_reimports_reach_the_resolver(
    seeded: AsyncEngine, live: LiveJurisdictions
) -> None:
    await city_and_districts(seeded)
    await load(seeded, "roads", collection(("us-40", "US 40", CORRIDOR)), kind="state road")
    uow = SqlUnitOfWorkFactory(seeded)
    assert (await live.resolve(*CITY_HALL, POTHOLE)).responsible.kind is ResponsibleKind.DEPARTMENT

    await update_layer(context_of(uow), "roads", ADMIN, role=LayerRole.REFER)
    referred = await live.resolve(*CITY_HALL, POTHOLE)
    assert referred.responsible.referral == Contact(name="US 40")

    sha = Contact("State Highway Administration (sample)", "410-555-0100")
    await update_area_contact(
        context_of(uow), await area_id(seeded, "roads", "us-40", 1), sha, ADMIN
    )
    assert (await live.resolve(*CITY_HALL, POTHOLE)).responsible.referral == sha

    await load(seeded, "districts", DISTRICTS_2024)
    assert names((await live.resolve(*CITY_HALL, POTHOLE)).areas) == [
        "Baltimore",
        "District 1 (2024)",
        "US 40",
    ]


# --- every process sees a change ---------------------------------------------------------------


async def test_an_import_through_one_process_reaches_another_within_two_seconds(
    seeded: AsyncEngine, second_process: AsyncEngine
) -> None:
    await city_and_districts(seeded)
    first = LiveJurisdictions(JurisdictionReadModel(seeded), check_every=1.0)
    second = LiveJurisdictions(JurisdictionReadModel(second_process), check_every=1.0)
    for process in (first, second):
        before = await process.resolve(*CITY_HALL, POTHOLE)
        assert names(before.areas) == ["Baltimore", "District 2 (2012)"]

    await load(seeded, "districts", DISTRICTS_2024)  # through the first process's engine

    seen = False
    deadline = time.monotonic() + 2.0
    while time.monotonic() < deadline:
        resolution = await second.resolve(*CITY_HALL, POTHOLE)
        if names(resolution.areas) == ["Baltimore", "District 1 (2024)"]:
            seen = True
            break
        assert names(resolution.areas) == ["Baltimore", "District 2 (2012)"]
        await asyncio.sleep(0.05)
    assert seen, "the second process did not see the import within 2 s"
    first_view = await first.refresh(force=True)
    second_view = await second.current()
    assert first_view.version == second_view.version
    assert len(first_view.index) == len(second_view.index) == 3


async def test_a_process_rechecks_the_version_at_most_once_per_interval(
    seeded: AsyncEngine,
) -> None:
    await city_and_districts(seeded)
    lazy = LiveJurisdictions(JurisdictionReadModel(seeded), check_every=60.0)
    loaded = await lazy.current()
    await load(seeded, "districts", DISTRICTS_2024)
    assert await lazy.current() is loaded  # within the interval: no query, the old index
    fresh = await lazy.refresh(force=True)
    assert fresh.version > loaded.version
    assert names((await lazy.resolve(*CITY_HALL, None)).areas)[1] == "District 1 (2024)"


# --- versions ----------------------------------------------------------------------------------


async def test_a_reimport_keeps_the_old_version_rows(
    seeded: AsyncEngine, live: LiveJurisdictions
) -> None:
    await city_and_districts(seeded)
    old_east = await area_id(seeded, "districts", "2", 1)
    outcome = await load(seeded, "districts", DISTRICTS_2024)
    assert outcome == ImportOutcome("districts", imported=2, replaced=2, repaired=0)
    again = await load(seeded, "districts", collection(("9", "Everything", CITY)))
    assert again == ImportOutcome("districts", imported=1, replaced=2, repaired=0)

    where = "layer_slug = 'districts' AND layer_version = :v"
    assert [await count(seeded, "jurisdiction_areas", where, v=v) for v in (1, 2, 3)] == [2, 2, 1]
    reads = JurisdictionReadModel(seeded)
    layers = {layer.slug: layer for layer in await reads.layers()}
    assert (layers["districts"].version, layers["districts"].area_count) == (3, 1)
    assert (layers["districts"].role, layers["districts"].kind) == (
        LayerRole.INFO,
        "council district",
    )
    assert [r.ref.code for r in await reads.areas("districts", 100, 0)] == ["9"]
    old = await reads.area(old_east)
    assert old is not None
    assert (old[0].ref.name, old[0].layer_version, old[0].current) == (
        "District 2 (2012)",
        1,
        False,
    )
    assert names((await live.resolve(*CITY_HALL, None)).areas) == ["Baltimore", "Everything"]


async def test_a_refused_import_changes_nothing(seeded: AsyncEngine) -> None:
    await city_and_districts(seeded)
    async with seeded.connect() as db:
        state_before = await db.scalar(text("SELECT version FROM jurisdiction_state"))
    areas = parse_collection(DISTRICTS_2024, "id", "name")
    with pytest.raises(Forbidden):
        await import_layer(
            context_of(SqlUnitOfWorkFactory(seeded)), ImportLayer("districts", areas), AGENT
        )
    async with seeded.connect() as db:
        assert await db.scalar(text("SELECT version FROM jurisdiction_state")) == state_before
    assert await count(seeded, "jurisdiction_areas", "layer_slug = 'districts'") == 2


async def test_concurrent_reimports_of_one_layer_get_distinct_versions(
    seeded: AsyncEngine,
) -> None:
    await city_and_districts(seeded)
    outcomes = await asyncio.gather(
        load(seeded, "districts", DISTRICTS_2024), load(seeded, "districts", DISTRICTS_2012)
    )
    assert sorted(o.replaced for o in outcomes) == [2, 2]
    for version in (1, 2, 3):
        where = "layer_slug = 'districts' AND layer_version = :v"
        assert await count(seeded, "jurisdiction_areas", where, v=version) == 2
    layers = {layer.slug: layer for layer in await JurisdictionReadModel(seeded).layers()}
    assert (layers["districts"].version, layers["districts"].area_count) == (3, 2)


# --- requests keep the areas of their day ------------------------------------------------------


async def test_a_request_keeps_the_areas_it_was_created_with_after_a_reimport(
    seeded: AsyncEngine, live: LiveJurisdictions
) -> None:
    await city_and_districts(seeded)
    wiring = Wiring(
        Context(SqlUnitOfWorkFactory(seeded), FixedClock(T0)), HOURS, live, build_geocoder(seeded)
    )
    report = SubmitServiceRequest(
        "trm-pothole-repair",
        location=Location(*CITY_HALL),
        attributes={"pothole_size": "large"},
    )
    before = (
        await submit_service_request(wiring.context, report, None, RESIDENT, **wiring.places)
    ).request
    old_areas = [
        AreaRef(await area_id(seeded, "city", "24510", 1), "city", "24510", "Baltimore"),
        AreaRef(await area_id(seeded, "districts", "2", 1), "districts", "2", "District 2 (2012)"),
    ]
    assert before.areas == old_areas

    await load(seeded, "districts", DISTRICTS_2024)
    after = (
        await submit_service_request(wiring.context, report, None, RESIDENT, **wiring.places)
    ).request
    assert after.areas == [
        old_areas[0],
        AreaRef(await area_id(seeded, "districts", "1", 2), "districts", "1", "District 1 (2024)"),
    ]
    async with SqlUnitOfWork(seeded) as uow:
        first = await uow.requests.get(before.id)
        second = await uow.requests.get(after.id)
    assert first is not None
    assert second is not None
    assert first.areas == old_areas
    assert second.areas == after.areas


async def test_a_request_in_a_refer_area_is_refused_and_not_written(
    seeded: AsyncEngine, live: LiveJurisdictions
) -> None:
    await city_and_districts(seeded)
    await load(seeded, "roads", collection(("us-40", "US 40", CORRIDOR)), LayerRole.REFER)
    wiring = Wiring(
        Context(SqlUnitOfWorkFactory(seeded), FixedClock(T0)), HOURS, live, build_geocoder(seeded)
    )
    report = SubmitServiceRequest(
        "trm-pothole-repair", location=Location(*CITY_HALL), attributes={"pothole_size": "large"}
    )
    with pytest.raises(OutOfJurisdiction) as caught:
        await submit_service_request(wiring.context, report, None, RESIDENT, **wiring.places)
    assert caught.value.resolution.responsible.referral == Contact(name="US 40")
    assert await count(seeded, "service_requests") == 0
