"""Every request the API returns says whether it is due soon or overdue, by the rule the
escalation scan uses (80% of the SLA by default), and the list filters on the same rule
(issue 11, finding 10)."""

from datetime import UTC, datetime, timedelta

import httpx
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.tables.requests import service_requests
from tests.api.conftest import pothole_body

REQUESTS = "/api/v1/requests"


async def _create(client: httpx.AsyncClient, agent: dict[str, str]) -> dict[str, object]:
    made = await client.post(REQUESTS, json=pothole_body(), headers=agent)
    assert made.status_code == 201, made.text
    return dict(made.json())


async def _age(engine: AsyncEngine, number: object, elapsed: float, sla_hours: float) -> None:
    """Move the request so that `elapsed` of its `sla_hours` have passed."""
    now = datetime.now(UTC)
    requested = now - timedelta(hours=sla_hours * elapsed)
    t = service_requests
    async with engine.begin() as db:
        await db.execute(
            update(t)
            .where(t.c.id == number)
            .values(requested_at=requested, expected_at=requested + timedelta(hours=sla_hours))
        )


def _flags(request: dict[str, object]) -> tuple[object, object]:
    return request["due_soon"], request["overdue"]


async def _listed(client: httpx.AsyncClient, agent: dict[str, str], **params: str) -> list[str]:
    answer = await client.get(REQUESTS, params=params, headers=agent)
    assert answer.status_code == 200, answer.text
    return sorted(str(r["id"]) for r in answer.json()["items"])


async def test_a_new_request_with_a_short_sla_is_not_due_soon(
    client: httpx.AsyncClient, agent: dict[str, str], database_state: AsyncEngine
) -> None:
    created = await _create(client, agent)  # the pothole SLA is less than 24 hours
    assert _flags(created) == (False, False)
    again = await client.get(f"{REQUESTS}/{created['id']}", headers=agent)
    assert _flags(again.json()) == (False, False)


async def test_the_flags_and_the_filters_follow_80_percent_of_the_sla(
    client: httpx.AsyncClient, agent: dict[str, str], database_state: AsyncEngine
) -> None:
    young, soon, late = [str((await _create(client, agent))["id"]) for _ in range(3)]
    await _age(database_state, young, 0.7, 24)
    await _age(database_state, soon, 0.85, 24)  # 20.4 h of 24: more than 80%
    await _age(database_state, late, 1.5, 24)

    answer = await client.get(REQUESTS, headers=agent)
    flags = {r["id"]: _flags(r) for r in answer.json()["items"]}
    assert flags == {young: (False, False), soon: (True, False), late: (False, True)}
    single = await client.get(f"{REQUESTS}/{soon}", headers=agent)
    assert _flags(single.json()) == (True, False)

    assert await _listed(client, agent, due_soon="true") == [soon]
    assert await _listed(client, agent, overdue="true") == [late]
    assert await _listed(client, agent, due_soon="true", overdue="true") == sorted([soon, late])
    assert await _listed(client, agent, due_soon="false") == sorted([young, soon, late])


async def test_a_write_answers_with_the_flags_and_closing_clears_them(
    client: httpx.AsyncClient, agent: dict[str, str], database_state: AsyncEngine
) -> None:
    number = str((await _create(client, agent))["id"])
    await _age(database_state, number, 2, 10)
    current = await client.get(f"{REQUESTS}/{number}", headers=agent)
    assert _flags(current.json()) == (False, True)
    closed = await client.post(
        f"{REQUESTS}/{number}/transitions",
        json={"to": "closed", "reason": "resolved", "note": "Patched"},
        headers={**agent, "If-Match": current.headers["ETag"]},
    )
    assert closed.status_code == 200, closed.text
    assert _flags(closed.json()) == (False, False)
    assert await _listed(client, agent, overdue="true") == []


async def test_due_soon_refuses_a_non_boolean(
    client: httpx.AsyncClient, agent: dict[str, str], database_state: AsyncEngine
) -> None:
    bad = await client.get(REQUESTS, params={"due_soon": "maybe"}, headers=agent)
    assert bad.status_code == 422
    assert bad.headers["content-type"] == "application/problem+json"


async def test_a_conditional_get_is_304_only_while_the_flags_cannot_have_moved(
    client: httpx.AsyncClient, agent: dict[str, str], database_state: AsyncEngine
) -> None:
    """The ETag is the version, which If-Match reads; the flags change with time alone."""
    number = str((await _create(client, agent))["id"])
    first = await client.get(f"{REQUESTS}/{number}", headers=agent)
    etag = first.headers["ETag"]
    again = await client.get(f"{REQUESTS}/{number}", headers={**agent, "If-None-Match": etag})
    assert (again.status_code, _flags(again.json())) == (200, (False, False))
    await _age(database_state, number, 1.2, 10)
    late = await client.get(f"{REQUESTS}/{number}", headers={**agent, "If-None-Match": etag})
    assert (late.status_code, _flags(late.json())) == (200, (False, True))

    closed = await client.post(
        f"{REQUESTS}/{number}/transitions",
        json={"to": "closed", "reason": "resolved", "note": "Patched"},
        headers={**agent, "If-Match": etag},
    )
    tag = closed.headers["ETag"]
    cached = await client.get(f"{REQUESTS}/{number}", headers={**agent, "If-None-Match": tag})
    assert cached.status_code == 304  # closed: nothing moves until the request changes
