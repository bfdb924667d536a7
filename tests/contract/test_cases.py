"""CaseRepository: round trips of every field, optimistic locking, transactions."""

from dataclasses import replace
from uuid import UUID

import pytest

from domain.cases.model import Case, CaseType, Referral, ReferralTarget
from domain.shared.errors import PreconditionFailed
from domain.shared.vocabulary import Channel
from tests.contract.conftest import Backend
from tests.integration.builders import AGENT_ID, T0, at

CASE_ID = UUID(int=0xC0FFEE)


def complaint(case_id: UUID = CASE_ID) -> Case:
    """Every field set; codes and the agent are the demo data's (the SQL side checks them)."""
    return Case(
        id=case_id,
        channel=Channel.PHONE,
        type=CaseType.COMPLAINT,
        created_at=T0,
        updated_at=T0,
        language="es",
        summary="Crew left the road open",
        notes="Caller asked for a call back",
        anonymous=True,
        article_ids=[3, 1],
        request_ids=["26-00000002", "26-00000001"],
        referral=Referral(ReferralTarget.EXTERNAL, "Gas company", "+1 800 555 0100", "https://gas"),
        department_code="transportation",
        resolved_on_first_contact=False,
        tags=["roads", "night"],
        call_id="call-77",
        started_at=T0,
        ended_at=at(0.1),
        agent_id=AGENT_ID,
        agent_name="Alex Agent",
    )


async def add(backend: Backend, case: Case) -> None:
    async with backend.uow() as uow:
        await uow.cases.add(case)
        await uow.commit()


async def load(backend: Backend, case_id: UUID = CASE_ID) -> Case | None:
    async with backend.uow() as uow:
        return await uow.cases.get(case_id)


async def test_an_added_case_reads_back_equal(backend: Backend) -> None:
    await add(backend, complaint())
    assert await load(backend) == complaint()
    assert await load(backend, UUID(int=404)) is None


async def test_a_bare_case_reads_back_with_its_defaults(backend: Backend) -> None:
    bare = Case(CASE_ID, Channel.WEB, CaseType.INFORMATION, T0)
    await add(backend, bare)
    assert await load(backend) == replace(bare, updated_at=T0)  # never updated: since created


async def test_saving_at_the_read_version_moves_the_version_on(backend: Backend) -> None:
    await add(backend, complaint())
    async with backend.uow() as uow:
        case = await uow.cases.get(CASE_ID, for_update=True)
        assert case is not None
        case.notes, case.tags, case.referral = "Called back", ["roads"], None
        case.updated_at = at(2)
        await uow.cases.save(case, expected_version=1)
        assert case.version == 2
        await uow.commit()
    assert await load(backend) == replace(
        complaint(), notes="Called back", tags=["roads"], referral=None, updated_at=at(2), version=2
    )


async def test_saving_at_a_stale_or_unknown_version_is_refused(backend: Backend) -> None:
    await add(backend, complaint())
    async with backend.uow() as uow:
        with pytest.raises(PreconditionFailed):
            await uow.cases.save(replace(complaint(), notes="stale"), expected_version=2)
    async with backend.uow() as uow:
        with pytest.raises(PreconditionFailed):
            await uow.cases.save(complaint(UUID(int=404)), expected_version=1)
    assert await load(backend) == complaint()
    assert await load(backend, UUID(int=404)) is None


async def test_adding_the_same_case_twice_is_refused(backend: Backend) -> None:
    await add(backend, complaint())
    with pytest.raises(backend.duplicate_key):
        await add(backend, replace(complaint(), notes="again"))
    assert await load(backend) == complaint()


async def test_a_case_is_kept_only_when_committed(backend: Backend) -> None:
    async with backend.uow() as uow:
        await uow.cases.add(complaint())
        assert await uow.cases.get(CASE_ID) == complaint()
    assert await load(backend) is None
