"""An Open311 report's photo: a refused one names its field and refuses the request."""

from datetime import UTC, datetime

import pytest

from domain.directory.catalog import Department, Service, SlaPolicy
from domain.media.model import CleanImage, UnsupportedMedia
from domain.media.use_cases import MediaDesk
from domain.requests.desk import RequestDesk
from domain.requests.open311 import MediaRefused, Open311Client, SentMedia, submit_open311_report
from domain.requests.submission import SubmitServiceRequest
from domain.shared.clock import FixedClock
from domain.shared.errors import ValidationFailed
from domain.shared.sla import BusinessHours
from domain.shared.vocabulary import Actor
from tests.unit.fakes import FakeGeocoder, FakeJurisdictions, FakeStore, FakeUnitOfWorkFactory

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


def desks(factory: FakeUnitOfWorkFactory) -> tuple[RequestDesk, MediaDesk]:
    clock = FixedClock(NOW)
    desk = RequestDesk(factory, clock, BusinessHours(UTC), FakeJurisdictions(), FakeGeocoder())
    media = MediaDesk(factory, clock, NoStore(), RefusingCleaner(), RefusingRemote())
    return desk, media


async def test_a_file_that_is_no_image_refuses_the_request(
    factory: FakeUnitOfWorkFactory,
) -> None:
    desk, media = desks(factory)
    with pytest.raises(MediaRefused) as refused:
        await submit_open311_report(desk, media, REPORT, CLIENT, ACTOR, SentMedia(data=b"x"))
    assert refused.value.detail == "media: not an image we accept"
    assert factory.store.requests == {}


async def test_a_url_that_cannot_be_fetched_names_media_url(
    factory: FakeUnitOfWorkFactory,
) -> None:
    desk, media = desks(factory)
    sent = SentMedia(url="http://10.0.0.1/a.png")
    with pytest.raises(MediaRefused) as refused:
        await submit_open311_report(desk, media, REPORT, CLIENT, ACTOR, sent)
    assert refused.value.detail.startswith("media_url: ")
    assert factory.store.requests == {}


async def test_without_media_the_request_is_opened(factory: FakeUnitOfWorkFactory) -> None:
    desk, media = desks(factory)
    created, submission = await submit_open311_report(
        desk, media, REPORT, CLIENT, ACTOR, SentMedia()
    )
    assert submission.request_id == created.id
    assert list(factory.store.requests) == [created.id]
