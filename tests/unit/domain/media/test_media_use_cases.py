"""Photo use cases on fakes: who may add and see photos, and what is refused before any
image work is done."""

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from uuid import UUID, uuid4

import pytest

from domain.directory.catalog import SlaPolicy
from domain.directory.users import Role
from domain.media.model import MAX_PHOTO_BYTES, CleanImage, MediaTooLarge, Photo, UnsupportedMedia
from domain.media.use_cases import (
    AttachPhoto,
    attach_photo,
    keep_message_photo,
    open_photo,
    photos_of_request,
    store_upload,
)
from domain.requests.model import ServiceRequest
from domain.shared.clock import FixedClock
from domain.shared.context import Context
from domain.shared.errors import NotFound
from domain.shared.vocabulary import Visibility
from tests.unit.builders import principal
from tests.unit.fakes import FakeStore, FakeUnitOfWork, _Staged
from tests.unit.wiring import MediaWiring

NOW = datetime(2026, 11, 25, 12, tzinfo=UTC)
OWN = "transportation"
AGENT = principal(Role.AGENT)
OWN_STAFF = principal(Role.STAFF, OWN, number=7)
OTHER_STAFF = principal(Role.STAFF, "solid-waste", number=8)


class FakePhotos:
    def __init__(self, committed: dict[UUID, Photo]) -> None:
        self._rows = _Staged(committed)

    async def add(self, photo: Photo) -> None:
        self._rows.put(photo.id, photo)

    async def get(self, photo_id: UUID) -> Photo | None:
        return self._rows.get(photo_id)

    async def get_many(self, photo_ids: Sequence[UUID]) -> list[Photo]:
        return [p for p in self._rows.rows() if p.id in photo_ids]

    async def of_request(self, request_id: str) -> list[Photo]:
        return [p for p in self._rows.rows() if p.request_id == request_id]

    def apply(self) -> None:
        self._rows.apply()

    async def attach(self, photo_id: UUID, request_id: str) -> None:
        photo = self._rows.get(photo_id)
        if photo is not None and photo.request_id is None:
            self._rows.put(photo_id, replace(photo, request_id=request_id))


class MediaUnitOfWork(FakeUnitOfWork):
    def __init__(self, store: FakeStore, photos: dict[UUID, Photo]) -> None:
        super().__init__(store)
        self._photos = FakePhotos(photos)
        self.photos = self._photos

    async def commit(self) -> None:
        await super().commit()
        self._photos.apply()


class CountingCleaner:
    def __init__(self) -> None:
        self.calls = 0

    async def clean(self, data: bytes) -> CleanImage:
        self.calls += 1
        return CleanImage("image/png", b"png:" + data, 2, 1)


class MemoryStore:
    def __init__(self) -> None:
        self.blobs: dict[str, bytes] = {}

    async def put(self, data: bytes) -> str:
        key = f"k{len(self.blobs)}"
        self.blobs[key] = data
        return key

    async def get(self, key: str) -> bytes:
        return self.blobs[key]


class NoRemote:
    async def fetch(self, url: str, max_bytes: int) -> bytes:
        raise AssertionError("not used here")


def make_wiring() -> tuple[MediaWiring, CountingCleaner, FakeStore]:
    store, photos, cleaner = FakeStore(), dict[UUID, Photo](), CountingCleaner()
    store.requests["26-00000001"] = ServiceRequest(
        id="26-00000001",
        service_code="pothole",
        department_code=OWN,
        sla=SlaPolicy(24),
        requested_at=NOW,
    )
    wiring = MediaWiring(
        context=Context(lambda: MediaUnitOfWork(store, photos), FixedClock(NOW)),
        store=MemoryStore(),
        cleaner=cleaner,
        remote=NoRemote(),
    )
    return wiring, cleaner, store


async def test_a_caller_who_may_not_comment_is_refused_before_any_image_work() -> None:
    wiring, cleaner, _ = make_wiring()
    with pytest.raises(NotFound):
        await attach_photo(
            wiring.context,
            AttachPhoto("26-00000001", b"img"),
            OTHER_STAFF,
            store=wiring.store,
            cleaner=wiring.cleaner,
        )
    with pytest.raises(NotFound):
        await attach_photo(
            wiring.context,
            AttachPhoto("26-99999999", b"img"),
            AGENT,
            store=wiring.store,
            cleaner=wiring.cleaner,
        )
    assert cleaner.calls == 0


async def test_oversized_and_empty_uploads_are_refused_before_decoding() -> None:
    wiring, cleaner, _ = make_wiring()
    with pytest.raises(MediaTooLarge):
        await store_upload(
            wiring.context, b"0" * (MAX_PHOTO_BYTES + 1), store=wiring.store, cleaner=wiring.cleaner
        )
    with pytest.raises(UnsupportedMedia):
        await store_upload(wiring.context, b"", store=wiring.store, cleaner=wiring.cleaner)
    assert cleaner.calls == 0


async def test_who_sees_which_photo() -> None:
    wiring, _, _ = make_wiring()
    public = await attach_photo(
        wiring.context,
        AttachPhoto("26-00000001", b"a"),
        OWN_STAFF,
        store=wiring.store,
        cleaner=wiring.cleaner,
    )
    internal = await attach_photo(
        wiring.context,
        AttachPhoto("26-00000001", b"b", Visibility.INTERNAL),
        AGENT,
        store=wiring.store,
        cleaner=wiring.cleaner,
    )
    loose = await store_upload(wiring.context, b"c", store=wiring.store, cleaner=wiring.cleaner)
    assert public.uploaded_by == OWN_STAFF.user_id
    assert (await open_photo(wiring.context, public.id, None, store=wiring.store))[1] == b"png:a"
    for caller in (None, OTHER_STAFF):
        with pytest.raises(NotFound):
            await open_photo(wiring.context, internal.id, caller, store=wiring.store)
    assert (await open_photo(wiring.context, internal.id, OWN_STAFF, store=wiring.store))[
        1
    ] == b"png:b"
    with pytest.raises(NotFound):
        await open_photo(wiring.context, loose.id, None, store=wiring.store)
    assert (await open_photo(wiring.context, loose.id, AGENT, store=wiring.store))[1] == b"png:c"
    with pytest.raises(NotFound):
        await open_photo(wiring.context, uuid4(), AGENT, store=wiring.store)


async def test_the_list_is_for_those_who_may_see_the_request() -> None:
    wiring, _, _ = make_wiring()
    photo = await attach_photo(
        wiring.context,
        AttachPhoto("26-00000001", b"a"),
        AGENT,
        store=wiring.store,
        cleaner=wiring.cleaner,
    )
    assert [p.id for p in await photos_of_request(wiring.context, "26-00000001", OWN_STAFF)] == [
        photo.id
    ]
    with pytest.raises(NotFound):
        await photos_of_request(wiring.context, "26-00000001", OTHER_STAFF)


async def test_a_message_s_photo_is_cleaned_kept_internal_and_loose() -> None:
    wiring, cleaner, _ = make_wiring()
    photo = await keep_message_photo(
        wiring.context, b"jpeg", store=wiring.store, cleaner=wiring.cleaner
    )
    assert cleaner.calls == 1
    assert (photo.request_id, photo.visibility, photo.uploaded_by) == (
        None,
        Visibility.INTERNAL,
        None,
    )
    assert not photo.is_public
    seen, data = await open_photo(wiring.context, photo.id, AGENT, store=wiring.store)
    assert (seen.id, data) == (photo.id, b"png:jpeg")
    with pytest.raises(NotFound):
        await open_photo(wiring.context, photo.id, None, store=wiring.store)
