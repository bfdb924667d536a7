"""Requests, contacts and messages that hold a resident's personal data, written through the
API where it has a way in and by SQL where only the inbox or the survey writes them."""

from datetime import datetime
from uuid import UUID, uuid4

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.api.conftest import pothole_body

REQUESTS = "/api/v1/requests"


def reporter(first: str, last: str, email: str, phone: str) -> dict[str, str]:
    return {"first_name": first, "last_name": last, "email": email, "phone": phone}


async def file_request(
    client: httpx.AsyncClient, agent: dict[str, str], who: dict[str, str]
) -> str:
    description = f"Pothole outside; {who['first_name']} says call {who['phone']}"
    body = pothole_body(reporter=who, description=description)
    created = await client.post(REQUESTS, json=body, headers=agent)
    assert created.status_code == 201, created.text
    request_id: str = created.json()["id"]
    await comment(client, agent, request_id, f"Spoke to {who['last_name']} at {who['email']}")
    return request_id


async def comment(
    client: httpx.AsyncClient, agent: dict[str, str], request_id: str, body: str
) -> None:
    note = {"body": body, "visibility": "internal"}
    commented = await client.post(
        f"{REQUESTS}/{request_id}/comments",
        json=note,
        headers={**agent, "If-Match": await etag(client, agent, request_id)},
    )
    assert commented.status_code == 200, commented.text


async def etag(client: httpx.AsyncClient, agent: dict[str, str], request_id: str) -> str:
    return (await client.get(f"{REQUESTS}/{request_id}", headers=agent)).headers["ETag"]


async def close(client: httpx.AsyncClient, agent: dict[str, str], request_id: str) -> None:
    body = {"to": "closed", "reason": "resolved", "note": "Filled"}
    closed = await client.post(
        f"{REQUESTS}/{request_id}/transitions",
        json=body,
        headers={**agent, "If-Match": await etag(client, agent, request_id)},
    )
    assert closed.status_code == 200, closed.text


async def resident_of(engine: AsyncEngine, request_id: str) -> UUID:
    async with engine.connect() as db:
        found = await db.scalar(
            text("SELECT resident_id FROM service_requests WHERE id = :id"), {"id": request_id}
        )
    assert isinstance(found, UUID)
    return found


async def date_back(
    engine: AsyncEngine, request_id: str, requested: datetime, closed: datetime
) -> None:
    async with engine.begin() as db:
        await db.execute(
            text(
                "UPDATE service_requests SET requested_at = :requested, closed_at = :closed,"
                " updated_at = :closed WHERE id = :id"
            ),
            {"id": request_id, "requested": requested, "closed": closed},
        )
        await db.execute(
            text("UPDATE request_timeline SET at = :requested WHERE request_id = :id"),
            {"id": request_id, "requested": requested},
        )
        # The contact the agent logged with the request (its intake case) is as old.
        await db.execute(
            text(
                "UPDATE cases SET created_at = :requested, updated_at = :requested,"
                " started_at = NULL, ended_at = NULL WHERE :id = ANY(request_ids)"
            ),
            {"id": request_id, "requested": requested},
        )


async def add_message(
    engine: AsyncEngine, request_id: str, resident_id: UUID, address: str
) -> UUID:
    message_id = uuid4()
    async with engine.begin() as db:
        await db.execute(
            text(
                "INSERT INTO messages (id, channel, direction, address, subject, body,"
                " external_id, at, request_id, resident_id)"
                " VALUES (:id, 'email', 'in', :address, 'My pothole', :body, :ext, now(),"
                " :request_id, :resident_id)"
            ),
            {
                "id": message_id,
                "address": address,
                "body": f"Write back to {address}",
                "ext": f"{message_id}@mail.example.net",
                "request_id": request_id,
                "resident_id": resident_id,
            },
        )
    return message_id


async def add_follower_and_survey(engine: AsyncEngine, request_id: str, email: str) -> None:
    async with engine.begin() as db:
        await db.execute(
            text(
                "INSERT INTO request_followers (id, request_id, email, language, created_at)"
                " VALUES (:id, :request_id, :email, 'en', now())"
            ),
            {"id": uuid4(), "request_id": request_id, "email": email},
        )
        await db.execute(
            text(
                "INSERT INTO survey_answers (request_id, score, comment, channel,"
                " department_code, service_code, answered_at)"
                " SELECT id, 4, :comment, channel, department_code, service_code, now()"
                " FROM service_requests WHERE id = :request_id"
            ),
            {"request_id": request_id, "comment": f"Thanks! Reach me at {email}"},
        )


async def row(engine: AsyncEngine, sql: str, **params: object) -> dict[str, object]:
    async with engine.connect() as db:
        found = (await db.execute(text(sql), params)).mappings().one()
    return dict(found)


async def scalar(engine: AsyncEngine, sql: str, **params: object) -> object:
    async with engine.connect() as db:
        return await db.scalar(text(sql), params)
