"""RequestRepository: numbering, round trips, optimistic locking, transactions."""

import re
from dataclasses import replace

import pytest

from domain.requests.model import Location, Priority, ServiceRequest
from domain.residents.model import Reporter
from domain.shared.errors import PreconditionFailed
from domain.shared.vocabulary import Channel
from tests.contract.conftest import Backend
from tests.integration.builders import T0, at, make_request

ID_FORMAT = re.compile(r"^26-\d{8}$")


def pothole(request_id: str = "26-00000042") -> ServiceRequest:
    return make_request(
        request_id,
        description="Deep hole by the bus stop",
        location=Location(39.290385, -76.612189, "100 N Holliday St, Baltimore, MD 21202"),
        attributes={"size": "large", "depth": 3.5, "lanes": ["left", "right"]},
        reporter=Reporter("Ana", "Lopez", "ana@example.org", "+1 410 555 0101", "es"),
        channel=Channel.PHONE,
        priority=Priority.HIGH,
    )


async def add(backend: Backend, request: ServiceRequest) -> None:
    async with backend.uow() as uow:
        await uow.requests.add(request)
        await uow.commit()


async def load(backend: Backend, request_id: str = "26-00000042") -> ServiceRequest | None:
    async with backend.uow() as uow:
        return await uow.requests.get(request_id)


async def test_numbers_are_yearly_references_never_handed_out_twice(backend: Backend) -> None:
    async with backend.uow() as uow:
        first = await uow.requests.next_id(T0)  # rolled back: the number stays used
    async with backend.uow() as uow:
        second = await uow.requests.next_id(T0)
        third = await uow.requests.next_id(T0)
    assert all(ID_FORMAT.match(ref) for ref in (first, second, third))
    assert int(first[3:]) < int(second[3:]) < int(third[3:])


async def test_an_added_request_reads_back_equal(backend: Backend) -> None:
    await add(backend, pothole())
    assert await load(backend) == pothole()
    assert await load(backend, "26-00000404") is None


async def test_a_request_never_updated_reads_back_updated_when_requested(
    backend: Backend,
) -> None:
    await add(backend, replace(make_request("26-00000042"), updated_at=None))
    loaded = await load(backend)
    assert loaded is not None
    assert loaded.updated_at == loaded.requested_at


async def test_saving_at_the_read_version_moves_the_version_on(backend: Backend) -> None:
    await add(backend, pothole())
    async with backend.uow() as uow:
        request = await uow.requests.get("26-00000042", for_update=True)
        assert request is not None
        request.description = "Now two holes"
        request.updated_at = at(1)
        await uow.requests.save(request, expected_version=1)
        assert request.version == 2
        await uow.commit()
    assert await load(backend) == replace(
        pothole(), description="Now two holes", updated_at=at(1), version=2
    )


async def test_saving_at_a_stale_or_unknown_version_is_refused(backend: Backend) -> None:
    await add(backend, pothole())
    async with backend.uow() as uow:
        with pytest.raises(PreconditionFailed):
            await uow.requests.save(replace(pothole(), description="stale"), expected_version=2)
    async with backend.uow() as uow:
        with pytest.raises(PreconditionFailed):
            await uow.requests.save(pothole("26-00000404"), expected_version=1)
    assert await load(backend) == pothole()
    assert await load(backend, "26-00000404") is None


async def test_adding_the_same_reference_twice_is_refused(backend: Backend) -> None:
    await add(backend, pothole())
    with pytest.raises(backend.duplicate_key):
        await add(backend, replace(pothole(), description="again"))
    assert await load(backend) == pothole()


async def test_only_a_commit_keeps_writes_and_only_then_do_others_see_them(
    backend: Backend,
) -> None:
    async with backend.uow() as uow:
        await uow.requests.add(pothole())
        assert await uow.requests.get("26-00000042") == pothole()  # seen by itself
    assert await load(backend) is None

    async with backend.uow() as writer, backend.uow() as reader:
        await writer.requests.add(pothole())
        assert await reader.requests.get("26-00000042") is None
        await writer.commit()
        assert await reader.requests.get("26-00000042") == pothole()
