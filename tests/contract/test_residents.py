"""ResidentRepository: round trips, finding a caller again by email or phone, transactions.

Contacts use example.invalid and 555-01xx numbers, which no demo resident has.
"""

from dataclasses import replace
from datetime import timedelta
from uuid import UUID

import pytest

from domain.residents.model import ContactPreference, Resident
from tests.contract.conftest import Backend
from tests.integration.builders import T0, at

ANA_ID, BO_ID, CY_ID = UUID(int=0xA), UUID(int=0xB), UUID(int=0xC)


def ana() -> Resident:
    return Resident(
        id=ANA_ID,
        created_at=T0,
        updated_at=at(1),
        first_name="Ana",
        last_name="Núñez",
        phones=["(410) 555-0101", "+1 410 555 0102"],
        emails=["ana@example.invalid", "ana.n@example.invalid"],
        address="1 Main St",
        preferred_language="es",
        contact_preference=ContactPreference.SMS,
    )


def other(resident_id: UUID, created_days_later: float, **fields: object) -> Resident:
    created = T0 + timedelta(days=created_days_later)
    return Resident(resident_id, created, updated_at=created, **fields)  # type: ignore[arg-type]


async def add(backend: Backend, *residents: Resident) -> None:
    async with backend.uow() as uow:
        for resident in residents:
            await uow.residents.add(resident)
        await uow.commit()


async def load(backend: Backend, resident_id: UUID = ANA_ID) -> Resident | None:
    async with backend.uow() as uow:
        return await uow.residents.get(resident_id)


async def find(backend: Backend, emails: list[str], phone_keys: list[str]) -> UUID | None:
    async with backend.uow() as uow:
        found = await uow.residents.find_by_contact(emails, phone_keys)
    return None if found is None else found.id


async def test_an_added_resident_reads_back_equal(backend: Backend) -> None:
    await add(backend, ana())
    assert await load(backend) == ana()
    assert await load(backend, UUID(int=404)) is None


async def test_a_resident_never_updated_reads_back_updated_when_created(
    backend: Backend,
) -> None:
    await add(backend, replace(ana(), updated_at=None))
    assert await load(backend) == replace(ana(), updated_at=T0)


async def test_a_caller_is_found_by_any_one_email_or_phone_key(backend: Backend) -> None:
    await add(backend, ana(), other(BO_ID, 1, phones=["410 555 0199"]))
    assert await find(backend, ["ana.n@example.invalid"], []) == ANA_ID
    assert await find(backend, [], ["4105550102"]) == ANA_ID
    assert await find(backend, ["nobody@example.invalid"], ["4105550199"]) == BO_ID
    assert await find(backend, ["nobody@example.invalid"], ["4105550198"]) is None
    assert await find(backend, [], []) is None


async def test_emails_match_exactly_as_stored(backend: Backend) -> None:
    """The domain folds emails before asking; the repository does not fold them again."""
    await add(backend, ana())
    assert await find(backend, ["ANA@example.invalid"], []) is None


async def test_of_several_matches_the_oldest_resident_wins(backend: Backend) -> None:
    shared = "shared@example.invalid"
    await add(
        backend,
        other(CY_ID, 2, emails=[shared]),
        other(BO_ID, 1, phones=["410 555 0150"]),
        other(ANA_ID, 3, emails=[shared]),
    )
    assert await find(backend, [shared], ["4105550150"]) == BO_ID
    assert await find(backend, [shared], []) == CY_ID


async def test_a_tie_on_creation_time_goes_to_the_lowest_id(backend: Backend) -> None:
    shared = "twins@example.invalid"
    await add(backend, other(CY_ID, 1, emails=[shared]), other(BO_ID, 1, emails=[shared]))
    assert await find(backend, [shared], []) == BO_ID


async def test_save_replaces_the_stored_details(backend: Backend) -> None:
    await add(backend, ana())
    changed = replace(
        ana(),
        first_name="Ana María",
        phones=[],
        emails=["new@example.invalid"],
        contact_preference=ContactPreference.NONE,
        updated_at=at(5),
    )
    async with backend.uow() as uow:
        await uow.residents.save(changed)
        await uow.commit()
    assert await load(backend) == changed
    assert await find(backend, ["ana@example.invalid"], ["4105550101"]) is None
    assert await find(backend, ["new@example.invalid"], []) == ANA_ID


async def test_save_never_creates_a_resident(backend: Backend) -> None:
    async with backend.uow() as uow:
        await uow.residents.save(ana())
        await uow.commit()
    assert await load(backend) is None


async def test_adding_the_same_resident_twice_is_refused(backend: Backend) -> None:
    await add(backend, ana())
    with pytest.raises(backend.duplicate_key):
        await add(backend, replace(ana(), first_name="Someone else"))
    assert await load(backend) == ana()


async def test_a_resident_is_kept_only_when_committed(backend: Backend) -> None:
    async with backend.uow() as uow:
        await uow.residents.add(ana())
        assert await uow.residents.find_by_contact(["ana@example.invalid"], []) == ana()
    assert await load(backend) is None
