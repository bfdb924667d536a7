"""Replying from the Inbox through the API: stored once, threaded, queued for the worker."""

from uuid import uuid4

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.inbox.threading import case_reference
from tests.inbox_messages import email, received_case, text_message
from tests.integration.builders import count
from tests.problems import problem

INBOX = "/api/v1/inbox"


async def test_an_email_reply_is_threaded_and_queued_for_sending(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    first = email()
    case_id = await received_case(seeded, first)
    queued_before = await count(seeded, "pgqueuer")

    answer = await client.post(
        f"{INBOX}/{case_id}/replies",
        json={"body": "We sent a crew.", "template": "received"},
        headers=agent,
    )

    assert answer.status_code == 201, answer.text
    reply = answer.json()
    assert (reply["direction"], reply["channel"], reply["address"]) == (
        "out",
        "email",
        "ana@example.net",
    )
    assert reply["subject"] == f"[311 #{case_reference(case_id)}] Re: Pothole on Holliday"
    assert (reply["author_name"], reply["sent_at"]) == ("Alex Agent", None)
    async with seeded.connect() as db:
        stored = (
            await db.execute(
                text("SELECT thread_ids, external_id FROM messages WHERE id = :id"),
                {"id": reply["id"]},
            )
        ).one()
    assert stored.thread_ids == [first.external_id]  # In-Reply-To and References
    assert stored.external_id.startswith(reply["id"])
    assert await count(seeded, "pgqueuer") == queued_before + 1
    conversation = (await client.get(f"{INBOX}/{case_id}", headers=agent)).json()
    assert [m["direction"] for m in conversation["messages"]] == ["in", "out"]
    assert conversation["messages"][0]["read_at"] is not None
    assert conversation["in_inbox"] is True  # a reply does not finish the case


async def test_a_text_is_answered_by_text(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    case_id = await received_case(seeded, text_message())

    answer = await client.post(f"{INBOX}/{case_id}/replies", json={"body": "OK"}, headers=agent)

    assert answer.status_code == 201, answer.text
    assert (answer.json()["channel"], answer.json()["address"], answer.json()["subject"]) == (
        "text",
        "4105550123",
        "",
    )


async def test_bad_replies_are_problems_and_send_nothing(
    client: httpx.AsyncClient, agent: dict[str, str], staff: dict[str, str], seeded: AsyncEngine
) -> None:
    case_id = await received_case(seeded, email())
    path = f"{INBOX}/{case_id}/replies"
    logged = await client.post(
        "/api/v1/cases", json={"channel": "phone", "type": "other"}, headers=agent
    )
    assert logged.status_code == 201, logged.text

    problem(await client.post(path, json={"body": "   "}, headers=agent), 422)
    problem(await client.post(path, json={"body": "x", "template": "nope"}, headers=agent), 422)
    problem(await client.post(path, json={"body": "x"}, headers=staff), 403)
    problem(await client.post(path, json={"body": "x"}), 401)
    problem(await client.post(f"{INBOX}/{uuid4()}/replies", json={"body": "x"}, headers=agent), 404)
    no_message = f"{INBOX}/{logged.json()['id']}/replies"
    problem(await client.post(no_message, json={"body": "x"}, headers=agent), 409)

    assert await count(seeded, "messages", "direction = 'out'") == 0


async def test_a_phone_that_texted_stop_is_not_answered_by_text(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    case_id = await received_case(seeded, text_message())
    async with seeded.begin() as db:
        await db.execute(
            text(
                "INSERT INTO sms_opt_outs (address, opted_out_at, source)"
                " VALUES ('4105550123', now(), 'stop')"
            )
        )

    answer = await client.post(f"{INBOX}/{case_id}/replies", json={"body": "OK"}, headers=agent)

    found = problem(answer, 409)
    assert "STOP" in found["detail"]
    assert await count(seeded, "messages", "direction = 'out'") == 0
