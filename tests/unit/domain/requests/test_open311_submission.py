"""An Open311 submission opens the request and records its token in one unit of work."""

from datetime import UTC, datetime
from uuid import UUID
from zoneinfo import ZoneInfo

import pytest

from domain.directory.catalog import Department, Service, SlaPolicy
from domain.requests.model import Location
from domain.requests.open311 import Open311Client, submit_open311_request
from domain.requests.submission import SubmitServiceRequest
from domain.residents.model import Reporter
from domain.shared.clock import FixedClock
from domain.shared.context import Context
from domain.shared.errors import ValidationFailed
from domain.shared.sla import BusinessHours
from domain.shared.vocabulary import Actor, Channel
from tests.unit.fakes import FakeGeocoder, FakeJurisdictions, FakeStore, FakeUnitOfWorkFactory
from tests.unit.wiring import Wiring

NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)
KEY = UUID(int=7)
ACTOR = Actor(None, "Open311: Acme app")


@pytest.fixture
def wiring() -> Wiring:
    store = FakeStore()
    store.put_department(Department("roads", "Roads"))
    store.put_service(Service("pothole", "Pothole", "roads", SlaPolicy(24)))
    factory = FakeUnitOfWorkFactory(store)
    hours = BusinessHours(ZoneInfo("America/New_York"))
    return Wiring(Context(factory, FixedClock(NOW)), hours, FakeJurisdictions(), FakeGeocoder())


def store_of(wiring: Wiring) -> FakeStore:
    factory = wiring.context.uow
    assert isinstance(factory, FakeUnitOfWorkFactory)
    return factory.store


async def test_the_request_and_its_token_are_committed_together(wiring: Wiring) -> None:
    command = SubmitServiceRequest(
        "pothole",
        location=Location(39.29, -76.61),
        reporter=Reporter(email="ana@example.org"),
        channel=Channel.MOBILE,
    )
    client = Open311Client(KEY, device_id="phone-1", account_id="acct-9")
    request, submission = await submit_open311_request(
        wiring.context, command, client, ACTOR, "https://example.org/p.jpg", **wiring.places
    )
    store = store_of(wiring)
    assert store.requests[request.id].channel is Channel.MOBILE
    saved = store.open311_submissions[request.id]
    assert saved == submission
    assert (saved.api_key_id, saved.device_id, saved.account_id) == (KEY, "phone-1", "acct-9")
    assert saved.media_url == "https://example.org/p.jpg" and len(saved.token) >= 20
    assert store.timeline[request.id][0].actor == ACTOR


async def test_a_refused_request_leaves_no_token(wiring: Wiring) -> None:
    with pytest.raises(ValidationFailed):
        await submit_open311_request(
            wiring.context,
            SubmitServiceRequest("no-such-service"),
            Open311Client(KEY),
            ACTOR,
            **wiring.places,
        )
    store = store_of(wiring)
    assert store.requests == {} and store.open311_submissions == {}
