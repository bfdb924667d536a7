"""No resident's personal data in the open-data feed or the report card (issue 12, acceptance).

The same day of work as tests/api/privacy/test_personal_data_leaks.py seeds a caller's name, emails
and phone numbers into every free-text field: request descriptions and addresses, public and
internal comments, status and close notes, a transfer's reason, case summaries and notes,
reporter fields (through the agent's form, a resident record and an Open311 client). Then the
open-data CSV and GeoJSON and the report card are read, before and after the services turn
descriptions on (one of them even with masking off for Open311), and none of it may appear.
"""

from typing import Any
from urllib.parse import unquote

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.api.open_data.support import OPEN_DATA, read_csv, read_geojson, set_service
from tests.api.privacy.test_personal_data_leaks import (
    EMAIL,
    FIRST,
    LAST,
    PHONES,
    SAID,
    change,
    leaks,
    log_contact,
    log_referral,
    open311_request,
    work_on,
)

SERVICES = (
    "hcd-sanitation-property",
    "trs-abandoned-vehicle",
    "sw-dirty-alley",
    "trm-pothole-repair",
)


@pytest.fixture
def database_state(seeded_with_layers: AsyncEngine) -> AsyncEngine:
    return seeded_with_layers


async def reported_directly(client: httpx.AsyncClient, agent: dict[str, str]) -> str:
    """A request from the agent's form, the reporter's fields filled in."""
    body = {
        "service_code": "trm-pothole-repair",
        "description": SAID,
        "location": {"lat": 39.2904, "long": -76.6122, "address": f"100 N Holliday St {EMAIL}"},
        "attributes": {"pothole_size": "large"},
        "reporter": {"first_name": FIRST, "last_name": LAST, "email": EMAIL, "phone": PHONES[0]},
        "channel": "phone",
    }
    answer = await client.post("/api/v1/requests", json=body, headers=agent)
    assert answer.status_code == 201, answer.text
    return str(answer.json()["id"])


async def public_outputs(client: httpx.AsyncClient, stage: str) -> dict[str, str]:
    """Every open-data and report-card answer, whole and filtered, in both languages."""
    outputs: dict[str, str] = {}
    for params in ({}, {"status": "closed"}, {"limit": "1"}, {"service_code": ",".join(SERVICES)}):
        csv_answer = await client.get(f"{OPEN_DATA}.csv", params=params)
        read_csv(csv_answer)
        geo_answer = await client.get(f"{OPEN_DATA}.geojson", params=params)
        read_geojson(geo_answer)
        outputs[f"{stage} csv {params}"] = csv_answer.text
        outputs[f"{stage} geojson {params}"] = geo_answer.text
        outputs[f"{stage} link {params}"] = unquote(csv_answer.headers.get("link", ""))
    for language in ("en", "es"):
        answer = await client.get("/api/v1/report-card", headers={"Accept-Language": language})
        assert answer.status_code == 200, answer.text
        outputs[f"{stage} report card {language}"] = answer.text
    return outputs


async def test_no_personal_data_reaches_open_data_or_the_report_card(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    supervisor: dict[str, str],
    admin: dict[str, str],
) -> None:
    contact = await log_contact(client, agent)
    sanitation, vehicle = contact["request_ids"]
    await log_referral(client, agent, contact["resident_id"])
    by_open311 = await open311_request(client)
    direct = await reported_directly(client, agent)
    await change(client, supervisor, vehicle, "", {"external_id": f"WO {PHONES[0]} {LAST}"})
    numbers = [sanitation, vehicle, by_open311, direct]
    for number in numbers:
        await work_on(client, supervisor, number)

    outputs = await public_outputs(client, "descriptions off")
    for code in SERVICES:
        await set_service(client, admin, code, open_data_descriptions=True)
    await set_service(client, admin, "sw-dirty-alley", mask_personal_data=False)
    outputs |= await public_outputs(client, "descriptions on")

    found = {name: leaks(text) for name, text in outputs.items() if leaks(text)}
    assert found == {}
    # Not empty answers: every request is there, its public text masked, the counts right.
    rows = {
        row["service_request_id"]: row for row in read_csv(await client.get(f"{OPEN_DATA}.csv"))
    }
    assert set(numbers) <= set(rows)
    for number in numbers:
        assert rows[number]["description"].startswith("Caller [name hidden] [name hidden] (")
        assert "[phone hidden]" in rows[number]["description"]
        assert rows[number]["status_notes"].startswith("Caller [name hidden]")
    assert outputs["descriptions off csv {}"].count("[phone hidden]") >= 4  # status notes
    card: dict[str, Any] = (await client.get("/api/v1/report-card")).json()
    assert sum(d["total"]["opened"] for d in card["departments"]) == len(numbers)
    assert sum(d["total"]["closed"] for d in card["departments"]) == len(numbers)
