"""EscalationLog and RequestRepository.save_event_sequence: what the overdue use case needs."""

from domain.requests.escalation import Threshold
from domain.requests.model import ServiceRequest
from tests.contract.conftest import Backend
from tests.integration.builders import T0, make_request

REQUEST_ID = "26-00000042"


async def add(backend: Backend, request: ServiceRequest) -> None:
    async with backend.uow() as uow:
        await uow.requests.add(request)
        await uow.commit()


async def test_a_threshold_is_recorded_once_and_a_rollback_forgets_it(backend: Backend) -> None:
    await add(backend, make_request(REQUEST_ID))
    async with backend.uow() as uow:
        assert await uow.escalations.record(REQUEST_ID, Threshold.DUE_SOON, T0)
        # no commit: rolled back
    async with backend.uow() as uow:
        assert await uow.escalations.record(REQUEST_ID, Threshold.DUE_SOON, T0)
        assert not await uow.escalations.record(REQUEST_ID, Threshold.DUE_SOON, T0)
        assert await uow.escalations.record(REQUEST_ID, Threshold.OVERDUE, T0)
        await uow.commit()
    async with backend.uow() as uow:
        assert not await uow.escalations.record(REQUEST_ID, Threshold.DUE_SOON, T0)
        assert not await uow.escalations.record(REQUEST_ID, Threshold.OVERDUE, T0)


async def test_saving_the_event_sequence_writes_nothing_else(backend: Backend) -> None:
    await add(backend, make_request(REQUEST_ID, event_sequence=3, version=2))
    async with backend.uow() as uow:
        request = await uow.requests.get(REQUEST_ID, for_update=True)
        assert request is not None
        request.event_sequence += 1
        request.description = "not saved by save_event_sequence"
        await uow.requests.save_event_sequence(request)
        await uow.commit()
    async with backend.uow() as uow:
        stored = await uow.requests.get(REQUEST_ID)
    assert stored is not None
    assert (stored.event_sequence, stored.version) == (4, 2)
    assert stored.description == make_request(REQUEST_ID).description
