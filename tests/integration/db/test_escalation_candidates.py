"""The escalation scan's set-based candidates agree with the Python rule it announces by
(`EscalationPolicy.due`, built on `reached`), row for row: requests 1 us either side of the
due-soon line, the margin and the expected date, on hold with and without a paused SLA,
closed, undated; and a request already announced overdue drops out."""

import math
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.read_models.escalation_candidates import SqlEscalationCandidates
from domain.directory.catalog import SlaPolicy
from domain.requests.escalation import EscalationPolicy
from domain.requests.model import ServiceRequest, Status
from domain.shared.sla import SlaCalendar
from tests.integration.builders import add_requests, make_request

pytestmark = pytest.mark.usefixtures("seeded")

US = timedelta(microseconds=1)
NOW = datetime(2026, 11, 1, 7, 30, 0, 123457, tzinfo=UTC)  # New York just left DST
POLICIES = [
    EscalationPolicy(),
    EscalationPolicy(due_soon_fraction=0.5, due_soon_within=timedelta(hours=3)),
]
TOTALS = [10**6 + 7, 36 * 3600 * 10**6 + 11, 5 * 86400 * 10**6 + 3]  # microseconds


def _sla(pauses: bool) -> SlaPolicy:
    return SlaPolicy(24.0, SlaCalendar.ALWAYS, pauses)


def around_the_lines(policy: EscalationPolicy) -> list[ServiceRequest]:
    made: list[ServiceRequest] = []

    def add(requested: datetime, expected: datetime | None, **fields: object) -> None:
        made.append(
            make_request(
                f"26-{len(made) + 1:08d}", requested_at=requested, expected_at=expected, **fields
            )
        )

    for total in TOTALS:
        line = math.floor(total * policy.due_soon_fraction)
        for nudge in (-1, 0, 1):
            requested = NOW - (line + nudge) * US
            add(requested, requested + total * US)  # the due-soon line
            add(NOW - timedelta(hours=1), NOW + nudge * US)  # the expected date
            add(NOW - timedelta(days=30), NOW + policy.due_soon_within + nudge * US)  # margin
    late = {"requested": NOW - timedelta(days=2), "expected": NOW - timedelta(hours=1)}
    for status in Status:
        for pauses in (True, False):
            add(
                late["requested"],
                late["expected"],
                status=status,
                sla=_sla(pauses),
                on_hold_since=NOW - timedelta(days=1),
            )
    add(late["requested"], None)  # undated
    return made


async def _candidates(engine: AsyncEngine, policy: EscalationPolicy) -> set[str]:
    return set(await SqlEscalationCandidates(engine).due(policy, NOW, limit=10_000))


@pytest.mark.parametrize("policy", POLICIES)
async def test_the_candidates_are_the_requests_the_python_rule_finds_due(
    seeded: AsyncEngine, policy: EscalationPolicy
) -> None:
    requests = around_the_lines(policy)
    await add_requests(seeded, *requests)
    due = {r.id for r in requests if policy.due(r, NOW) is not None}
    reached = {
        r.id
        for r in requests
        if r.expected_at is not None and policy.reached(r.requested_at, r.expected_at, NOW)
    }
    assert 0 < len(due) < len(reached) < len(requests)  # the rows straddle every line
    assert await _candidates(seeded, policy) == due


async def test_a_request_announced_overdue_is_no_longer_a_candidate(seeded: AsyncEngine) -> None:
    policy = POLICIES[0]
    requests = around_the_lines(policy)
    await add_requests(seeded, *requests)
    overdue = next(
        r
        for r in requests
        if r.expected_at is not None and r.expected_at <= NOW and policy.due(r, NOW)
    )
    async with seeded.begin() as db:
        await db.execute(
            text("INSERT INTO escalations VALUES (:id, 'overdue', :at)"),
            {"id": overdue.id, "at": NOW},
        )
    due = {r.id for r in requests if policy.due(r, NOW) is not None}
    assert await _candidates(seeded, policy) == due - {overdue.id}


async def test_a_request_announced_due_soon_is_a_candidate_again_only_once_overdue(
    seeded: AsyncEngine,
) -> None:
    """Announcing it again would do nothing: the scan would lock and load it every minute."""
    policy = POLICIES[0]
    requests = around_the_lines(policy)
    await add_requests(seeded, *requests)
    announced = {r.id: policy.due(r, NOW) for r in requests if policy.due(r, NOW) is not None}
    async with seeded.begin() as db:
        for request_id in announced:
            await db.execute(
                text("INSERT INTO escalations VALUES (:id, 'due_soon', :at)"),
                {"id": request_id, "at": NOW},
            )
    overdue = {r for r, threshold in announced.items() if threshold == "overdue"}
    assert 0 < len(overdue) < len(announced)
    assert await _candidates(seeded, policy) == overdue
