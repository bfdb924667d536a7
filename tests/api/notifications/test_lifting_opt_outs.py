"""Staff see which of a resident's addresses stopped emails, and turn them back on at the
resident's request: real requests, a real SMTP server, real PostgreSQL."""

from datetime import datetime
from uuid import uuid4

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from api.bootstrap import Container
from api.settings import Settings
from domain.notifications.opt_out import OptOutTokens
from domain.notifications.residents import ResidentNotifier
from tests.api.notifications.conftest import LUPE_MIXED_CASE, ROSA, Inbox, created, submit
from tests.problems import problem
from tests.statements import statements

LUPE_HOME, LUPE_WORK = "lupe@example.net", "lupe.work@example.net"
UNSUBSCRIBE = "/api/v1/notifications/unsubscribe"


def lift_url(resident_id: str, address: str) -> str:
    return f"/api/v1/residents/{resident_id}/email-opt-outs/{address}"


async def stored(engine: AsyncEngine) -> list[tuple[str, datetime, str]]:
    async with engine.connect() as db:
        rows = await db.execute(
            text("SELECT address, opted_out_at, source FROM email_opt_outs ORDER BY address")
        )
        return [(r.address, r.opted_out_at, r.source) for r in rows]


async def resident_id_of(client: httpx.AsyncClient, agent: dict[str, str], email: str) -> str:
    found = await client.get("/api/v1/residents", params={"q": email}, headers=agent)
    assert found.status_code == 200, found.text
    (resident,) = found.json()["items"]
    resident_id: str = resident["id"]
    return resident_id


async def stop_emails(
    client: httpx.AsyncClient, settings: Settings, address: str, *, one_click: bool = False
) -> None:
    token = OptOutTokens(settings.secret_key).issue(address)
    if one_click:
        answer = await client.post(
            UNSUBSCRIBE, params={"token": token}, data={"List-Unsubscribe": "One-Click"}
        )
    else:
        answer = await client.post(UNSUBSCRIBE, json={"token": token})
    assert answer.status_code == 204, answer.text


async def test_an_agent_sees_when_and_how_emails_stopped_and_turns_them_back_on(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    settings: Settings,
    inbox: Inbox,
    residents_notifier: ResidentNotifier,
    container: Container,
) -> None:
    number = (await submit(client, agent, reporter=LUPE_MIXED_CASE))["id"]
    await submit(client, agent)  # Rosa, another resident, who opts out too
    lupe = await resident_id_of(client, agent, LUPE_HOME)
    patched = await client.patch(
        f"/api/v1/residents/{lupe}",
        json={"first_name": "Guadalupe", "last_name": "Ortiz",
              "emails": [LUPE_WORK, LUPE_HOME, "lupe.old@example.net"]},
        headers=agent,
    )  # fmt: skip
    assert patched.status_code == 200, patched.text
    await stop_emails(client, settings, LUPE_HOME)
    await stop_emails(client, settings, LUPE_WORK, one_click=True)
    await stop_emails(client, settings, ROSA)
    rows = {a: (at, source) for a, at, source in await stored(container.engine)}

    with statements(container.engine, "email_opt_outs") as looked_up:
        detail = await client.get(f"/api/v1/residents/{lupe}", headers=agent)
    assert detail.status_code == 200, detail.text
    assert len(looked_up) == 1  # one query for all of the resident's addresses
    listed = detail.json()["email_opt_outs"]
    assert [(o["address"], o["source"]) for o in listed] == [
        (LUPE_WORK, "one-click"),  # in the order of `emails`
        (LUPE_HOME, "link"),
    ]
    for shown in listed:
        assert datetime.fromisoformat(shown["opted_out_at"]) == rows[shown["address"]][0]
    assert ROSA not in detail.text  # another resident's opt-out is not theirs

    await residents_notifier.handle(created(number))
    assert inbox.to(LUPE_HOME) == []

    lifted = await client.delete(lift_url(lupe, "Lupe@Example.NET"), headers=agent)
    assert lifted.status_code == 204, lifted.text
    assert lifted.content == b""
    assert [a for a, _, _ in await stored(container.engine)] == [LUPE_WORK, ROSA]
    after = await client.get(f"/api/v1/residents/{lupe}", headers=agent)
    assert [o["address"] for o in after.json()["email_opt_outs"]] == [LUPE_WORK]

    await residents_notifier.handle(created(number))  # a new event: a new delivery
    (mail,) = inbox.to(LUPE_HOME)
    assert number in mail["Subject"]

    again = await client.delete(lift_url(lupe, LUPE_HOME), headers=agent)
    problem(again, 404)  # no longer opted out


async def test_only_roles_that_edit_residents_see_or_lift_opt_outs(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    admin: dict[str, str],
    supervisor: dict[str, str],
    staff: dict[str, str],
    manager: dict[str, str],
    settings: Settings,
    seeded: AsyncEngine,
) -> None:
    await submit(client, agent, reporter=LUPE_MIXED_CASE)
    lupe = await resident_id_of(client, agent, LUPE_HOME)
    await stop_emails(client, settings, LUPE_HOME)
    before = await stored(seeded)

    for outsider in (staff, manager, {}):
        seen = await client.get(f"/api/v1/residents/{lupe}", headers=outsider)
        assert seen.status_code in (401, 403), seen.text
        assert LUPE_HOME not in seen.text
        refused = await client.delete(lift_url(lupe, LUPE_HOME), headers=outsider)
        problem(refused, refused.status_code)
        assert refused.status_code in (401, 403)
    assert await stored(seeded) == before

    shown = await client.get(f"/api/v1/residents/{lupe}", headers=admin)
    assert [o["address"] for o in shown.json()["email_opt_outs"]] == [LUPE_HOME]
    lifted = await client.delete(lift_url(lupe, LUPE_HOME), headers=supervisor)
    assert lifted.status_code == 204, lifted.text
    assert await stored(seeded) == []


async def test_another_residents_address_or_an_unknown_resident_is_not_found(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    settings: Settings,
    seeded: AsyncEngine,
) -> None:
    await submit(client, agent, reporter=LUPE_MIXED_CASE)
    await submit(client, agent)
    lupe = await resident_id_of(client, agent, LUPE_HOME)
    rosa = await resident_id_of(client, agent, ROSA)
    await stop_emails(client, settings, LUPE_HOME)
    await stop_emails(client, settings, ROSA)
    before = await stored(seeded)

    theirs = await client.delete(lift_url(lupe, ROSA), headers=agent)
    problem(theirs, 404)
    never = await client.delete(lift_url(lupe, "nobody@example.net"), headers=agent)
    problem(never, 404)
    # Another resident's listed address and an unknown one answer alike (but for `instance`,
    # the path the caller sent).
    without_path = [{k: v for k, v in a.json().items() if k != "instance"} for a in (theirs, never)]
    assert without_path[0] == without_path[1]
    assert "rosa" not in str(without_path[0]).lower()

    unknown = await client.delete(lift_url(str(uuid4()), LUPE_HOME), headers=agent)
    problem(unknown, 404)
    problem(await client.delete(lift_url("not-a-uuid", LUPE_HOME), headers=agent), 422)

    for odd in (
        "' OR 1=1 --",
        "rosa@example.net' OR '1'='1",
        "%25",
        "*",
        "lupe@example.net%00",
        "lupe@example.net;DROP TABLE email_opt_outs",
        "lupe@example.net%20OR%20address%20LIKE%20'%25'",
    ):
        answer = await client.delete(lift_url(lupe, odd), headers=agent)
        assert answer.status_code in (404, 422), answer.text  # never a server error
        problem(answer, answer.status_code)
    problem(await client.delete(lift_url(lupe, "x" * 400), headers=agent), 422)
    assert await stored(seeded) == before

    lifted = await client.delete(lift_url(rosa, ROSA), headers=agent)
    assert lifted.status_code == 204, lifted.text
    assert [a for a, _, _ in await stored(seeded)] == [LUPE_HOME]
