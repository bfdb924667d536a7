"""A conversation through the API: messages in and out, attachments, read marks, templates."""

from datetime import timedelta
from uuid import uuid4

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.inbox.model import Attachment
from domain.inbox.threading import case_reference
from tests.inbox_messages import NOW, email, received_case, store_reply
from tests.integration.builders import AGENT_ID
from tests.problems import problem

INBOX = "/api/v1/inbox"


async def test_a_conversation_shows_messages_in_and_out_oldest_first(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    photo_id = uuid4()
    attachments = (
        Attachment("pothole.jpg", "image/jpeg", 2048, photo_id=photo_id),
        Attachment("run.exe", "application/x-msdownload", 512, refused="not an image"),
    )
    first = email(attachments=attachments)
    case_id = await received_case(seeded, first)
    await store_reply(seeded, case_id, AGENT_ID, "We are on it.", NOW + timedelta(minutes=3))
    await received_case(
        seeded,
        email(
            body="Thank you!",
            received_at=NOW + timedelta(minutes=9),
            thread_ids=("x", first.external_id),
        ),
    )

    answer = await client.get(f"{INBOX}/{case_id}", headers=agent)

    assert answer.status_code == 200, answer.text
    assert answer.headers["ETag"] == '"v2"'  # the second message brought it back: one save
    body = answer.json()
    assert (body["reference"], body["in_inbox"]) == (case_reference(case_id), True)
    assert body["case"]["summary"] == "Pothole on Holliday"
    said = body["messages"]
    assert [(m["direction"], m["body"]) for m in said] == [
        ("in", first.body),
        ("out", "We are on it."),
        ("in", "Thank you!"),
    ]
    assert (said[0]["author_name"], said[1]["author_name"]) == (None, "Alex Agent")
    assert said[0]["attachments"] == [
        {
            "filename": "pothole.jpg",
            "content_type": "image/jpeg",
            "byte_size": 2048,
            "photo_url": f"/api/v1/media/{photo_id}",
            "refused": None,
        },
        {
            "filename": "run.exe",
            "content_type": "application/x-msdownload",
            "byte_size": 512,
            "photo_url": None,
            "refused": "not an image",
        },
    ]


async def test_reading_marks_the_incoming_messages_read(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    case_id = await received_case(seeded, email())
    await store_reply(seeded, case_id, AGENT_ID, "Hello", NOW + timedelta(minutes=1))

    marked = await client.post(f"{INBOX}/{case_id}/read", headers=agent)

    assert (marked.status_code, marked.content) == (204, b"")
    said = (await client.get(f"{INBOX}/{case_id}", headers=agent)).json()["messages"]
    assert said[0]["read_at"] is not None
    assert said[1]["read_at"] is None  # ours are not "read"
    queue = (await client.get(INBOX, headers=agent)).json()
    assert (queue["items"][0]["unread"], queue["unread_total"]) == (0, 0)


async def test_an_unknown_case_is_404_and_outsiders_are_refused(
    client: httpx.AsyncClient, agent: dict[str, str], staff: dict[str, str], seeded: AsyncEngine
) -> None:
    unknown = uuid4()
    problem(await client.get(f"{INBOX}/{unknown}", headers=agent), 404)
    problem(await client.post(f"{INBOX}/{unknown}/read", headers=agent), 404)
    problem(await client.get(f"{INBOX}/not-a-uuid", headers=agent), 422)
    case_id = await received_case(seeded, email())
    problem(await client.get(f"{INBOX}/{case_id}"), 401)
    refused = problem(await client.get(f"{INBOX}/{case_id}", headers=staff), 403)
    assert "ana@example.net" not in str(refused)
    problem(await client.post(f"{INBOX}/{case_id}/read", headers=staff), 403)
    said = (await client.get(f"{INBOX}/{case_id}", headers=agent)).json()["messages"]
    assert said[0]["read_at"] is None


async def test_reply_templates_come_in_the_residents_language(
    client: httpx.AsyncClient, agent: dict[str, str], staff: dict[str, str]
) -> None:
    templates = f"{INBOX}/templates"
    english = (await client.get(templates, headers=agent)).json()["items"]
    spanish = (await client.get(templates, params={"language": "es-MX"}, headers=agent)).json()
    other = (await client.get(templates, params={"language": "fr"}, headers=agent)).json()
    assert [t["key"] for t in english] == [t["key"] for t in spanish["items"]]
    assert english[0]["title"] == "We are on it"
    assert spanish["items"][0]["title"] == "Lo estamos atendiendo"
    assert "${reference}" in spanish["items"][0]["body"]
    assert other["items"] == english
    problem(await client.get(templates, params={"language": "<b>"}, headers=agent), 422)
    problem(await client.get(templates, headers=staff), 403)
