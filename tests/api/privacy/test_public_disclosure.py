"""What the public sees of a request: its public notes, its place (exact, block or area), its
ZIP code, and agents' text masked by the service's settings. Staff keep the original."""

from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.api.open311.open311_support import V2, validate

HOME = {"address": "2125 Eastern Ave"}  # geocoded: 2125 EASTERN AVE, 21231
HOME_POINT = (39.285731, -76.585982)
SERVICES = "/api/v1/services"


@pytest.fixture
def database_state(seeded_with_layers: AsyncEngine) -> AsyncEngine:
    return seeded_with_layers  # neighbourhoods, for the `area` level


async def open_request(
    client: httpx.AsyncClient, agent: dict[str, str], **body: Any
) -> dict[str, Any]:
    payload = {"service_code": "sw-dirty-alley", "location": HOME, "channel": "phone", **body}
    answer = await client.post("/api/v1/requests", json=payload, headers=agent)
    assert answer.status_code == 201, answer.text
    created: dict[str, Any] = answer.json()
    return created


async def move(
    client: httpx.AsyncClient, who: dict[str, str], request_id: str, **body: Any
) -> httpx.Response:
    etag = (await client.get(f"/api/v1/requests/{request_id}", headers=who)).headers["ETag"]
    answer = await client.post(
        f"/api/v1/requests/{request_id}/transitions", json=body, headers={**who, "If-Match": etag}
    )
    assert answer.status_code == 200, answer.text
    return answer


async def comment(
    client: httpx.AsyncClient, who: dict[str, str], request_id: str, text: str, visibility: str
) -> None:
    etag = (await client.get(f"/api/v1/requests/{request_id}", headers=who)).headers["ETag"]
    answer = await client.post(
        f"/api/v1/requests/{request_id}/comments",
        json={"body": text, "visibility": visibility},
        headers={**who, "If-Match": etag},
    )
    assert answer.status_code == 200, answer.text


async def public(client: httpx.AsyncClient, request_id: str) -> dict[str, Any]:
    answer = await client.get(f"{V2}/requests/{request_id}.json", params={"extensions": "true"})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    validate("requests.json", body)
    entry: dict[str, Any] = body[0]
    return entry


async def set_service(
    client: httpx.AsyncClient, admin: dict[str, str], code: str, **settings: Any
) -> dict[str, Any]:
    answer = await client.patch(f"{SERVICES}/{code}", json=settings, headers=admin)
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


async def test_admins_set_masking_and_public_location_per_service(
    client: httpx.AsyncClient, admin: dict[str, str], agent: dict[str, str]
) -> None:
    before = (await client.get(f"{SERVICES}/sw-dirty-alley", headers=agent)).json()
    assert (before["mask_personal_data"], before["public_location"]) == (True, "exact")
    changed = await set_service(
        client, admin, "sw-dirty-alley", mask_personal_data=False, public_location="area"
    )
    assert (changed["mask_personal_data"], changed["public_location"]) == (False, "area")
    again = (await client.get(f"{SERVICES}/sw-dirty-alley", headers=agent)).json()
    assert (again["mask_personal_data"], again["public_location"]) == (False, "area")
    bad = await client.patch(
        f"{SERVICES}/sw-dirty-alley", json={"public_location": "street"}, headers=admin
    )
    assert bad.status_code == 422
    refused = await client.patch(
        f"{SERVICES}/sw-dirty-alley", json={"public_location": "exact"}, headers=agent
    )
    assert refused.status_code == 403


async def test_the_demo_shows_home_services_by_block_or_area(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    services = (await client.get(SERVICES, headers=agent)).json()["items"]
    level = {s["code"]: s["public_location"] for s in services}
    assert level["hcd-sanitation-property"] == "block"
    assert level["hcd-maintenance-structure"] == "block"
    assert level["sw-bulk-scheduled"] == "block"
    assert level["fir-fire-smoke-alarm-installation-request"] == "area"
    assert level["ww-sewer-water-in-basement"] == "area"
    assert level["trm-pothole-repair"] == "exact"


async def test_open311_gives_the_zip_code_of_a_geocoded_address(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    created = await open_request(client, agent)
    assert created["location"]["zipcode"] == "21231"  # staff see it too
    entry = await public(client, created["id"])
    assert (entry["address"], entry["zipcode"]) == ("2125 EASTERN AVE", "21231")
    point_only = await open_request(
        client, agent, location={"lat": HOME_POINT[0], "long": HOME_POINT[1]}
    )
    assert (await public(client, point_only["id"]))["zipcode"] == "21231"


async def test_a_transition_note_is_the_public_status_note_and_says_what_the_status_became(
    client: httpx.AsyncClient, agent: dict[str, str], manager: dict[str, str]
) -> None:
    created = await open_request(client, agent, service_code="trm-pothole-repair",
                                 attributes={"pothole_size": "large"})  # fmt: skip
    request_id = created["id"]
    await move(client, manager, request_id, to="in_progress")
    await move(client, manager, request_id, to="closed", reason="resolved",
               note="Patched with cold mix.")  # fmt: skip
    entry = await public(client, request_id)
    assert entry["status_notes"] == "Patched with cold mix."
    notes = entry["extended_attributes"]["notes"]
    assert [n["description"] for n in notes] == [
        "Request received",
        "Status changed to in progress",
        "Status changed to closed (resolved): Patched with cold mix.",
    ]
    assert notes[-1] | {"datetime": None} == {
        "datetime": None,
        "type": "closed",
        "summary": "Request closed",
        "description": "Status changed to closed (resolved): Patched with cold mix.",
        "status": "closed",
        "close_reason": "resolved",
        "note": "Patched with cold mix.",
    }
    updates = (
        await client.get(
            f"{V2}/servicerequestupdates.json", params={"service_request_id": request_id}
        )
    ).json()
    assert [u["description"] for u in updates] == [
        "Status changed to in progress",
        "Status changed to closed (resolved): Patched with cold mix.",
    ]
    xml = (await client.get(f"{V2}/requests/{request_id}.xml")).text
    assert "<status_notes>Patched with cold mix.</status_notes>" in xml


async def test_public_text_is_masked_and_staff_keep_the_original(
    client: httpx.AsyncClient, agent: dict[str, str], admin: dict[str, str]
) -> None:
    said = "Call Ana Ruiz at 410-555-0177 or ana@example.net"
    created = await open_request(
        client, agent, description=said, reporter={"first_name": "Ana", "last_name": "Ruiz"}
    )
    request_id = created["id"]
    await comment(client, admin, request_id, "Spoke to Ana on (410) 555-0177", "public")
    entry = await public(client, request_id)
    assert entry["description"] == (
        "Call [name hidden] [name hidden] at [phone hidden] or [email hidden]"
    )
    assert entry["status_notes"] == "Spoke to [name hidden] on [phone hidden]"
    staff = (await client.get(f"/api/v1/requests/{request_id}", headers=agent)).json()
    assert staff["description"] == said
    await set_service(client, admin, "sw-dirty-alley", mask_personal_data=False)
    assert (await public(client, request_id))["description"] == said


async def test_a_block_service_shows_the_block_and_no_search_or_box_finds_the_house(
    client: httpx.AsyncClient, agent: dict[str, str], admin: dict[str, str]
) -> None:
    await set_service(client, admin, "sw-dirty-alley", public_location="block")
    created = await open_request(client, agent, description="Rats by the back door")
    request_id = created["id"]
    entry = await public(client, request_id)
    assert entry["address"] == "2100 block of EASTERN AVE"
    assert (entry["lat"], entry["long"]) == (39.285, -76.585)
    assert entry["zipcode"] == "21231"
    assert entry["extended_attributes"]["location_precision"] == "block"
    xml = (await client.get(f"{V2}/requests/{request_id}.xml")).text
    assert "2125" not in xml and "39.285731" not in xml
    lat, long = HOME_POINT
    house = f"{long - 0.0001},{lat - 0.0001},{long + 0.0001},{lat + 0.0001}"
    cell = "-76.5855,39.2845,-76.5845,39.2855"
    ids = await listed(client, bbox=house)
    assert request_id not in ids
    assert request_id in await listed(client, bbox=cell)
    assert request_id not in await listed(client, q="2125")
    assert request_id in await listed(client, q="2100 block")
    assert request_id in await listed(client, q="back door")


async def test_an_area_service_shows_the_neighbourhood_and_a_point_inside_it(
    client: httpx.AsyncClient, agent: dict[str, str], admin: dict[str, str]
) -> None:
    await set_service(client, admin, "sw-dirty-alley", public_location="area")
    created = await open_request(client, agent)
    neighbourhood = next(a for a in created["areas"] if a["layer"] == "neighborhoods")
    entry = await public(client, created["id"])
    assert entry["address"] == neighbourhood["name"]
    assert entry["zipcode"] == "21231"
    assert (entry["lat"], entry["long"]) != HOME_POINT
    resolved = await client.get(
        "/api/v1/jurisdictions/resolve",
        params={"lat": entry["lat"], "long": entry["long"]},
        headers=agent,
    )
    inside = [a["name"] for a in resolved.json()["areas"] if a["layer"] == "neighborhoods"]
    assert inside == [neighbourhood["name"]]
    assert created["id"] in await listed(client, q=neighbourhood["name"])


async def listed(client: httpx.AsyncClient, **params: str) -> list[str]:
    answer = await client.get(f"{V2}/requests.json", params=params)
    assert answer.status_code == 200, answer.text
    return [r["service_request_id"] for r in answer.json()]


async def test_the_caller_s_words_can_go_to_an_internal_note_only(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    words = "Lena Leakcheck, 410-555-0177, upstairs neighbour leaves trash out"
    created = await open_request(client, agent, internal_note=words)
    assert created["description"] == ""
    timeline = (
        await client.get(f"/api/v1/requests/{created['id']}/timeline", headers=agent)
    ).json()["items"]
    noted = [e for e in timeline if e["kind"] == "comment"]
    assert [(e["visibility"], e["data"]["body"]) for e in noted] == [("internal", words)]
    entry = await public(client, created["id"])
    assert entry["description"] is None and entry["status_notes"] is None
    assert "Leakcheck" not in str(entry)


async def test_the_check_names_what_would_go_public(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    text = "Lena said 410-555-0177, ref 26-00000001, mail lena@example.net"
    answer = await client.post(
        "/api/v1/personal-data/check", json={"text": text, "names": ["Lena"]}, headers=agent
    )
    assert answer.status_code == 200, answer.text
    found = answer.json()["findings"]
    assert [(f["kind"], f["text"]) for f in found] == [
        ("name", "Lena"),
        ("phone", "410-555-0177"),
        ("email", "lena@example.net"),  # the email, not the name inside it
    ]
    assert all(text[f["start"] : f["end"]] == f["text"] for f in found)
    nothing = await client.post(
        "/api/v1/personal-data/check", json={"text": "Patched with cold mix."}, headers=agent
    )
    assert nothing.json() == {"findings": []}
    anonymous = await client.post("/api/v1/personal-data/check", json={"text": text})
    assert anonymous.status_code == 401
