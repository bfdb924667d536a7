"""The events the request use cases publish: one per change, numbered per request, no PII."""

import pytest

from domain.requests.model import CloseReason, Priority, Status
from domain.requests.use_cases import (
    CommentOnRequest,
    MergeRequest,
    TransitionRequest,
    UpdateRequest,
    comment_on_request,
    merge_request,
    transition_request,
    update_request,
)
from domain.shared.errors import PreconditionFailed
from domain.shared.events import EventType
from domain.shared.vocabulary import Visibility
from tests.unit.domain.requests.test_use_cases import (
    AGENT,
    NOW,
    PW_MANAGER,
    as_,
    clock,
    factory,
    open_pothole,
    wiring,
)
from tests.unit.fakes import FakeUnitOfWorkFactory
from tests.unit.wiring import Wiring

__all__ = ["clock", "factory", "wiring"]  # fixtures shared with the use-case tests

PERSONAL = ("Ana", "ana@example.org")


def _data(factory: FakeUnitOfWorkFactory) -> list[dict[str, object]]:
    return [dict(event.data) for event in factory.store.events]


async def test_opening_a_request_publishes_request_created_with_sequence_one(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    request = await open_pothole(wiring)
    [event] = factory.store.events
    assert event.type is EventType.REQUEST_CREATED
    assert (event.subject, event.occurred_at) == (request.id, NOW)
    assert (event.department_code, event.service_code) == ("public-works", "pothole")
    assert event.data == {
        "sequence": 1,
        "status": "new",
        "previous_status": None,
        "public_status_changed": False,
        "department_code": "public-works",
        "service_code": "pothole",
        "changes": ["created"],
    }
    assert not any(value in str(event.data) for value in PERSONAL)


async def test_each_change_publishes_the_next_sequence_and_closing_is_request_closed(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    request = await open_pothole(wiring)
    agent = as_(AGENT)
    go = TransitionRequest(request.id, Status.IN_PROGRESS, if_match=1)
    await transition_request(wiring.context, go, agent, hours=wiring.hours)
    note = CommentOnRequest(request.id, "crew sent", Visibility.INTERNAL, if_match=2)
    await comment_on_request(wiring.context, note, agent)
    urgent = UpdateRequest(request.id, if_match=3, priority=Priority.URGENT)
    await update_request(wiring.context, urgent, agent)
    done = TransitionRequest(request.id, Status.CLOSED, 4, reason=CloseReason.RESOLVED)
    await transition_request(wiring.context, done, agent, hours=wiring.hours)

    types = [event.type for event in factory.store.events]
    assert types == [
        EventType.REQUEST_CREATED,
        EventType.REQUEST_UPDATED,
        EventType.REQUEST_UPDATED,
        EventType.REQUEST_UPDATED,
        EventType.REQUEST_CLOSED,
    ]
    data = _data(factory)
    assert [d["sequence"] for d in data] == [1, 2, 3, 4, 5]
    assert [d["changes"] for d in data[1:]] == [
        ["status"],
        ["internal_comment"],
        ["priority"],
        ["status"],
    ]
    assert [d["public_status_changed"] for d in data[1:]] == [False, False, False, True]
    assert (data[4]["previous_status"], data[4]["status"]) == ("in_progress", "closed")
    assert factory.store.requests[request.id].event_sequence == 5
    assert "crew sent" not in str(data)


async def test_a_no_op_update_publishes_nothing_and_a_refused_change_publishes_nothing(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    request = await open_pothole(wiring)
    same = UpdateRequest(request.id, if_match=1, priority=request.priority)
    await update_request(wiring.context, same, as_(PW_MANAGER))
    stale = TransitionRequest(request.id, Status.IN_PROGRESS, if_match=7)
    with pytest.raises(PreconditionFailed):
        await transition_request(wiring.context, stale, as_(AGENT), hours=wiring.hours)
    assert [event.type for event in factory.store.events] == [EventType.REQUEST_CREATED]


async def test_a_merge_closes_the_duplicate_and_updates_the_parent(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    parent = await open_pothole(wiring)
    duplicate = await open_pothole(wiring)
    await merge_request(
        wiring.context,
        MergeRequest(duplicate.id, parent.id, if_match=1),
        as_(AGENT),
        hours=wiring.hours,
    )
    merged, absorbed = factory.store.events[2:]
    assert (merged.type, merged.subject) == (EventType.REQUEST_CLOSED, duplicate.id)
    assert merged.data["changes"] == ["status", "merge"]
    assert merged.data["sequence"] == 2
    assert (absorbed.type, absorbed.subject) == (EventType.REQUEST_UPDATED, parent.id)
    assert (absorbed.data["changes"], absorbed.data["sequence"]) == (["merge"], 2)


async def test_a_status_change_with_a_note_carries_it_masked_as_the_public_sees_it(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    request = await open_pothole(wiring)
    note = "Patched with cold mix. Ana: 410-555-0177, ana@example.org"
    done = TransitionRequest(request.id, Status.CLOSED, 1, CloseReason.RESOLVED, note)
    await transition_request(wiring.context, done, as_(AGENT), hours=wiring.hours)
    closed = _data(factory)[-1]
    assert closed["note"] == "Patched with cold mix. [name hidden]: [phone hidden], [email hidden]"
    assert not any(value in str(closed) for value in PERSONAL)
    assert "note" not in _data(factory)[0]
