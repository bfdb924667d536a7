"""No resident's personal data in any public or Open311 output (issue 11, finding 1).

A day of work seeds a caller's name, emails and phone numbers (in several formats) into every
free-text field an agent, a partner or an Open311 client can fill; then every public output is
read, JSON and XML, and none of it may appear. Where the text was public by nature (a request's
description, a public comment, a status note) it comes back masked.
"""

from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from api.bootstrap import Container
from api.settings import Settings
from tests.api.notifications.conftest import (  # noqa: F401 - fixtures used here
    Inbox,
    inbox,
    mail_settings,
    smtp_server,
    worker_jobs,
)
from tests.api.open311.open311_support import DEMO_KEY, PARTNER_KEY, V2
from tests.integration.jobs.helpers import run_all

FIRST, LAST, OTHER = "Lena", "Leakcheck", "Marta Quillfeather"
EMAIL, EMAIL_2 = "lena@example.net", "l.leakcheck@mail.example.org"
PHONES = ["410-555-0177", "(410) 555-0177", "+1 410 555 0177", "410.555.0188", "555-0199"]
# What the public may see of a public text: the caller's own name, emails and phones, masked.
SAID = f"Caller {FIRST} {LAST} ({', '.join(PHONES)}, {EMAIL}, {EMAIL_2}), lives upstairs"
# What staff alone see may name anyone.
PRIVATE = f"{SAID}; her neighbour {OTHER} too"
SECRETS = [FIRST, LAST, "Quillfeather", EMAIL, EMAIL_2, "lena@", "leakcheck@",
           *PHONES, "555-0177", "5550177", "555 0177", "555-0188", "555.0188", "0199"]  # fmt: skip
HOME = {"lat": 39.285731, "long": -76.585982}


@pytest.fixture
def database_state(seeded_with_layers: AsyncEngine) -> AsyncEngine:
    return seeded_with_layers


def leaks(text: str) -> list[str]:
    folded = text.casefold()
    return [secret for secret in SECRETS if secret.casefold() in folded]


async def ok(answer: httpx.Response, status: int = 200) -> Any:
    assert answer.status_code == status, answer.text
    return answer.json() if "json" in answer.headers.get("content-type", "") else answer.text


async def log_contact(client: httpx.AsyncClient, agent: dict[str, str]) -> dict[str, Any]:
    """The intake: a new caller, her words in the notes, two requests with every text field."""
    sanitation = {
        "service_code": "hcd-sanitation-property",
        "description": SAID,
        "internal_note": PRIVATE,
        "location": {**HOME, "address": f"2125 Eastern Ave, {EMAIL} {PHONES[0]}"},
        "attributes": {"property_status": "occupied", "details": PRIVATE},
    }
    vehicle = {
        "service_code": "trs-abandoned-vehicle",
        "description": SAID,
        "location": {"address": "2125 Eastern Ave"},
        "attributes": {"vehicle_make": PRIVATE[:500], "vehicle_color": OTHER,
                       "license_plate": PHONES[0], "first_noticed": "2026-11-20T08:00:00-05:00"},
    }  # fmt: skip
    body = {
        "channel": "phone",
        "type": "service_request",
        "language": "en",
        "summary": PRIVATE[:1000],
        "notes": PRIVATE,
        "resident": {
            "first_name": FIRST,
            "last_name": LAST,
            "phones": PHONES[:2],
            "emails": [EMAIL, EMAIL_2],
            "address": f"12 N Calvert St, upstairs, {PHONES[2]}",
        },
        "requests": [sanitation, vehicle],
        "tags": ["follow-up"],
        "call_id": f"call {PHONES[1]}",
    }
    return dict(await ok(await client.post("/api/v1/cases", json=body, headers=agent), 201))


async def log_referral(client: httpx.AsyncClient, agent: dict[str, str], resident: str) -> None:
    body = {
        "channel": "phone",
        "type": "referral",
        "summary": PRIVATE[:1000],
        "notes": PRIVATE,
        "resident_id": resident,
        "referral": {"target": "external", "agency": f"{OTHER}'s landlord",
                     "phone": PHONES[0], "url": f"https://example.org/{LAST}"},
    }  # fmt: skip
    await ok(await client.post("/api/v1/cases", json=body, headers=agent), 201)


async def open311_request(client: httpx.AsyncClient) -> str:
    form = {
        "api_key": DEMO_KEY,
        "service_code": "sw-dirty-alley",
        **{key: str(value) for key, value in HOME.items()},
        "address_string": f"2125 Eastern Ave, call {PHONES[3]}",
        "description": SAID,
        "first_name": FIRST,
        "last_name": LAST,
        "email": EMAIL,
        "phone": PHONES[0],
        "device_id": f"{LAST}-phone",
        "account_id": EMAIL,
    }
    created = await ok(await client.post(f"{V2}/requests.json", data=form))
    return str(created[0]["service_request_id"])


async def change(
    client: httpx.AsyncClient, who: dict[str, str], number: str, path: str, body: dict[str, Any]
) -> None:
    etag = (await client.get(f"/api/v1/requests/{number}", headers=who)).headers["ETag"]
    url = f"/api/v1/requests/{number}{path}"
    headers = {**who, "If-Match": etag}
    answer = await (
        client.patch(url, json=body, headers=headers)
        if path == ""
        else client.post(url, json=body, headers=headers)
    )
    await ok(answer)


async def work_on(client: httpx.AsyncClient, who: dict[str, str], number: str) -> None:
    """Comments of both kinds, every transition with a note, a transfer with a reason."""
    await change(client, who, number, "/comments", {"body": SAID, "visibility": "public"})
    await change(client, who, number, "/comments", {"body": PRIVATE, "visibility": "internal"})
    for to in ("acknowledged", "in_progress", "on_hold", "in_progress"):
        await change(client, who, number, "/transitions", {"to": to, "note": SAID})
    current = (await ok(await client.get(f"/api/v1/requests/{number}", headers=who)))["department"]
    other = "health" if current != "health" else "housing"
    await change(client, who, number, "", {"department": other, "reason": PRIVATE[:1000]})
    await change(client, who, number, "/transitions",
                 {"to": "closed", "reason": "resolved", "note": SAID})  # fmt: skip
    await change(client, who, number, "/transitions", {"to": "in_progress", "note": SAID})
    await change(client, who, number, "/transitions",
                 {"to": "closed", "reason": "not_resolved", "note": SAID})  # fmt: skip


async def public_outputs(client: httpx.AsyncClient, numbers: list[str]) -> dict[str, str]:
    """Every public answer about these requests: Open311 in both formats, the status page's
    reads, the look-up."""
    outputs: dict[str, str] = {}
    for fmt in ("json", "xml"):
        for extensions in ("true", "false"):
            query = {"extensions": extensions}
            outputs[f"list.{fmt}?{extensions}"] = await text_of(
                client, f"{V2}/requests.{fmt}", {**query, "service_request_id": ",".join(numbers)}
            )
            outputs[f"list-all.{fmt}?{extensions}"] = await text_of(
                client, f"{V2}/requests.{fmt}", query
            )
            for number in numbers:
                outputs[f"{number}.{fmt}?{extensions}"] = await text_of(
                    client, f"{V2}/requests/{number}.{fmt}", query
                )
        outputs[f"updates.{fmt}"] = await text_of(client, f"{V2}/servicerequestupdates.{fmt}", {})
        outputs[f"services.{fmt}"] = await text_of(client, f"{V2}/services.{fmt}", {})
    for contact in ({"email": EMAIL}, {"email": EMAIL_2}, {"phone": PHONES[0]}):
        answer = await client.post("/api/v1/requests/lookup", json={**contact, "last_name": LAST})
        outputs[f"lookup {contact}"] = await ok(answer) and answer.text
    return outputs


async def text_of(client: httpx.AsyncClient, path: str, params: dict[str, str]) -> str:
    answer = await client.get(path, params=params)
    assert answer.status_code == 200, answer.text
    return answer.text


async def test_no_personal_data_reaches_any_public_output(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    supervisor: dict[str, str],
    inbox: Inbox,  # noqa: F811 - the fixture imported above
    mail_settings: Settings,  # noqa: F811
    container: Container,
) -> None:
    contact = await log_contact(client, agent)
    sanitation, vehicle = contact["request_ids"]
    await log_referral(client, agent, contact["resident_id"])
    by_open311 = await open311_request(client)
    partner = {"X-API-Key": PARTNER_KEY}
    await change(client, partner, vehicle, "", {"external_id": f"WO {PHONES[0]} {LAST}"})
    for number in (sanitation, vehicle, by_open311):
        await work_on(client, supervisor, number)
    await run_all(container.engine, worker_jobs(mail_settings, container.engine))

    numbers = [sanitation, vehicle, by_open311]
    outputs = await public_outputs(client, numbers)
    emails = inbox.to(EMAIL)
    assert len(emails) >= 8  # received, and every status change of two requests
    for mail in emails:
        outputs[f"email {mail['Subject']}"] = f"{mail['Subject']}\n{mail.get_content()}"

    found = {name: leaks(text) for name, text in outputs.items() if leaks(text)}
    assert found == {}
    # Not empty answers: the public text came back, masked, and every request is listed.
    single = outputs[f"{sanitation}.json?true"]
    assert "[phone hidden]" in single and "[email hidden]" in single and "[name hidden]" in single
    assert "Status changed to closed (closed without a fix): Caller [name hidden]" in single
    assert all(number in outputs["list.xml?true"] for number in numbers)
    assert "[phone hidden]" in outputs["updates.xml"]
    assert all(number in outputs[f"lookup {{'email': '{EMAIL}'}}"] for number in numbers[:2])
    assert any("Note from the city: Caller [name hidden]" in text for text in outputs.values())


async def test_staff_keep_what_the_agent_wrote(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    contact = await log_contact(client, agent)
    sanitation = contact["request_ids"][0]
    staff_view = await ok(await client.get(f"/api/v1/requests/{sanitation}", headers=agent))
    assert staff_view["description"] == SAID
    assert staff_view["attributes"]["details"] == PRIVATE
    timeline = await ok(await client.get(f"/api/v1/requests/{sanitation}/timeline", headers=agent))
    assert [e["data"]["body"] for e in timeline["items"] if e["kind"] == "comment"] == [PRIVATE]
