"""Taking a case out of the Inbox through the API: as a service request, or closed."""

from datetime import UTC, datetime
from uuid import UUID, uuid4

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.unit_of_work import SqlUnitOfWork
from domain.inbox.model import Attachment
from domain.media.model import Photo
from domain.shared.vocabulary import Visibility
from tests.inbox_messages import email, received_case, text_message
from tests.integration.builders import count
from tests.problems import problem

INBOX = "/api/v1/inbox"
HOLLIDAY = {"lat": 39.290917, "long": -76.609974, "address": "101 N Holliday St"}


def pothole(**overrides: object) -> dict[str, object]:
    body: dict[str, object] = {
        "service_code": "trm-pothole-repair",
        "description": "Huge pothole in front of 101 N Holliday St",
        "location": HOLLIDAY,
        "attributes": {"pothole_size": "large"},
    }
    body.update(overrides)
    return body


async def loose_photo(engine: AsyncEngine) -> UUID:
    """A photo kept from an email's image, not yet on any request."""
    photo = Photo(
        uuid4(),
        None,
        Visibility.PUBLIC,
        "image/jpeg",
        10,
        1,
        1,
        "0" * 64,
        "key",
        None,
        datetime.now(UTC),
    )
    async with SqlUnitOfWork(engine) as uow:
        await uow.photos.add(photo)
        await uow.commit()
    return photo.id


async def test_an_email_becomes_a_request_with_its_photo_and_leaves_the_inbox(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    photo_id = await loose_photo(seeded)
    attachment = Attachment("hole.jpg", "image/jpeg", 10, photo_id=photo_id)
    case_id = await received_case(seeded, email(language="es", attachments=(attachment,)))

    answer = await client.post(f"{INBOX}/{case_id}/request", json=pothole(), headers=agent)

    assert answer.status_code == 201, answer.text
    body = answer.json()
    request_id = body["request_id"]
    assert answer.headers["Location"] == f"/api/v1/requests/{request_id}"
    assert (body["case"]["type"], body["case"]["request_ids"]) == ("service_request", [request_id])
    assert body["case"]["agent"]["name"] == "Alex Agent"
    assert body["case"]["resident_id"] is not None  # the sender, registered as a reporter
    request = (await client.get(f"/api/v1/requests/{request_id}", headers=agent)).json()
    assert (request["channel"], request["service_code"]) == ("email", "trm-pothole-repair")
    assert request["reporter"]["email"] == "ana@example.net"
    assert request["reporter"]["language"] == "es"
    photos = (await client.get(f"/api/v1/requests/{request_id}/photos", headers=agent)).json()
    assert [p["id"] for p in photos["items"]] == [str(photo_id)]
    assert (await client.get(INBOX, headers=agent)).json()["total"] == 0
    conversation = (await client.get(f"{INBOX}/{case_id}", headers=agent)).json()
    assert conversation["in_inbox"] is False
    again = await client.post(f"{INBOX}/{case_id}/request", json=pothole(), headers=agent)
    problem(again, 409)
    assert await count(seeded, "service_requests") == 1


async def test_a_text_becomes_a_request_reported_by_its_phone(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    case_id = await received_case(seeded, text_message())

    answer = await client.post(f"{INBOX}/{case_id}/request", json=pothole(), headers=agent)

    assert answer.status_code == 201, answer.text
    request_id = answer.json()["request_id"]
    request = (await client.get(f"/api/v1/requests/{request_id}", headers=agent)).json()
    assert request["channel"] == "text"
    assert request["reporter"]["phone"] == "4105550123"


async def test_a_bad_request_writes_nothing_and_keeps_the_case_in_the_inbox(
    client: httpx.AsyncClient, agent: dict[str, str], staff: dict[str, str], seeded: AsyncEngine
) -> None:
    case_id = await received_case(seeded, email())
    path = f"{INBOX}/{case_id}/request"

    problem(await client.post(path, json=pothole(service_code="nope"), headers=agent), 422)
    problem(await client.post(path, json=pothole(reporter={"email": "x@y.z"}), headers=agent), 422)
    problem(await client.post(path, json=pothole(), headers=staff), 403)
    problem(await client.post(path, json=pothole(), headers={**agent, "If-Match": '"v9"'}), 412)
    problem(await client.post(f"{INBOX}/{uuid4()}/request", json=pothole(), headers=agent), 404)

    assert await count(seeded, "service_requests") == 0
    assert (await client.get(INBOX, headers=agent)).json()["total"] == 1
    fresh = await client.post(path, json=pothole(), headers={**agent, "If-Match": '"v1"'})
    assert fresh.status_code == 201, fresh.text


async def test_closing_as_information_counts_the_article_and_leaves_the_inbox(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    async with seeded.connect() as db:
        article_id = await db.scalar(text("SELECT id FROM articles WHERE slug = 'missed-pickup'"))
        before = await db.scalar(text(f"SELECT use_count FROM articles WHERE id = {article_id}"))
    case_id = await received_case(seeded, email(subject="When is my trash picked up?"))
    body = {"type": "information", "article_ids": [article_id], "resolved_on_first_contact": True}

    answer = await client.post(f"{INBOX}/{case_id}/close", json=body, headers=agent)

    assert answer.status_code == 200, answer.text
    closed = answer.json()
    assert (closed["type"], closed["article_ids"], closed["resolved_on_first_contact"]) == (
        "information",
        [article_id],
        True,
    )
    assert answer.headers["ETag"] == f'"v{closed["version"]}"'
    async with seeded.connect() as db:
        after = await db.scalar(text(f"SELECT use_count FROM articles WHERE id = {article_id}"))
    assert after == before + 1
    assert (await client.get(INBOX, headers=agent)).json()["total"] == 0
    problem(await client.post(f"{INBOX}/{case_id}/close", json=body, headers=agent), 409)


async def test_bad_closings_are_problems_and_change_nothing(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    case_id = await received_case(seeded, email())
    path = f"{INBOX}/{case_id}/close"

    problem(await client.post(path, json={"type": "service_request"}, headers=agent), 422)
    problem(await client.post(path, json={"type": "referral"}, headers=agent), 422)
    problem(await client.post(path, json={"article_ids": [987654]}, headers=agent), 422)
    problem(await client.post(path, json={"surprise": 1}, headers=agent), 422)

    assert (await client.get(INBOX, headers=agent)).json()["total"] == 1
    referral = {"type": "referral", "referral": {"target": "211"}}
    referred = await client.post(path, json=referral, headers=agent)
    assert referred.status_code == 200, referred.text
    assert referred.json()["referral"]["target"] == "211"


async def test_suggestions_find_the_service_and_the_address_in_the_text(
    client: httpx.AsyncClient, agent: dict[str, str], staff: dict[str, str], seeded: AsyncEngine
) -> None:
    case_id = await received_case(seeded, email())

    answer = await client.get(f"{INBOX}/{case_id}/suggestions", headers=agent)

    assert answer.status_code == 200, answer.text
    found = answer.json()
    assert found["services"][0]["service_code"] == "trm-pothole-repair"
    [address] = found["addresses"]
    assert address["text"] == "101 N Holliday St"
    assert address["candidates"][0]["address"] == "101 N HOLLIDAY ST"
    problem(await client.get(f"{INBOX}/{case_id}/suggestions", headers=staff), 403)
    problem(await client.get(f"{INBOX}/{uuid4()}/suggestions", headers=agent), 404)


async def test_spanish_suggestions_match_spanish_words(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    said = email(subject="Bache", body="Hay un bache enorme en 101 N Holliday St.", language="es")
    case_id = await received_case(seeded, said)

    found = (await client.get(f"{INBOX}/{case_id}/suggestions", headers=agent)).json()

    assert found["services"][0]["service_code"] == "trm-pothole-repair"
    assert found["articles"][0]["slug"] == "pothole-es"


async def test_a_case_of_no_stated_language_is_matched_in_the_one_it_reads_in(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    case_id = await received_case(seeded, email(subject="Bache", body="Hay un bache enorme."))
    async with seeded.begin() as db:  # a case from before cases took a language
        await db.execute(text("UPDATE cases SET language = NULL WHERE id = :id"), {"id": case_id})

    found = (await client.get(f"{INBOX}/{case_id}/suggestions", headers=agent)).json()

    assert found["services"][0]["service_code"] == "trm-pothole-repair"
