"""Admins write a language's translation of a service or a department through the API; it is
validated, refused to everyone else, and removed again."""

from typing import Any

import httpx
import pytest

from tests.api.conftest import Login

POTHOLE = "trm-pothole-repair"
SERVICE_ES = f"/api/v1/services/{POTHOLE}/translations/es"
DEPARTMENT_ES = "/api/v1/departments/transportation/translations/es"
SPANISH = {"Accept-Language": "es"}

BACHE: dict[str, Any] = {
    "name": "Bache en la calle",
    "description": "Un hoyo en el pavimento.",
    "group": "Vialidad",
    "keywords": ["bache", "hoyo"],
    "attributes": {
        "pothole_size": {
            "description": "¿De qué tamaño es?",
            "values": {"small": "Chico", "large": "Grande"},
        },
        "depth_inches": {"datatype_description": "En pulgadas."},
    },
}


async def spanish_pothole(client: httpx.AsyncClient, headers: dict[str, str]) -> dict[str, Any]:
    answer = await client.get(f"/api/v1/services/{POTHOLE}", headers={**headers, **SPANISH})
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


def attribute(service: dict[str, Any], code: str) -> dict[str, Any]:
    return next(a for a in service["attributes"] if a["code"] == code)


async def test_an_admin_sets_a_service_translation_that_replaces_the_earlier_one(
    client: httpx.AsyncClient, admin: dict[str, str], agent: dict[str, str]
) -> None:
    answer = await client.put(SERVICE_ES, json=BACHE, headers=admin)
    assert answer.status_code == 200, answer.text
    assert answer.json()["language"] == "es"
    assert answer.json()["attributes"]["pothole_size"]["values"]["small"] == "Chico"
    pothole = await spanish_pothole(client, agent)
    assert (pothole["name"], pothole["group"]) == ("Bache en la calle", "Vialidad")
    size = attribute(pothole, "pothole_size")
    assert size["description"] == "¿De qué tamaño es?"
    names = {v["key"]: v["name"] for v in size["values"]}
    assert names == {
        "small": "Chico",
        "medium": "Between a dinner plate and a car tire",
        "large": "Grande",
    }
    depth = attribute(pothole, "depth_inches")
    assert (depth["description"], depth["datatype_description"]) == (
        "About how deep is it, in inches?",
        "En pulgadas.",
    )
    stored = await client.get(SERVICE_ES, headers=agent)
    assert stored.status_code == 200
    assert stored.json() == answer.json()


async def test_deleting_a_translation_brings_back_the_default_language(
    client: httpx.AsyncClient, admin: dict[str, str], agent: dict[str, str]
) -> None:
    answer = await client.delete(SERVICE_ES, headers=admin)
    assert answer.status_code == 204
    assert (await spanish_pothole(client, agent))["name"] == "Pothole"
    again = await client.delete(SERVICE_ES, headers=admin)
    assert again.status_code == 404
    assert again.headers["content-type"] == "application/problem+json"
    missing = await client.get(SERVICE_ES, headers=agent)
    assert missing.status_code == 404


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({**BACHE, "attributes": {"nope": {"description": "¿?"}}}, "attributes.nope"),
        (
            {**BACHE, "attributes": {"pothole_size": {"values": {"huge": "Enorme"}}}},
            "attributes.pothole_size.values.huge",
        ),
        ({**BACHE, "name": " "}, "name"),
        ({**BACHE, "colour": "rojo"}, "colour"),
        ({**BACHE, "keywords": ["x" * 101]}, "keywords.0"),
    ],
)
async def test_a_bad_service_translation_is_422_and_changes_nothing(
    client: httpx.AsyncClient,
    admin: dict[str, str],
    agent: dict[str, str],
    body: dict[str, Any],
    field: str,
) -> None:
    answer = await client.put(SERVICE_ES, json=body, headers=admin)
    assert answer.status_code == 422, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    assert field in {e["field"] for e in answer.json()["errors"]}
    assert (await spanish_pothole(client, agent))["name"] == "Bache"


@pytest.mark.parametrize(
    ("language", "status"),
    [("en", 422), ("fr", 422), ("e!", 422), ("ES", 200), ("es-MX", 422)],
)
async def test_translations_are_only_into_languages_the_city_serves(
    client: httpx.AsyncClient, admin: dict[str, str], language: str, status: int
) -> None:
    """Not into the catalog's own language (edit the service), nor one not configured."""
    url = f"/api/v1/services/{POTHOLE}/translations/{language}"
    answer = await client.put(url, json={"name": "Bache"}, headers=admin)
    assert answer.status_code == status, answer.text
    if status == 422:
        assert answer.headers["content-type"] == "application/problem+json"


async def test_an_unknown_service_or_department_is_404(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    for url in (
        "/api/v1/services/no-such-service/translations/es",
        "/api/v1/departments/no-such-department/translations/es",
    ):
        answer = await client.put(url, json={"name": "Nada"}, headers=admin)
        assert answer.status_code == 404, url
        assert answer.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize(
    "email",
    [
        "agent@example.org",
        "supervisor@example.org",
        "staff@example.org",
        "manager@example.org",
    ],
)
async def test_only_admins_write_translations(
    client: httpx.AsyncClient, login: Login, agent: dict[str, str], email: str
) -> None:
    headers = await login(email)
    writes = [
        client.put(SERVICE_ES, json=BACHE, headers=headers),
        client.delete(SERVICE_ES, headers=headers),
        client.put(DEPARTMENT_ES, json={"name": "Vialidad"}, headers=headers),
        client.delete(DEPARTMENT_ES, headers=headers),
    ]
    for write in writes:
        answer = await write
        assert answer.status_code == 403, answer.text
        assert answer.headers["content-type"] == "application/problem+json"
    assert (await spanish_pothole(client, agent))["name"] == "Bache"


async def test_translations_need_a_token(client: httpx.AsyncClient) -> None:
    assert (await client.put(SERVICE_ES, json=BACHE)).status_code == 401
    assert (await client.get(SERVICE_ES)).status_code == 401


async def test_an_admin_names_a_department_in_spanish(
    client: httpx.AsyncClient, admin: dict[str, str], agent: dict[str, str]
) -> None:
    answer = await client.put(DEPARTMENT_ES, json={"name": "Vialidad"}, headers=admin)
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"language": "es", "name": "Vialidad"}
    listed = await client.get("/api/v1/departments", headers={**agent, **SPANISH})
    assert {d["code"]: d["name"] for d in listed.json()["items"]}["transportation"] == "Vialidad"
    assert (await client.get(DEPARTMENT_ES, headers=agent)).json()["name"] == "Vialidad"
    assert (await client.delete(DEPARTMENT_ES, headers=admin)).status_code == 204
    listed = await client.get("/api/v1/departments", headers={**agent, **SPANISH})
    names = {d["code"]: d["name"] for d in listed.json()["items"]}
    assert names["transportation"] == "Transportation"
    bad = await client.put(DEPARTMENT_ES, json={"name": ""}, headers=admin)
    assert bad.status_code == 422
