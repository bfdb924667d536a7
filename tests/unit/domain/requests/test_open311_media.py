"""An Open311 report's photo: a refused one names its field and refuses the request."""

from datetime import UTC, datetime

import pytest

from domain.directory.catalog import Department, Service, SlaPolicy
from domain.media.model import CleanImage, UnsupportedMedia
from domain.requests.model import ServiceRequest
from domain.requests.open311 import MediaRefused, Open311Client, SentMedia, submit_open311_report
from domain.requests.submission import SubmitServiceRequest
from domain.requests.submissions import Open311Submission
from domain.shared.clock import FixedClock
from domain.shared.context import Context
from domain.shared.errors import ValidationFailed
from domain.shared.sla import BusinessHours
from domain.shared.vocabulary import Actor
from tests.unit.fakes import FakeGeocoder, FakeJurisdictions, FakeStore, FakeUnitOfWorkFactory
from tests.unit.wiring import Wiring

NOW = datetime(2026, 6, 15, 14, 0, tzinfo=UTC)
CLIENT = Open311Client(None, None, None)
ACTOR = Actor(None, "Open311: test")
REPORT = SubmitServiceRequest("bulk-trash", "Sofa on the curb")


class RefusingCleaner:
    async def clean(self, data: bytes) -> CleanImage:
        raise UnsupportedMedia("not an image we accept")


class RefusingRemote:
    async def fetch(self, url: str, max_bytes: int) -> bytes:
        raise ValidationFailed.single("media_url", "is not reachable")


class NoStore:
    async def put(self, data: bytes) -> str:
        raise AssertionError("a refused photo is not kept")

    async def get(self, key: str) -> bytes:
        raise AssertionError("not used here")


@pytest.fixture
def factory() -> FakeUnitOfWorkFactory:
    store = FakeStore()
    store.put_department(Department("sanitation", "Sanitation"))
    store.put_service(Service("bulk-trash", "Bulk trash", "sanitation", SlaPolicy(48)))
    return FakeUnitOfWorkFactory(store)


async def report(
    factory: FakeUnitOfWorkFactory, sent: SentMedia
) -> tuple[ServiceRequest, Open311Submission]:
    """Submit REPORT with the sent photo, through a store, cleaner and remote that refuse."""
    hours = BusinessHours(UTC)
    wiring = Wiring(Context(factory, FixedClock(NOW)), hours, FakeJurisdictions(), FakeGeocoder())
    return await submit_open311_report(
        wiring.context,
        REPORT,
        CLIENT,
        ACTOR,
        sent,
        **wiring.places,
        store=NoStore(),
        cleaner=RefusingCleaner(),
        remote=RefusingRemote(),
    )


async def test_a_file_that_is_no_image_refuses_the_request(
    factory: FakeUnitOfWorkFactory,
) -> None:
    with pytest.raises(MediaRefused) as refused:
        await report(factory, SentMedia(data=b"x"))
    assert refused.value.detail == "media: not an image we accept"
    assert factory.store.requests == {}


async def test_a_url_that_cannot_be_fetched_names_media_url(
    factory: FakeUnitOfWorkFactory,
) -> None:
    sent = SentMedia(url="http://10.0.0.1/a.png")
    with pytest.raises(MediaRefused) as refused:
        await report(factory, sent)
    assert refused.value.detail.startswith("media_url: ")
    assert factory.store.requests == {}


async def test_without_media_the_request_is_opened(factory: FakeUnitOfWorkFactory) -> None:
    created, submission = await report(factory, SentMedia())
    assert submission.request_id == created.id
    assert list(factory.store.requests) == [created.id]
