"""Resident use cases against the in-memory fakes: who may, what is stored, who is matched."""

from dataclasses import replace
from datetime import UTC, datetime
from uuid import UUID

import pytest

from domain.directory.users import Role, Tier
from domain.residents.model import ContactPreference, Reporter, Resident
from domain.residents.use_cases import (
    ResidentDetails,
    create_resident,
    find_or_create,
    link_reporter,
    search_keys,
    update_resident,
)
from domain.shared.clock import FixedClock
from domain.shared.errors import Forbidden, NotFound, ValidationFailed
from tests.unit.builders import principal
from tests.unit.fakes import FakeUnitOfWorkFactory
from tests.unit.wiring import context_of

CREATED = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
NOW = datetime(2026, 6, 15, 14, 0, tzinfo=UTC)
AGENT = principal(Role.AGENT)
SUPERVISOR = principal(Role.SUPERVISOR)
ADMIN = principal(Role.ADMIN)
STAFF = principal(Role.STAFF, "public-works", Tier.MANAGER)
EMPLOYEE = principal(Role.STAFF, "public-works", Tier.EMPLOYEE)
ANA_ID = UUID(int=7)

ANA = ResidentDetails(
    first_name="Ana",
    last_name="Lopez",
    phones=("(410) 555-0101",),
    emails=("Ana@Example.org",),
    address="1 Main St",
    preferred_language="es",
)


@pytest.fixture
def factory() -> FakeUnitOfWorkFactory:
    return FakeUnitOfWorkFactory()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


def seed(factory: FakeUnitOfWorkFactory, **fields: object) -> Resident:
    stored = Resident(id=ANA_ID, created_at=CREATED, updated_at=CREATED, **fields)  # type: ignore[arg-type]
    factory.store.residents[stored.id] = stored
    return replace(stored)


# --- create ----------------------------------------------------------------------------------


@pytest.mark.parametrize("who", [AGENT, SUPERVISOR, ADMIN])
async def test_call_center_creates_a_resident(
    factory: FakeUnitOfWorkFactory, clock: FixedClock, who: object
) -> None:
    created = await create_resident(context_of(factory, clock), ANA, who)  # type: ignore[arg-type]
    assert factory.store.residents == {created.id: created}
    assert created.emails == ["ana@example.org"]
    assert created.phones == ["(410) 555-0101"]
    assert (created.created_at, created.updated_at) == (NOW, NOW)
    assert created.contact_preference is ContactPreference.EMAIL
    assert [unit.committed for unit in factory.units] == [True]


@pytest.mark.parametrize("who", [STAFF, EMPLOYEE])
async def test_department_staff_may_not_create_residents(
    factory: FakeUnitOfWorkFactory, clock: FixedClock, who: object
) -> None:
    with pytest.raises(Forbidden):
        await create_resident(context_of(factory, clock), ANA, who)  # type: ignore[arg-type]
    assert factory.store.residents == {}
    assert factory.units == []  # refused before any transaction


async def test_create_refuses_bad_details_and_stores_nothing(
    factory: FakeUnitOfWorkFactory, clock: FixedClock
) -> None:
    with pytest.raises(ValidationFailed) as failure:
        await create_resident(
            context_of(factory, clock), replace(ANA, emails=("not-an-email",)), AGENT
        )
    assert failure.value.errors[0].field == "emails"
    assert factory.store.residents == {}


# --- update ----------------------------------------------------------------------------------


async def test_update_replaces_the_details_and_keeps_the_creation_time(
    factory: FakeUnitOfWorkFactory, clock: FixedClock
) -> None:
    seed(factory, first_name="Ana", phones=["410 555 0101"], emails=["old@example.org"])
    details = ResidentDetails(first_name="Ana Maria", emails=("new@example.org",))
    updated = await update_resident(context_of(factory, clock), ANA_ID, details, AGENT)
    stored = factory.store.residents[ANA_ID]
    assert stored == updated
    assert stored.first_name == "Ana Maria"
    assert stored.emails == ["new@example.org"]
    assert stored.phones == []  # replaced, not merged
    assert (stored.created_at, stored.updated_at) == (CREATED, NOW)


async def test_an_update_that_leaves_out_the_preference_keeps_an_opt_out(
    factory: FakeUnitOfWorkFactory, clock: FixedClock
) -> None:
    seed(factory, emails=["ana@example.org"], contact_preference=ContactPreference.NONE)
    details = ResidentDetails(first_name="Ana", emails=("ana@example.org",))
    await update_resident(context_of(factory, clock), ANA_ID, details, AGENT)
    assert factory.store.residents[ANA_ID].contact_preference is ContactPreference.NONE


async def test_an_update_may_change_the_preference(
    factory: FakeUnitOfWorkFactory, clock: FixedClock
) -> None:
    seed(factory, phones=["410 555 0101"], contact_preference=ContactPreference.NONE)
    details = ResidentDetails(phones=("410 555 0101",), contact_preference=ContactPreference.SMS)
    await update_resident(context_of(factory, clock), ANA_ID, details, SUPERVISOR)
    assert factory.store.residents[ANA_ID].contact_preference is ContactPreference.SMS


async def test_updating_an_unknown_resident_is_not_found(
    factory: FakeUnitOfWorkFactory, clock: FixedClock
) -> None:
    with pytest.raises(NotFound, match=str(ANA_ID)):
        await update_resident(context_of(factory, clock), ANA_ID, ANA, AGENT)
    assert factory.store.residents == {}


async def test_department_staff_may_not_update_residents(
    factory: FakeUnitOfWorkFactory, clock: FixedClock
) -> None:
    before = seed(factory, first_name="Ana")
    with pytest.raises(Forbidden):
        await update_resident(context_of(factory, clock), ANA_ID, ANA, STAFF)
    assert factory.store.residents[ANA_ID] == before


# --- find or create --------------------------------------------------------------------------


async def find_or_create_now(factory: FakeUnitOfWorkFactory, details: ResidentDetails) -> Resident:
    async with factory() as uow:
        found = await find_or_create(uow, details, NOW)
        await uow.commit()
    return found


async def test_an_unknown_caller_becomes_a_new_resident(factory: FakeUnitOfWorkFactory) -> None:
    found = await find_or_create_now(factory, ANA)
    assert factory.store.residents == {found.id: found}
    assert found.created_at == NOW


async def test_a_caller_is_matched_by_email_whatever_its_case(
    factory: FakeUnitOfWorkFactory,
) -> None:
    seed(factory, first_name="Ana", emails=["ana@example.org"])
    found = await find_or_create_now(factory, ResidentDetails(emails=("ANA@example.ORG",)))
    assert found.id == ANA_ID
    assert list(factory.store.residents) == [ANA_ID]


async def test_a_caller_is_matched_by_phone_digits_and_told_what_is_new(
    factory: FakeUnitOfWorkFactory,
) -> None:
    seed(factory, first_name="Ana", phones=["(410) 555-0101"])
    found = await find_or_create_now(factory, ANA)
    stored = factory.store.residents[ANA_ID]
    assert found == stored
    assert list(factory.store.residents) == [ANA_ID]
    assert stored.last_name == "Lopez"
    assert stored.emails == ["ana@example.org"]
    assert stored.phones == ["(410) 555-0101"]
    assert (stored.created_at, stored.updated_at) == (CREATED, NOW)


async def test_a_repeat_caller_telling_nothing_new_costs_no_write(
    factory: FakeUnitOfWorkFactory,
) -> None:
    before = seed(factory, first_name="Ana", emails=["ana@example.org"])
    found = await find_or_create_now(factory, ResidentDetails(emails=("ana@example.org",)))
    assert found == before
    assert factory.store.residents[ANA_ID].updated_at == CREATED


async def test_a_stated_contact_preference_replaces_the_stored_one(
    factory: FakeUnitOfWorkFactory,
) -> None:
    seed(factory, emails=["ana@example.org"])
    details = ResidentDetails(
        emails=("ana@example.org",), contact_preference=ContactPreference.NONE
    )
    await find_or_create_now(factory, details)
    stored = factory.store.residents[ANA_ID]
    assert stored.contact_preference is ContactPreference.NONE
    assert stored.updated_at == NOW


async def test_asking_for_sms_without_any_phone_is_refused(
    factory: FakeUnitOfWorkFactory,
) -> None:
    seed(factory, emails=["ana@example.org"])
    details = ResidentDetails(emails=("ana@example.org",), contact_preference=ContactPreference.SMS)
    with pytest.raises(ValidationFailed) as failure:
        await find_or_create_now(factory, details)
    assert failure.value.errors[0].field == "contact_preference"
    assert factory.store.residents[ANA_ID].contact_preference is ContactPreference.EMAIL


# --- reporters -------------------------------------------------------------------------------


async def test_an_anonymous_reporter_links_to_nobody(factory: FakeUnitOfWorkFactory) -> None:
    async with factory() as uow:
        assert await link_reporter(uow, Reporter(language="es"), NOW) is None
        await uow.commit()
    assert factory.store.residents == {}


async def test_a_reporter_becomes_a_resident_with_their_language(
    factory: FakeUnitOfWorkFactory,
) -> None:
    reporter = Reporter("Ana", "Lopez", " Ana@Example.org", "410 555 0101", "es")
    async with factory() as uow:
        resident_id = await link_reporter(uow, reporter, NOW)
        await uow.commit()
    assert resident_id is not None
    stored = factory.store.residents[resident_id]
    assert (stored.first_name, stored.last_name) == ("Ana", "Lopez")
    assert stored.emails == ["ana@example.org"]
    assert stored.phone_keys == ["4105550101"]
    assert stored.preferred_language == "es"


async def test_a_known_reporter_is_linked_to_the_existing_resident(
    factory: FakeUnitOfWorkFactory,
) -> None:
    seed(factory, phones=["+1 410 555 0101"])
    async with factory() as uow:
        resident_id = await link_reporter(uow, Reporter(phone="410-555-0101"), NOW)
        await uow.commit()
    assert resident_id == ANA_ID
    assert list(factory.store.residents) == [ANA_ID]


# --- search keys -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        (" Ana@Example.org ", ("ana@example.org", None)),
        ("(410) 555-0101", (None, "4105550101")),
        ("+1 410 555 0101", (None, "4105550101")),
        ("555-0101", (None, "5550101")),
        ("555-01", (None, None)),  # too short to be a phone number
        ("Apt 4105550101 Main Street Baltimore", (None, None)),  # mostly words
        ("Ana Lopez", (None, None)),
    ],
)
def test_search_keys(text: str, keys: tuple[str | None, str | None]) -> None:
    assert search_keys(text) == keys
