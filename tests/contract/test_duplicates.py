"""DuplicateCandidates on the unit of work: it reads the transaction's own writes."""

from domain.requests.duplicates import DuplicatePolicy, Probe
from domain.requests.model import Location, ServiceRequest
from domain.requests.nearby import NearbyQuery
from tests.contract.conftest import Backend
from tests.integration.builders import T0, at, make_request

HOLE = Location(39.290385, -76.612189)
NEAR = Location(39.290400, -76.612200)  # about 2 m away
FAR = Location(39.300000, -76.612189)  # about 1 km away


def hole(request_id: str, location: Location = NEAR, **fields: object) -> ServiceRequest:
    return make_request(request_id, description="Deep hole", location=location, **fields)


def around(exclude: str | None = None, department: str | None = None) -> NearbyQuery:
    probe = Probe(HOLE.lat or 0.0, HOLE.long or 0.0, "trm-pothole-repair", "Deep hole")
    return NearbyQuery(
        probe, DuplicatePolicy(), at(1), exclude=exclude, visible_department=department
    )


async def test_requests_written_in_the_unit_of_work_are_candidates(backend: Backend) -> None:
    async with backend.uow() as uow:
        for request in (hole("26-00000001"), hole("26-00000002", FAR)):
            await uow.requests.add(request)
        found = await uow.duplicates.nearby(around())
    assert [m.candidate.id for m in found] == ["26-00000001"]
    async with backend.uow() as uow:  # rolled back: nothing is left to find
        assert await uow.duplicates.nearby(around()) == []


async def test_the_excluded_request_its_followers_and_hidden_departments_are_left_out(
    backend: Backend,
) -> None:
    async with backend.uow() as uow:
        await uow.requests.add(hole("26-00000001"))
        await uow.requests.add(hole("26-00000002", duplicate_of="26-00000001"))
        await uow.requests.add(hole("26-00000003", requested_at=T0))
        await uow.commit()
    async with backend.uow() as uow:
        left = await uow.duplicates.nearby(around(exclude="26-00000001"))
        hidden = await uow.duplicates.nearby(around(department="solid-waste"))
        seen = await uow.duplicates.nearby(around(department="transportation"))
    assert [m.candidate.id for m in left] == ["26-00000003"]
    assert hidden == []
    assert {m.candidate.id for m in seen} == {"26-00000001", "26-00000002", "26-00000003"}
