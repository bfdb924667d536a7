"""The Inbox queue through the API: who may read it, its order, counts, filters and pages."""

from datetime import timedelta
from uuid import uuid4

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.unit_of_work import SqlUnitOfWork
from domain.inbox.threading import case_reference
from domain.residents.model import Resident
from tests.inbox_messages import NOW, email, received_case, text_message
from tests.problems import problem

INBOX = "/api/v1/inbox"


async def test_the_queue_lists_waiting_cases_latest_activity_first_with_their_counts(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    ana = Resident(uuid4(), NOW, "Ana", "Ruiz", emails=["ana@example.net"])
    async with SqlUnitOfWork(seeded) as uow:
        await uow.residents.add(ana)
        await uow.commit()
    first = email(received_at=NOW)
    older = await received_case(seeded, first)
    await received_case(
        seeded,
        email(received_at=NOW + timedelta(minutes=5), thread_ids=(first.external_id,)),
    )
    newer = await received_case(seeded, text_message(received_at=NOW + timedelta(minutes=2)))

    answer = await client.get(INBOX, headers=agent)

    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert [i["case_id"] for i in body["items"]] == [str(older), str(newer)]
    latest = body["items"][0]
    assert latest["reference"] == case_reference(older)
    assert (latest["channel"], latest["summary"], latest["sender"]) == (
        "email",
        "Pothole on Holliday",
        "ana@example.net",
    )
    assert (latest["resident_name"], latest["unread"], latest["messages"]) == ("Ana Ruiz", 2, 2)
    assert body["items"][1]["sender"] == "4105550123"
    assert body["items"][1]["resident_name"] is None
    assert (body["total"], body["unread_total"]) == (2, 3)


async def test_channel_unread_and_paging_narrow_the_queue_but_keep_totals(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    emailed = await received_case(seeded, email())
    texted = await received_case(seeded, text_message(received_at=NOW + timedelta(minutes=1)))
    assert (await client.post(f"{INBOX}/{texted}/read", headers=agent)).status_code == 204

    only_email = (await client.get(INBOX, params={"channel": "email"}, headers=agent)).json()
    assert [i["case_id"] for i in only_email["items"]] == [str(emailed)]
    unread = (await client.get(INBOX, params={"unread": "true"}, headers=agent)).json()
    assert ([i["case_id"] for i in unread["items"]], unread["unread_total"]) == ([str(emailed)], 1)
    second = (await client.get(INBOX, params={"limit": 1, "offset": 1}, headers=agent)).json()
    assert [i["case_id"] for i in second["items"]] == [str(emailed)]
    past_end = (await client.get(INBOX, params={"offset": 10}, headers=agent)).json()
    assert (past_end["items"], past_end["total"], past_end["unread_total"]) == ([], 2, 1)


async def test_a_case_that_left_the_inbox_is_not_listed(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    case_id = await received_case(seeded, email())
    closed = await client.post(f"{INBOX}/{case_id}/close", json={}, headers=agent)
    assert closed.status_code == 200, closed.text

    body = (await client.get(INBOX, headers=agent)).json()

    assert (body["items"], body["total"], body["unread_total"]) == ([], 0, 0)


async def test_only_the_contact_centre_reads_the_inbox(
    client: httpx.AsyncClient,
    staff: dict[str, str],
    supervisor: dict[str, str],
    admin: dict[str, str],
    seeded: AsyncEngine,
) -> None:
    await received_case(seeded, email())
    problem(await client.get(INBOX), 401)
    forbidden = problem(await client.get(INBOX, headers=staff), 403)
    assert "ana@example.net" not in str(forbidden)
    for allowed in (supervisor, admin):
        assert (await client.get(INBOX, headers=allowed)).json()["total"] == 1


async def test_bad_filters_are_problems(client: httpx.AsyncClient, agent: dict[str, str]) -> None:
    problem(await client.get(INBOX, params={"limit": 0}, headers=agent), 422)
    problem(await client.get(INBOX, params={"limit": 101}, headers=agent), 422)
    problem(await client.get(INBOX, params={"channel": "fax"}, headers=agent), 422)
    problem(await client.get(INBOX, params={"offset": -1}, headers=agent), 422)
