"""DuplicateReadModel on PostgreSQL: what SQL selects, what the domain keeps, one query per call.

Demo catalog groups: trm-pothole-repair and trm-street-repairs are "Streets" (transportation),
trs-parking-complaint is "Parking" (transportation), sw-dirty-alley is "Sanitation".
"""

import math
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.read_models.duplicates import DuplicateReadModel
from adapters.db.unit_of_work import SqlUnitOfWork
from domain.directory.catalog import Service, SlaPolicy
from domain.requests.duplicates import EARTH_RADIUS_M, DuplicatePolicy, Probe
from domain.requests.model import CloseReason, Location, ServiceRequest, Status
from domain.requests.nearby import NearbyQuery
from tests.integration.builders import T0, add_requests, make_request
from tests.statements import statements

pytestmark = pytest.mark.usefixtures("seeded")

LAT, LONG = 39.2904, -76.6122
POLICY = DuplicatePolicy()


def point(north_m: float = 0.0, east_m: float = 0.0) -> Location:
    lat = LAT + math.degrees(north_m / EARTH_RADIUS_M)
    long = LONG + math.degrees(east_m / (EARTH_RADIUS_M * math.cos(math.radians(LAT))))
    return Location(lat, long)


def pothole(request_id: str, *, days: float = 1.0, **fields: Any) -> ServiceRequest:
    fields.setdefault("location", point())
    fields.setdefault("description", "Deep pothole")
    return make_request(request_id, requested_at=T0 - timedelta(days=days), **fields)


def query(service_code: str = "trm-pothole-repair", **fields: Any) -> NearbyQuery:
    fields.setdefault("policy", POLICY)
    fields.setdefault("now", T0)
    return NearbyQuery(probe=Probe(LAT, LONG, service_code, "Deep pothole"), **fields)


async def test_nearby_selects_open_requests_of_the_service_or_its_group(
    seeded: AsyncEngine,
) -> None:
    await add_requests(
        seeded,
        pothole("26-00000001", location=point(north_m=30)),
        pothole("26-00000002", service_code="trm-street-repairs", location=point(east_m=20)),
        pothole("26-00000003", service_code="trs-parking-complaint"),  # another group
        pothole(
            "26-00000004", service_code="sw-dirty-alley", department_code="solid-waste"
        ),  # another group and department
        pothole("26-00000005", status=Status.ACKNOWLEDGED, location=point(north_m=-60)),
        pothole("26-00000006", status=Status.IN_PROGRESS, days=29),
        pothole("26-00000007", status=Status.ON_HOLD, on_hold_since=T0, days=2),
        pothole("26-00000008", status=Status.CLOSED, close_reason=CloseReason.RESOLVED),
        pothole("26-00000009", days=31),  # before the window
        pothole("26-00000010", location=point(east_m=151)),  # outside the radius
        pothole("26-00000011", location=point(north_m=140, east_m=140)),  # in the box, 198 m
        pothole("26-00000012", location=Location(address="100 N Holliday St")),  # no point
    )
    matches = await DuplicateReadModel(seeded).nearby(query(policy=DuplicatePolicy(threshold=0)))
    # score = 0.5 * (1 - d / 150) + 0.2 * (1 - days / 30) + 0.3 * text (identical here),
    # times 0.8 for another service of the group
    assert [(m.candidate.id, round(m.distance_m), round(m.score, 3)) for m in matches] == [
        ("26-00000007", 0, 0.987),  # 0.5 + 0.2 * 28 / 30 + 0.3
        ("26-00000001", 30, 0.893),  # 0.4 + 0.2 * 29 / 30 + 0.3
        ("26-00000006", 0, 0.807),  # 0.5 + 0.2 * 1 / 30 + 0.3
        ("26-00000005", 60, 0.793),  # 0.3 + 0.2 * 29 / 30 + 0.3
        ("26-00000002", 20, 0.741),  # (0.5 * 13 / 15 + 0.2 * 29 / 30 + 0.3) * 0.8
    ]


async def test_nearby_keeps_the_radius_exactly_and_applies_the_threshold(
    seeded: AsyncEngine,
) -> None:
    await add_requests(
        seeded,
        pothole("26-00000001", location=point(east_m=149)),
        pothole("26-00000002", location=point(east_m=-149.5)),
        pothole("26-00000003", location=point(north_m=-151)),
        pothole("26-00000004", location=point(east_m=10), description="Graffiti", days=26),
    )
    model = DuplicateReadModel(seeded)
    everything = await model.nearby(query(policy=DuplicatePolicy(threshold=0)))
    assert sorted(m.candidate.id for m in everything) == [
        "26-00000001",
        "26-00000002",
        "26-00000004",
    ]
    # 149 m, a day old: 0.5 / 150 + 0.2 * 29 / 30 + 0.3 = 0.497; graffiti at 10 m, 26 days
    # old: 0.5 * 14 / 15 + 0.2 * 4 / 30 = 0.493: both under the threshold of 0.5
    assert await model.nearby(query()) == []
    wider = await model.nearby(query(policy=DuplicatePolicy(radius_m=300)))
    assert [(m.candidate.id, round(m.score, 3)) for m in wider] == [
        ("26-00000001", 0.745),  # 0.5 * 151 / 300 + 0.193 + 0.3
        ("26-00000002", 0.744),
        ("26-00000003", 0.742),
        ("26-00000004", 0.51),  # 0.5 * 29 / 30 + 0.2 * 4 / 30
    ]


async def test_the_window_counts_both_ways_and_the_limit_cuts_the_ranking(
    seeded: AsyncEngine,
) -> None:
    await add_requests(
        seeded,
        pothole("26-00000001", days=-10),  # reported after `now`
        pothole("26-00000002", days=-31),
        pothole("26-00000003", days=5),
        pothole("26-00000004", days=1),
    )
    model = DuplicateReadModel(seeded)
    matches = await model.nearby(query())
    assert [m.candidate.id for m in matches] == ["26-00000004", "26-00000003", "26-00000001"]
    top = await model.nearby(query(limit=2))
    assert [m.candidate.id for m in top] == ["26-00000004", "26-00000003"]


async def test_nearby_leaves_out_a_request_and_its_own_duplicates(seeded: AsyncEngine) -> None:
    await add_requests(seeded, pothole("26-00000001"), pothole("26-00000003"))
    await add_requests(seeded, pothole("26-00000002", duplicate_of="26-00000001"))
    matches = await DuplicateReadModel(seeded).nearby(query(exclude="26-00000001"))
    assert [m.candidate.id for m in matches] == ["26-00000003"]


async def test_department_staff_see_only_their_department(seeded: AsyncEngine) -> None:
    await add_requests(
        seeded,
        pothole("26-00000001"),
        pothole("26-00000002", department_code="solid-waste"),  # transferred
    )
    model = DuplicateReadModel(seeded)
    mine = await model.nearby(query(visible_department="transportation"))
    assert [m.candidate.id for m in mine] == ["26-00000001"]
    theirs = await model.nearby(query(visible_department="solid-waste"))
    assert [m.candidate.id for m in theirs] == ["26-00000002"]


async def test_a_service_without_a_group_matches_only_itself(seeded: AsyncEngine) -> None:
    sla = SlaPolicy(24.0)
    async with SqlUnitOfWork(seeded) as uow:
        await uow.services.add(Service("misc-a", "Misc A", "transportation", sla, group=""))
        await uow.services.add(Service("misc-b", "Misc B", "transportation", sla, group=""))
        await uow.commit()
    await add_requests(
        seeded,
        pothole("26-00000001", service_code="misc-a"),
        pothole("26-00000002", service_code="misc-b"),
    )
    matches = await DuplicateReadModel(seeded).nearby(query("misc-a"))
    assert [m.candidate.id for m in matches] == ["26-00000001"]


async def test_a_nearby_call_is_one_query(seeded: AsyncEngine) -> None:
    await add_requests(seeded, *(pothole(f"26-{n:08d}", days=n) for n in range(1, 21)))
    model = DuplicateReadModel(seeded)
    await model.nearby(query())  # connections made before counting
    with statements(seeded) as seen:
        matches = await model.nearby(query(policy=DuplicatePolicy(threshold=0), limit=50))
    assert len(matches) == 20
    assert len(seen) == 1
    assert "FROM service_requests" in seen[0]


async def test_followers_are_the_requests_merged_into_a_parent_directly_or_not(
    seeded: AsyncEngine,
) -> None:
    closed = {"status": Status.CLOSED, "close_reason": CloseReason.DUPLICATE}
    await add_requests(seeded, pothole("26-00000001"), pothole("26-00000009"))
    await add_requests(
        seeded,
        pothole("26-00000003", days=0.5, duplicate_of="26-00000001", **closed),
        pothole("26-00000002", days=0.8, duplicate_of="26-00000001", **closed),
        pothole("26-00000008", duplicate_of="26-00000009", **closed),
    )
    await add_requests(seeded, pothole("26-00000004", duplicate_of="26-00000002", **closed))
    model = DuplicateReadModel(seeded)
    await model.followers("26-00000001")
    with statements(seeded) as seen:
        followers = await model.followers("26-00000001")
    assert [r.id for r in followers] == ["26-00000004", "26-00000002", "26-00000003"]
    assert all(r.duplicate_of is not None for r in followers)
    assert len(seen) == 1
    assert await model.followers("26-00000004") == []


async def test_a_services_duplicate_radius_is_stored(seeded: AsyncEngine) -> None:
    async with SqlUnitOfWork(seeded) as uow:
        service = await uow.services.get("trm-pothole-repair")
        assert service is not None and service.duplicate_radius_m is None
        service.duplicate_radius_m = 40.5
        await uow.services.save(service)
        await uow.commit()
    async with SqlUnitOfWork(seeded) as uow:
        stored = await uow.services.get("trm-pothole-repair")
    assert stored is not None and stored.duplicate_radius_m == 40.5


async def test_linked_holds_the_parent_and_every_request_merged_in_one_query(
    seeded: AsyncEngine,
) -> None:
    closed = {"status": Status.CLOSED, "close_reason": CloseReason.DUPLICATE}
    await add_requests(seeded, pothole("26-00000001"), pothole("26-00000009"))
    await add_requests(
        seeded, pothole("26-00000002", days=0.8, duplicate_of="26-00000001", **closed)
    )
    await add_requests(
        seeded,
        pothole("26-00000003", days=0.5, duplicate_of="26-00000002", **closed),
        pothole("26-00000004", days=0.2, duplicate_of="26-00000002", **closed),
    )
    model = DuplicateReadModel(seeded)
    await model.linked("26-00000002", "26-00000001")
    with statements(seeded) as seen:
        middle = await model.linked("26-00000002", "26-00000001")
    assert len(seen) == 1
    assert middle.duplicate_of is not None and middle.duplicate_of.id == "26-00000001"
    assert [r.id for r in middle.duplicates] == ["26-00000003", "26-00000004"]
    top = await model.linked("26-00000001", None)
    assert top.duplicate_of is None
    assert [r.id for r in top.duplicates] == ["26-00000002", "26-00000003", "26-00000004"]
    alone = await model.linked("26-00000009", None)
    assert alone.duplicate_of is None and alone.duplicates == []
