"""A submission answers with the open requests it may repeat, read in its own unit of work."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from domain.directory.catalog import Department, Service, SlaPolicy
from domain.requests.model import Location
from domain.requests.use_cases import SubmitServiceRequest, submit_service_request
from domain.shared.clock import FixedClock
from domain.shared.context import Context
from domain.shared.sla import BusinessHours, SlaCalendar
from tests.unit.builders import RESIDENT
from tests.unit.fakes import FakeGeocoder, FakeJurisdictions, FakeStore, FakeUnitOfWorkFactory
from tests.unit.wiring import Wiring

NOW = datetime(2026, 6, 15, 14, 0, tzinfo=UTC)
SLA = SlaPolicy(48, SlaCalendar.ALWAYS)
HOLE = SubmitServiceRequest("pothole", "Deep hole", Location(39.2904, -76.6122))
NEARBY_HOLE = SubmitServiceRequest("pothole", "Deep hole here", Location(39.2905, -76.6122))


@pytest.fixture
def factory() -> FakeUnitOfWorkFactory:
    store = FakeStore()
    store.put_department(Department("public-works", "Public Works"))
    store.put_department(Department("sanitation", "Sanitation"))
    store.put_service(Service("pothole", "Pothole", "public-works", SLA))
    store.put_service(Service("graffiti", "Graffiti", "sanitation", SLA))
    return FakeUnitOfWorkFactory(store)


@pytest.fixture
def wiring(factory: FakeUnitOfWorkFactory) -> Wiring:
    clock = FixedClock(NOW)
    return Wiring(
        Context(factory, clock),
        BusinessHours(ZoneInfo("America/New_York")),
        FakeJurisdictions(),
        FakeGeocoder(),
    )


async def test_a_second_report_nearby_lists_the_first_as_a_possible_duplicate(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    first = await submit_service_request(wiring.context, HOLE, None, RESIDENT, **wiring.places)
    second = await submit_service_request(
        wiring.context, NEARBY_HOLE, None, RESIDENT, **wiring.places
    )
    assert first.possible_duplicates == []
    assert [m.candidate.id for m in second.possible_duplicates] == [first.request.id]
    assert len(factory.units) == 2  # one unit of work each: no second read after the commit


async def test_a_report_without_a_point_has_no_candidates(wiring: Wiring) -> None:
    await submit_service_request(wiring.context, HOLE, None, RESIDENT, **wiring.places)
    alone = await submit_service_request(
        wiring.context, SubmitServiceRequest("pothole"), None, RESIDENT, **wiring.places
    )
    assert alone.possible_duplicates == []


async def test_a_report_of_another_service_is_no_candidate(wiring: Wiring) -> None:
    await submit_service_request(wiring.context, HOLE, None, RESIDENT, **wiring.places)
    graffiti = SubmitServiceRequest("graffiti", "Deep hole", HOLE.location)
    assert (
        await submit_service_request(wiring.context, graffiti, None, RESIDENT, **wiring.places)
    ).possible_duplicates == []
