"""Triage through the API: 911 and 211 flags, suggestions, and the terms admins edit."""

from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.smoke

TRIAGE = "/api/v1/triage"
TERMS = "/api/v1/triage/terms"
SEEDED_TERMS = 173  # adapters/demo/triage_terms.json


async def triage(
    client: httpx.AsyncClient, headers: dict[str, str], text: str, language: str = "en"
) -> dict[str, Any]:
    answer = await client.post(TRIAGE, json={"text": text, "language": language}, headers=headers)
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


@pytest.mark.parametrize(
    ("text", "language", "terms"),
    [
        ("My husband is not breathing", "en", ["not breathing"]),
        ("mi esposo no respira", "es", ["no respira"]),
        ("She has CHEST PAIN and is unconscious", "en", ["CHEST PAIN", "unconscious"]),
        ("tiene dolor de pecho", "es", ["dolor de pecho"]),
        ("I smell gas in the kitchen", "en", ["smell gas"]),
        (
            "There is a strong gas smell in my building and my neighbor collapsed, he is not"
            " breathing",
            "en",
            ["gas smell", "neighbor collapsed", "not breathing"],
        ),
        ("Olía a gas en el pasillo", "es", ["Olía a gas"]),
        ("hay una fuga de gas", "es", ["fuga de gas"]),
        ("hay un incendio en la casa", "es", ["incendio"]),
    ],
)
async def test_emergencies_are_flagged(
    client: httpx.AsyncClient, agent: dict[str, str], text: str, language: str, terms: list[str]
) -> None:
    found = await triage(client, agent, text, language)
    assert (found["emergency"], found["emergency_terms"]) == (True, terms)


async def test_suicide_and_self_harm_point_to_988(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    found = await triage(client, agent, "Mi amigo dice que se quiere suicidar", "es")
    assert (found["crisis"], found["crisis_terms"], found["emergency"]) == (
        True,
        ["suicidar"],
        False,
    )
    routine = await triage(client, agent, "the fire hydrant on my corner is leaking")
    assert (routine["crisis"], routine["crisis_terms"]) == (False, [])


async def test_a_pothole_is_no_emergency_and_gets_the_pothole_service(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    found = await triage(client, agent, "hay un bache enorme en mi calle", "es")
    assert (found["emergency"], found["social_services"]) == (False, False)
    assert found["suggested_services"][0] == {
        "service_code": "trm-pothole-repair",
        "name": "Pothole",
    }
    assert found["suggested_articles"][0]["slug"] == "pothole-es"
    assert len(found["suggested_articles"]) <= 3
    assert (await triage(client, agent, "bache", "es"))["emergency"] is False


async def test_routine_phrases_with_alarming_words_raise_no_flag(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    hydrant = await triage(client, agent, "the fire hydrant on my corner is leaking")
    assert hydrant["emergency"] is False
    assert hydrant["suggested_services"][0]["service_code"] == "ww-water-leak-exterior"
    alarm = await triage(client, agent, "I need a smoke alarm installed")
    assert alarm["emergency"] is False
    assert alarm["suggested_services"][0]["service_code"] == (
        "fir-fire-smoke-alarm-installation-request"
    )


async def test_social_service_needs_point_to_211(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    found = await triage(client, agent, "Estoy sin hogar y necesito ayuda con la renta", "es")
    assert found["emergency"] is False
    assert (found["social_services"], found["social_services_terms"]) == (
        True,
        ["sin hogar", "ayuda con la renta"],
    )
    assert found["suggested_articles"][0]["slug"] == "help-211-es"


async def test_triage_needs_a_token(client: httpx.AsyncClient) -> None:
    answer = await client.post(TRIAGE, json={"text": "not breathing"})
    assert answer.status_code == 401


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"text": ""}, "text"),
        ({"text": "x" * 4001}, "text"),
        ({"text": "ok", "language": "klingon!"}, "language"),
        ({"language": "en"}, "text"),
        ({"text": "ok", "extra": True}, "extra"),
    ],
)
async def test_bad_triage_bodies(
    client: httpx.AsyncClient, agent: dict[str, str], body: dict[str, object], field: str
) -> None:
    answer = await client.post(TRIAGE, json=body, headers=agent)
    assert answer.status_code == 422, answer.text
    assert [e["field"] for e in answer.json()["errors"]] == [field]


async def test_malformed_and_oversized_triage_bodies(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    headers = {**agent, "content-type": "application/json"}
    assert (await client.post(TRIAGE, content=b'{"text": ', headers=headers)).status_code == 400
    huge = b'{"text": "' + b"a" * (2 * 1024 * 1024) + b'"}'
    assert (await client.post(TRIAGE, content=huge, headers=headers)).status_code == 413


async def test_hostile_text_is_just_text(client: httpx.AsyncClient, agent: dict[str, str]) -> None:
    found = await triage(client, agent, "'); DROP TABLE triage_terms;-- <script>!&|:*()")
    assert found["emergency"] is False
    assert len((await client.get(TERMS, headers=agent)).json()["items"]) == SEEDED_TERMS


async def test_staff_read_the_seeded_terms(
    client: httpx.AsyncClient, staff: dict[str, str]
) -> None:
    items = (await client.get(TERMS, headers=staff)).json()["items"]
    pairs = {(t["term"], t["kind"], t["language"]) for t in items}
    assert {
        ("carbon monoxide", "emergency", "en"),
        ("suicide|suicidal", "crisis", "en"),
        ("suicid*", "crisis", "es"),
        ("homeless|homelessness", "social_services", "en"),
        ('"sin hogar"', "social_services", "es"),
    } <= pairs
    assert len(items) == SEEDED_TERMS


async def test_admins_edit_terms_and_triage_follows(
    client: httpx.AsyncClient, admin: dict[str, str], agent: dict[str, str]
) -> None:
    assert (await triage(client, agent, "the baby swallowed a magnet"))["emergency"] is False
    added = await client.post(
        TERMS,
        json={"term": "Swallowed a  magnet", "kind": "emergency", "language": "en"},
        headers=admin,
    )
    assert added.status_code == 201, added.text
    term = added.json()
    assert (term["term"], term["kind"], term["language"]) == (
        "Swallowed a magnet",
        "emergency",
        "en",
    )
    flagged = await triage(client, agent, "The baby SWALLOWED a magnet!")
    assert flagged["emergency_terms"] == ["SWALLOWED a magnet"]
    again = await client.post(
        TERMS,
        json={"term": "swallowed a magnet", "kind": "emergency", "language": "en"},
        headers=admin,
    )
    assert (again.status_code, again.json()["detail"]) == (
        409,
        "the emergency term 'Swallowed a magnet' already exists",
    )
    deleted = await client.delete(f"{TERMS}/{term['id']}", headers=admin)
    assert (deleted.status_code, deleted.content) == (204, b"")
    assert (await triage(client, agent, "the baby swallowed a magnet"))["emergency"] is False
    assert (await client.delete(f"{TERMS}/{term['id']}", headers=admin)).status_code == 404


@pytest.mark.parametrize("role", ["supervisor", "agent", "manager"])
async def test_only_admins_edit_terms(client: httpx.AsyncClient, login: Any, role: str) -> None:
    headers = await login(f"{role}@example.org")
    body = {"term": "tornado", "kind": "emergency", "language": "en"}
    assert (await client.post(TERMS, json=body, headers=headers)).status_code == 403
    assert (await client.delete(f"{TERMS}/1", headers=headers)).status_code == 403


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"term": "", "kind": "emergency", "language": "en"}, "term"),
        ({"term": "!!!", "kind": "emergency", "language": "en"}, "term"),
        ({"term": "flood", "kind": "panic", "language": "en"}, "kind"),
        ({"term": "flood", "kind": "emergency", "language": "english"}, "language"),
        ({"term": "flood", "kind": "emergency"}, "language"),
        ({"term": "gas|", "kind": "emergency", "language": "en"}, "term"),
        ({"term": "ga* smell", "kind": "emergency", "language": "en"}, "term"),
        ({"term": "x" * 201, "kind": "emergency", "language": "en"}, "term"),
    ],
)
async def test_bad_terms(
    client: httpx.AsyncClient, admin: dict[str, str], body: dict[str, object], field: str
) -> None:
    answer = await client.post(TERMS, json=body, headers=admin)
    assert answer.status_code == 422, answer.text
    assert [e["field"] for e in answer.json()["errors"]] == [field]


async def test_terms_with_alternatives_prefixes_and_order(
    client: httpx.AsyncClient, admin: dict[str, str], agent: dict[str, str]
) -> None:
    body = {"term": '"Tornado|Twister  warn*"', "kind": "emergency", "language": "en"}
    added = await client.post(TERMS, json=body, headers=admin)
    assert (added.status_code, added.json()["term"]) == (201, '"Tornado|Twister warn*"')
    assert (await triage(client, agent, "a TWISTER warning for the county"))["emergency_terms"] == [
        "TWISTER warning"
    ]
    assert (await triage(client, agent, "a warning: no twister today"))["emergency"] is False
    same = {**body, "term": '"tornado|twister WARN*"'}
    assert (await client.post(TERMS, json=same, headers=admin)).status_code == 409


async def test_bad_term_ids(client: httpx.AsyncClient, admin: dict[str, str]) -> None:
    for bad in ("0", "x", "99999999999"):
        assert (await client.delete(f"{TERMS}/{bad}", headers=admin)).status_code == 422
