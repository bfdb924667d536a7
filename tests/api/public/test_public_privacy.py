"""No resident's personal data in anything the portal reads (issue 14, acceptance).

The day of work of tests/api/privacy/test_personal_data_leaks.py seeds a caller's name, emails
and phone numbers into reporter fields, descriptions, addresses, public and internal comments
and status notes (through the agent's form, a logged contact and an Open311 client). Every
portal read is then taken in English and Spanish, before and after the services let their
descriptions go public (one of them with masking off for Open311): none of it may appear, and
what is public by nature comes back masked, labelled in the visitor's language.
"""

from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.api.open_data.support import set_service
from tests.api.open_data.test_open_data_privacy import SERVICES, reported_directly
from tests.api.privacy.test_personal_data_leaks import (
    EMAIL,
    FIRST,
    HOME,
    LAST,
    PHONES,
    change,
    leaks,
    log_contact,
    log_referral,
    open311_request,
    work_on,
)
from tests.api.public.support import LANGUAGES, PUBLIC

HOLLIDAY = {"lat": 39.2904, "lon": -76.6122}
NAME_MASK = {"en": "[name hidden]", "es": "[nombre oculto]"}
PHONE_MASK = {"en": "[phone hidden]", "es": "[teléfono oculto]"}


@pytest.fixture
def database_state(seeded_with_layers: AsyncEngine) -> AsyncEngine:
    return seeded_with_layers


async def text_of(client: httpx.AsyncClient, path: str, **params: Any) -> str:
    answer = await client.get(f"{PUBLIC}{path}", params=params)
    assert answer.status_code == 200, (path, answer.text)
    return answer.text


async def portal_reads(client: httpx.AsyncClient, numbers: list[str], stage: str) -> dict[str, str]:
    """Every portal read about these requests and around their places, in both languages."""
    reads: dict[str, str] = {}
    for lang in LANGUAGES:
        asks: list[tuple[str, dict[str, Any]]] = [
            ("/requests", {}),
            ("/requests", {"status": "closed"}),
            ("/requests", {"status": "open"}),
            *[("/requests", {"service_code": code}) for code in SERVICES],
            *[(f"/requests/{number}", {}) for number in numbers],
            *[
                ("/requests/nearby", {"service_code": code, **point})
                for code in SERVICES
                for point in ({"lat": HOME["lat"], "lon": HOME["long"]}, HOLLIDAY)
            ],
            ("/search", {"q": f"{FIRST} {LAST} pothole"}),
            ("/articles", {"q": LAST}),
            ("/articles", {}),
            ("/services", {}),
            ("/locate", HOLLIDAY),
            ("/addresses", {"q": f"2125 Eastern Ave {LAST}"}),
        ]
        for path, params in asks:
            reads[f"{stage} {lang} {path} {params}"] = await text_of(
                client, path, lang=lang, **params
            )
    return reads


async def test_no_personal_data_reaches_any_portal_read(
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
    for number in (sanitation, vehicle, by_open311):
        await work_on(client, supervisor, number)
    numbers = [sanitation, vehicle, by_open311, direct]

    reads = await portal_reads(client, numbers, "descriptions off")
    for code in SERVICES:
        await set_service(client, admin, code, open_data_descriptions=True)
    await set_service(client, admin, "sw-dirty-alley", mask_personal_data=False)
    reads |= await portal_reads(client, numbers, "descriptions on")

    assert {name: leaks(body) for name, body in reads.items() if leaks(body)} == {}
    # Not empty answers: the requests are there, their public text masked in each language.
    for lang in LANGUAGES:
        answer = await client.get(f"{PUBLIC}/requests", params={"lang": lang})
        listed = {r["number"]: r for r in answer.json()}
        assert set(numbers) <= set(listed)
        for number in numbers:
            described = listed[number]["description"]
            assert described.startswith(f"Caller {NAME_MASK[lang]} {NAME_MASK[lang]} (")
            assert PHONE_MASK[lang] in described
        for number in numbers[:3]:
            page = (await client.get(f"{PUBLIC}/requests/{number}", params={"lang": lang})).json()
            noted = [n["text"] for n in page["notes"] if n["text"]]
            assert len(noted) >= 7  # the public comment and every status note
            assert all(text.startswith(f"Caller {NAME_MASK[lang]}") for text in noted)
        near: dict[str, Any] = {"service_code": "trm-pothole-repair", **HOLLIDAY, "lang": lang}
        offered = (await client.get(f"{PUBLIC}/requests/nearby", params=near)).json()
        assert [r["number"] for r in offered] == [direct]
        assert EMAIL not in offered[0]["address"]
