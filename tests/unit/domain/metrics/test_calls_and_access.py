"""Call records read from CSV, their import, and who reads metrics."""

from collections.abc import Sequence
from datetime import UTC, datetime
from uuid import uuid4

import pytest

from domain.directory.permissions import Principal
from domain.directory.users import Role, Tier
from domain.metrics.access import MetricsReader, metrics_reader, require_call_import
from domain.metrics.calls import BadRow, CallRecord, read_calls
from domain.metrics.importing import import_calls
from domain.shared.errors import Forbidden, ValidationFailed

HEADER = "call_id,queue,offered_at,answered_at,abandoned_at,ended_at,agent\n"


def rows(text: str) -> list[CallRecord | BadRow]:
    return list(read_calls((HEADER + text).splitlines(keepends=True)))


def test_a_good_row_is_a_call_in_utc() -> None:
    [call] = rows("c1, general ,2026-11-16T09:00:00-05:00,2026-11-16T09:00:25-05:00,,,ann\n")
    assert isinstance(call, CallRecord)
    assert call.queue == "general" and call.agent == "ann"
    assert call.offered_at == datetime(2026, 11, 16, 14, tzinfo=UTC)
    assert call.wait_seconds == 25.0


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        (",q,2026-11-16T09:00:00Z,2026-11-16T09:00:01Z,,,", "call_id is missing"),
        ("c,q,2026-11-16T09:00:00Z,,,,", "a call has exactly one of answered_at and abandoned_at"),
        ("c,q,2026-11-16T09:00:00,2026-11-16T09:00:01Z,,,", "offered_at needs a UTC offset"),
        ("c,q,2026-11-16T09:00:00Z,2026-11-16T08:00:00Z,,,", "answered_at is before offered_at"),
        (
            "c,q,2026-11-16T09:00:00Z,,2026-11-16T09:01:00Z,2026-11-16T09:00:30Z,",
            "ended_at is before the call's end",
        ),
        (
            "c,q,2026-11-16T09:00:00Z,,2026-11-16T09:01:00Z,,,extra",
            "more fields than the header has",
        ),
    ],
)
def test_bad_rows_say_why(row: str, reason: str) -> None:
    assert rows(row + "\n") == [BadRow(2, reason)]


def test_line_numbers_count_the_header_and_multi_line_fields() -> None:
    text = (
        'c1,"two\nlines",2026-11-16T09:00:00Z,2026-11-16T09:00:01Z,,,\n'
        "c2,q,bad,2026-11-16T09:00:01Z,,,\n"
    )
    found = rows(text)
    assert isinstance(found[0], CallRecord)
    assert found[1] == BadRow(4, "offered_at is not an RFC 3339 date-time")


def test_a_file_without_the_columns_is_refused() -> None:
    with pytest.raises(ValidationFailed):
        list(read_calls(["call_id,queue,offered_at\n"]))


async def test_an_import_counts_new_and_known_calls() -> None:
    stored: set[str] = {"c1"}

    async def store(calls: Sequence[CallRecord]) -> int:
        new = {c.call_id for c in calls} - stored
        stored.update(new)
        return len(new)

    lines = (
        HEADER + "c1,q,2026-11-16T09:00:00Z,2026-11-16T09:00:01Z,,,\n"
        "c2,q,2026-11-16T09:00:00Z,,2026-11-16T09:00:09Z,,\nc3,q,x,,,,\n"
    )
    result = await import_calls(lines.splitlines(keepends=True), store)
    assert (result.received, result.inserted, result.unchanged, result.rejected) == (3, 1, 1, 1)
    assert result.errors == [BadRow(4, "offered_at is not an RFC 3339 date-time")]


def person(role: Role, tier: Tier | None = None, department: str | None = None) -> Principal:
    return Principal(uuid4(), "Someone", role, department, tier)


def test_who_reads_metrics() -> None:
    assert metrics_reader(person(Role.SUPERVISOR)) == MetricsReader()
    assert metrics_reader(person(Role.ADMIN)).reads_everything
    manager = metrics_reader(person(Role.STAFF, Tier.MANAGER, "transportation"))
    assert manager.department_filter(None) == "transportation"
    assert manager.department_filter("transportation") == "transportation"
    with pytest.raises(Forbidden):
        manager.department_filter("bge")
    with pytest.raises(Forbidden):
        manager.require_contact_center()
    for other in (person(Role.AGENT), person(Role.STAFF, Tier.EMPLOYEE, "transportation")):
        with pytest.raises(Forbidden):
            metrics_reader(other)


def test_partners_and_agents_import_no_calls() -> None:
    partner = Principal(uuid4(), "Work orders", Role.STAFF, "transportation", partner=True)
    for caller in (partner, person(Role.AGENT), person(Role.STAFF, Tier.MANAGER, "bge")):
        with pytest.raises(Forbidden):
            require_call_import(caller)
    require_call_import(person(Role.SUPERVISOR))
