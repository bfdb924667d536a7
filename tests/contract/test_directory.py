"""Department and user repositories: round trips, exact email look-up, unique keys."""

from dataclasses import replace
from uuid import UUID

import pytest

from domain.directory.catalog import Department
from domain.directory.users import Role, Tier, User
from tests.contract.conftest import Backend
from tests.integration.builders import T0

ANNEX = Department("parks-annex", "Parks Annex", "annex@example.invalid", "+1 410 555 0199")
CLERK = User(
    id=UUID(int=0xC1E4),
    email="clerk@example.invalid",
    display_name="Casey Clerk",
    role=Role.STAFF,
    password_hash="hashed:pw",
    created_at=T0,
    department_code="transportation",
    tier=Tier.EMPLOYEE,
)


async def department(backend: Backend, code: str = "parks-annex") -> Department | None:
    async with backend.uow() as uow:
        return await uow.departments.get(code)


async def test_a_department_reads_back_equal_and_save_replaces_it(backend: Backend) -> None:
    async with backend.uow() as uow:
        await uow.departments.add(ANNEX)
        await uow.commit()
    assert await department(backend) == ANNEX
    renamed = replace(ANNEX, name="Parks and Recreation Annex", phone=None)
    async with backend.uow() as uow:
        await uow.departments.save(renamed)
        await uow.commit()
    assert await department(backend) == renamed


async def test_saving_an_unknown_department_creates_nothing(backend: Backend) -> None:
    async with backend.uow() as uow:
        await uow.departments.save(ANNEX)
        await uow.commit()
    assert await department(backend) is None


async def test_adding_a_department_code_twice_is_refused(backend: Backend) -> None:
    async with backend.uow() as uow:
        await uow.departments.add(ANNEX)
        await uow.commit()
    with pytest.raises(backend.duplicate_key):
        async with backend.uow() as uow:
            await uow.departments.add(replace(ANNEX, name="Another"))
    assert await department(backend) == ANNEX


async def test_a_user_is_found_by_id_and_by_exact_email(backend: Backend) -> None:
    async with backend.uow() as uow:
        await uow.users.add(CLERK)
        await uow.commit()
    async with backend.uow() as uow:
        assert await uow.users.get(CLERK.id) == CLERK
        assert await uow.users.get_by_email("clerk@example.invalid") == CLERK
        assert await uow.users.get_by_email("Clerk@example.invalid") is None  # callers fold
        assert await uow.users.get(UUID(int=404)) is None


async def test_a_second_user_with_the_same_email_is_refused(backend: Backend) -> None:
    async with backend.uow() as uow:
        await uow.users.add(CLERK)
        await uow.commit()
    with pytest.raises(backend.duplicate_key):
        async with backend.uow() as uow:
            await uow.users.add(replace(CLERK, id=UUID(int=0xC1E5)))
    async with backend.uow() as uow:
        assert await uow.users.get(UUID(int=0xC1E5)) is None


async def test_saving_a_user_replaces_it(backend: Backend) -> None:
    async with backend.uow() as uow:
        await uow.users.add(CLERK)
        await uow.commit()
    promoted = replace(CLERK, tier=Tier.MANAGER, token_version=CLERK.token_version + 1)
    async with backend.uow() as uow:
        await uow.users.save(promoted)
        await uow.commit()
    async with backend.uow() as uow:
        assert await uow.users.get(CLERK.id) == promoted


async def test_saving_an_unknown_user_creates_nothing(backend: Backend) -> None:
    async with backend.uow() as uow:
        await uow.users.save(CLERK)
        await uow.commit()
    async with backend.uow() as uow:
        assert await uow.users.get(CLERK.id) is None
