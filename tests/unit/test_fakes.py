"""The fakes must behave like the SQL adapters where the use cases can tell the difference."""

from datetime import UTC, datetime

import pytest

from domain.directory.catalog import Department, SlaPolicy
from domain.directory.users import Role
from domain.requests.model import EntryKind, ServiceRequest
from domain.shared.errors import PreconditionFailed
from domain.shared.vocabulary import Actor, Visibility
from tests.unit.builders import user
from tests.unit.fakes import DuplicateKey, FakePasswordHasher, FakeStore, FakeUnitOfWorkFactory

AT = datetime(2026, 6, 15, 14, 0, tzinfo=UTC)
ACTOR = Actor(None, "tester")


def a_request(request_id: str = "26-00000001") -> ServiceRequest:
    return ServiceRequest(
        id=request_id,
        service_code="pothole",
        department_code="public-works",
        sla=SlaPolicy(24),
        requested_at=AT,
    )


async def test_next_id_is_two_digit_year_and_eight_digit_number() -> None:
    factory = FakeUnitOfWorkFactory()
    async with factory() as uow:
        first = await uow.requests.next_id(AT)
        second = await uow.requests.next_id(datetime(2031, 1, 1, tzinfo=UTC))
    assert (first, second) == ("26-00000001", "31-00000002")


async def test_committed_writes_are_visible_to_the_next_unit_of_work() -> None:
    factory = FakeUnitOfWorkFactory()
    async with factory() as uow:
        await uow.departments.add(Department("parks", "Parks"))
        await uow.commit()
    async with factory() as uow:
        assert await uow.departments.get("parks") == Department("parks", "Parks")
    assert [unit.committed for unit in factory.units] == [True, False]


async def test_writes_without_commit_are_rolled_back() -> None:
    factory = FakeUnitOfWorkFactory()
    async with factory() as uow:
        await uow.departments.add(Department("parks", "Parks"))
        await uow.users.add(user(1, Role.AGENT))
        await uow.requests.add(a_request())
        assert await uow.departments.get("parks") == Department("parks", "Parks")
    assert factory.store.departments == {}
    assert factory.store.users == {}
    assert factory.store.requests == {}
    async with factory() as uow:
        assert await uow.departments.get("parks") is None


async def test_an_error_inside_the_unit_of_work_rolls_back() -> None:
    factory = FakeUnitOfWorkFactory()
    with pytest.raises(RuntimeError, match="boom"):
        async with factory() as uow:
            await uow.departments.add(Department("parks", "Parks"))
            raise RuntimeError("boom")
    assert factory.store.departments == {}
    assert factory.units[0].committed is False


async def test_writes_after_the_commit_are_rolled_back() -> None:
    factory = FakeUnitOfWorkFactory()
    async with factory() as uow:
        await uow.departments.add(Department("parks", "Parks"))
        await uow.commit()
        await uow.departments.save(Department("parks", "Parks and Recreation"))
    assert factory.store.departments == {"parks": Department("parks", "Parks")}


async def test_loaded_objects_are_copies_until_saved() -> None:
    store = FakeStore()
    store.put_department(Department("parks", "Parks"))
    factory = FakeUnitOfWorkFactory(store)
    async with factory() as uow:
        department = await uow.departments.get("parks")
        assert department is not None
        department.name = "Changed"
        await uow.commit()
    assert store.departments["parks"].name == "Parks"


async def test_save_bumps_the_version_and_moves_pending_entries_to_the_timeline() -> None:
    store = FakeStore()
    store.put_request(a_request())
    factory = FakeUnitOfWorkFactory(store)
    async with factory() as uow:
        request = await uow.requests.get("26-00000001", for_update=True)
        assert request is not None
        request.comment("pothole is deep", Visibility.PUBLIC, ACTOR, AT)
        await uow.requests.save(request, expected_version=1)
        assert request.version == 2
        assert request.pending_entries == []
        assert store.timeline == {"26-00000001": []}
        await uow.commit()
    assert store.requests["26-00000001"].version == 2
    [entry] = store.timeline["26-00000001"]
    assert (entry.kind, entry.data) == (EntryKind.COMMENT, {"body": "pothole is deep"})


async def test_save_with_a_stale_version_is_refused() -> None:
    store = FakeStore()
    store.put_request(a_request())
    factory = FakeUnitOfWorkFactory(store)
    async with factory() as uow:
        request = await uow.requests.get("26-00000001")
        assert request is not None
        with pytest.raises(PreconditionFailed):
            await uow.requests.save(request, expected_version=2)
    assert store.requests["26-00000001"].version == 1


async def test_a_concurrent_commit_makes_the_later_commit_fail() -> None:
    store = FakeStore()
    store.put_request(a_request())
    factory = FakeUnitOfWorkFactory(store)
    async with factory() as first, factory() as second:
        mine = await first.requests.get("26-00000001")
        theirs = await second.requests.get("26-00000001")
        assert mine is not None and theirs is not None
        await first.requests.save(mine, expected_version=1)
        await second.requests.save(theirs, expected_version=1)
        await first.commit()
        with pytest.raises(PreconditionFailed):
            await second.commit()
    assert store.requests["26-00000001"].version == 2


async def test_adding_a_duplicate_is_an_error() -> None:
    factory = FakeUnitOfWorkFactory()
    async with factory() as uow:
        await uow.users.add(user(1, Role.AGENT, email="a@city.example"))
        with pytest.raises(DuplicateKey):
            await uow.users.add(user(2, Role.AGENT, email="a@city.example"))
        with pytest.raises(DuplicateKey):
            await uow.requests.add(a_request())
            await uow.requests.add(a_request())


async def test_get_by_email_sees_staged_and_committed_users() -> None:
    store = FakeStore()
    store.put_user(user(1, Role.AGENT, email="a@city.example"))
    factory = FakeUnitOfWorkFactory(store)
    async with factory() as uow:
        await uow.users.add(user(2, Role.AGENT, email="b@city.example"))
        a = await uow.users.get_by_email("a@city.example")
        b = await uow.users.get_by_email("b@city.example")
        assert (a and a.id.int, b and b.id.int) == (1, 2)
        assert await uow.users.get_by_email("A@city.example") is None


async def test_password_hasher_is_deterministic() -> None:
    hasher = FakePasswordHasher()
    assert await hasher.hash("secret99") == "hashed:secret99"
    assert await hasher.verify("hashed:secret99", "secret99") is True
    assert await hasher.verify("hashed:secret99", "secret98") is False
    assert hasher.hashed == ["secret99"]
