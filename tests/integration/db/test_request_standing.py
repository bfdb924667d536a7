"""The "due soon" and "overdue" filters answer as EscalationPolicy.standing does, row for row
(issue 11, finding 10): the same rows, several policies and instants, boundaries to the
microsecond, in UTC and in a session time zone with daylight saving time."""

import math
import random
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.read_models.request_standing import standing_is
from adapters.db.read_models.requests import RequestReadModel
from adapters.db.tables.requests import service_requests
from domain.directory.catalog import SlaPolicy
from domain.requests.escalation import EscalationPolicy, Threshold
from domain.requests.model import ServiceRequest, Status
from domain.requests.queries import RequestFilter, StandingFilter
from domain.shared.sla import SlaCalendar
from tests.integration.builders import add_requests, make_request

pytestmark = pytest.mark.usefixtures("seeded")

US = timedelta(microseconds=1)
# New York leaves daylight saving time on 2026-11-01 at 06:00 UTC.
NOWS = [
    datetime(2026, 11, 1, 7, 30, 0, 123457, tzinfo=UTC),
    datetime(2026, 11, 3, 12, 0, tzinfo=UTC),
    datetime(2026, 6, 15, 9, 0, 0, 1, tzinfo=UTC),
]
POLICIES = [
    EscalationPolicy(),
    EscalationPolicy(due_soon_fraction=0.7),
    EscalationPolicy(due_soon_fraction=0.5, due_soon_within=timedelta(hours=3)),
    EscalationPolicy(due_soon_fraction=0.95, due_soon_within=timedelta(hours=30)),
]
LATE = [
    frozenset({Threshold.DUE_SOON}),
    frozenset({Threshold.OVERDUE}),
    frozenset({Threshold.DUE_SOON, Threshold.OVERDUE}),
]


class Rows:
    def __init__(self) -> None:
        self.items: list[ServiceRequest] = []
        self.random = random.Random(11)

    def add(self, requested: datetime, expected: datetime | None, **fields: object) -> None:
        number = len(self.items) + 1
        self.items.append(
            make_request(f"26-{number:08d}", requested_at=requested, expected_at=expected, **fields)
        )

    def some(self, now: datetime) -> None:
        """Requests of any status, SLA, hold and age around `now`."""
        for _ in range(40):
            requested = now - timedelta(hours=self.random.uniform(0, 200))
            expected = requested + timedelta(microseconds=self.random.randrange(1, 10**12))
            status = self.random.choice(list(Status))
            pauses = self.random.random() < 0.5
            since = requested + (now - requested) * self.random.random()
            self.add(
                requested,
                None if self.random.random() < 0.1 else expected,
                status=status,
                sla=SlaPolicy(24.0, SlaCalendar.ALWAYS, pauses),
                on_hold_since=since if self.random.random() < 0.9 else None,
            )

    def edges(self, policy: EscalationPolicy, now: datetime) -> None:
        """Requests whose due-soon line, margin or expected date falls on `now`, and 1 us off."""
        for _ in range(5):
            total = self.random.randrange(1, 10**12)
            line = math.floor(total * policy.due_soon_fraction)
            for nudge in (-1, 0, 1):
                requested = now - timedelta(microseconds=line + nudge)
                self.add(requested, requested + total * US)
                self.add(now - timedelta(days=30), now + policy.due_soon_within + nudge * US)
                self.add(now - timedelta(hours=1), now + nudge * US)


def rows() -> list[ServiceRequest]:
    made = Rows()
    for now in NOWS:
        made.some(now)
        for policy in POLICIES:
            made.edges(policy, now)
    return made.items


@pytest.fixture
async def stored(seeded: AsyncEngine) -> list[ServiceRequest]:
    requests = rows()
    await add_requests(seeded, *requests)
    return requests


def by_python(requests: list[ServiceRequest], f: StandingFilter) -> set[str]:
    late = {threshold.value for threshold in f.late}
    return {r.id for r in requests if f.policy.standing(r, f.now).value in late}


async def by_sql(engine: AsyncEngine, f: StandingFilter, zone: str) -> set[str]:
    t = service_requests
    async with engine.connect() as db:
        await db.execute(text(f"SET TIME ZONE '{zone}'"))
        found = await db.execute(select(t.c.id).where(standing_is(f)))
        await db.execute(text("RESET TIME ZONE"))
    return {row.id for row in found}


@pytest.mark.parametrize("policy", POLICIES)
async def test_the_sql_filter_and_the_python_rule_agree_on_every_row(
    seeded: AsyncEngine, stored: list[ServiceRequest], policy: EscalationPolicy
) -> None:
    checked = 0
    for now in NOWS:
        for late in LATE:
            f = StandingFilter(late, now, policy)
            expected = by_python(stored, f)
            assert expected, "each case must list something"
            for zone in ("UTC", "America/New_York"):
                assert await by_sql(seeded, f, zone) == expected, (now, late, zone)
            checked += 1
    assert checked == len(NOWS) * len(LATE)


async def test_the_list_filter_is_the_rule_and_sets_the_flags_it_filters_on(
    seeded: AsyncEngine, stored: list[ServiceRequest]
) -> None:
    model = RequestReadModel(seeded)
    policy, now = POLICIES[0], NOWS[0]
    for late in LATE:
        f = StandingFilter(late, now, policy)
        page = await model.page(RequestFilter(standing=f, limit=1000))
        assert page.next_cursor is None
        assert {r.id for r in page.items} == by_python(stored, f)
        assert {policy.standing(r, now).value for r in page.items} == {s.value for s in late}
