"""Announce that an open request is due soon or overdue: request.overdue, once per threshold.

The escalation log keeps the thresholds announced; recording one, taking the request's next
event sequence and publishing the event commit together, so two scans at once, or a scan
run again after a crash, announce nothing twice.
"""

from datetime import datetime
from typing import Protocol

from domain.requests.escalation import EscalationPolicy, Threshold
from domain.requests.events import overdue_event
from domain.requests.ports import EscalationLog, EscalationUnitOfWork
from domain.shared.context import Context


class EscalationCandidates(Protocol):
    async def due(self, policy: EscalationPolicy, now: datetime) -> list[str]:
        """The requests that may be due soon or overdue (the use case decides), set-based."""
        ...


async def announce_all_due(
    context: Context[EscalationUnitOfWork],
    *,
    candidates: EscalationCandidates,
    policy: EscalationPolicy,
) -> int:
    """The escalation scan; returns how many events it published."""
    due = await candidates.due(policy, context.clock.now())
    published = 0
    for request_id in due:
        published += await announce_overdue(context, request_id, policy=policy)
    return published


async def announce_overdue(
    context: Context[EscalationUnitOfWork], request_id: str, *, policy: EscalationPolicy
) -> bool:
    """Whether it published: not if the request is not due (any more), or already announced."""
    now = context.clock.now()
    async with context.uow() as work:
        request = await work.requests.get(request_id, for_update=True)
        threshold = None if request is None else policy.due(request, now)
        if request is None or threshold is None:
            return False
        if not await _record(work.escalations, request_id, threshold, now):
            return False
        event = overdue_event(request, threshold, now)
        await work.requests.save_event_sequence(request)
        await work.events.publish(event)
        await work.commit()
    return True


async def _record(log: EscalationLog, request_id: str, threshold: Threshold, at: datetime) -> bool:
    if threshold is Threshold.OVERDUE:  # a late scan skips straight to overdue
        await log.record(request_id, Threshold.DUE_SOON, at)
    return await log.record(request_id, threshold, at)
