"""The catalog answers in the language asked for: `lang`, then Accept-Language with its
q-values, then the default. Translated texts come back in the same fields; codes never change."""

from typing import Any

import httpx
import pytest

from api.bootstrap import Container
from tests.statements import statements

SERVICES = "/api/v1/services"
POTHOLE = "trm-pothole-repair"
SPANISH = {"Accept-Language": "es"}


async def services(
    client: httpx.AsyncClient, headers: dict[str, str], **params: str
) -> httpx.Response:
    answer = await client.get(SERVICES, headers=headers, params=params)
    assert answer.status_code == 200, answer.text
    return answer


def by_code(answer: httpx.Response) -> dict[str, dict[str, Any]]:
    return {s["code"]: s for s in answer.json()["items"]}


def pothole_size(service: dict[str, Any]) -> dict[str, Any]:
    return next(a for a in service["attributes"] if a["code"] == "pothole_size")


async def test_accept_language_es_gives_the_spanish_catalog_in_the_same_fields(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    answer = await services(client, {**agent, **SPANISH})
    pothole = by_code(answer)[POTHOLE]
    assert pothole["name"] == "Bache"
    assert pothole["description"].startswith("Reporte un bache")
    assert pothole["group"] == "Calles"
    assert "bache" in pothole["keywords"]
    assert (pothole["code"], pothole["department"], pothole["type_name"]) == (
        POTHOLE,
        "transportation",
        "TRM-Pothole Repair",
    )
    size = pothole_size(pothole)
    assert size["description"] == "¿Qué tan grande es el bache?"
    assert [v["key"] for v in size["values"]] == ["small", "medium", "large"]
    assert size["values"][0]["name"] == "Más pequeño que un plato"
    depth = next(a for a in pothole["attributes"] if a["code"] == "depth_inches")
    assert depth["datatype_description"] == "Un número de pulgadas, por ejemplo 3."
    assert answer.headers["content-language"] == "es"
    assert "accept-language" in answer.headers["vary"].lower()


async def test_every_service_of_the_demo_has_a_spanish_name(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    english = by_code(await services(client, agent))
    spanish = by_code(await services(client, {**agent, **SPANISH}))
    assert spanish.keys() == english.keys() and len(spanish) == 31
    assert all(spanish[code]["name"] != english[code]["name"] for code in english)
    assert [s["name"] for s in spanish.values()] != [s["name"] for s in english.values()]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("fr-CA, fr;q=0.9, es;q=0.8, en;q=0.5", "es"),
        ("en;q=0.4, es-MX;q=0.9", "es"),
        ("es-419", "es"),
        ("ES_mx", "es"),
        ("es;q=0, en", "en"),
        ("de, *;q=0.1", "en"),
        ("es;q=abc, en;q=0.2", "en"),
        ("", "en"),
    ],
)
async def test_accept_language_is_read_with_its_q_values(
    client: httpx.AsyncClient, agent: dict[str, str], header: str, expected: str
) -> None:
    answer = await services(client, {**agent, "Accept-Language": header})
    assert answer.headers["content-language"] == expected
    assert by_code(answer)[POTHOLE]["name"] == {"es": "Bache", "en": "Pothole"}[expected]


async def test_the_lang_parameter_wins_over_accept_language(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    english = await services(client, {**agent, **SPANISH}, lang="en")
    assert by_code(english)[POTHOLE]["name"] == "Pothole"
    spanish = await services(client, {**agent, "Accept-Language": "en"}, lang="es-MX")
    assert by_code(spanish)[POTHOLE]["name"] == "Bache"
    assert spanish.headers["content-language"] == "es"


async def test_a_language_we_do_not_serve_falls_back(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    """To Accept-Language when `lang` is not served, then to the catalog's own language."""
    spanish = await services(client, {**agent, **SPANISH}, lang="fr")
    assert by_code(spanish)[POTHOLE]["name"] == "Bache"
    english = await services(client, agent, lang="fr")
    assert by_code(english)[POTHOLE]["name"] == "Pothole"
    assert english.headers["content-language"] == "en"


async def test_a_malformed_lang_is_422_problem(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    answer = await client.get(SERVICES, headers=agent, params={"lang": "es!"})
    assert answer.status_code == 422
    assert answer.headers["content-type"] == "application/problem+json"


async def test_untranslated_fields_fall_back_to_the_default_language(
    client: httpx.AsyncClient, agent: dict[str, str], admin: dict[str, str]
) -> None:
    url = f"/api/v1/services/{POTHOLE}/translations/es"
    assert (await client.put(url, json={"name": "Hoyo"}, headers=admin)).status_code == 200
    answer = await client.get(f"{SERVICES}/{POTHOLE}", headers={**agent, **SPANISH})
    pothole = answer.json()
    assert pothole["name"] == "Hoyo"
    assert pothole["description"].startswith("Report a pothole")
    assert pothole["group"] == "Streets"
    assert pothole_size(pothole)["description"] == "How big is the pothole?"
    assert answer.headers["content-language"] == "es"


async def test_one_service_and_the_departments_come_in_the_language_asked_for(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    one = await client.get(f"{SERVICES}/{POTHOLE}", headers=agent, params={"lang": "es"})
    assert one.json()["name"] == "Bache"
    assert "accept-language" in one.headers["vary"].lower()
    departments = await client.get("/api/v1/departments", headers={**agent, **SPANISH})
    names = {d["code"]: d["name"] for d in departments.json()["items"]}
    assert names["transportation"] == "Transporte"
    assert names["fire-department"] == "Departamento de Bomberos"
    assert departments.headers["content-language"] == "es"
    english = await client.get("/api/v1/departments", headers=agent)
    assert {d["code"]: d["name"] for d in english.json()["items"]}["transportation"] == (
        "Transportation"
    )


async def test_a_cached_list_is_never_served_for_another_language(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    spanish = await services(client, {**agent, **SPANISH})
    etag = spanish.headers["etag"]
    english = await client.get(
        SERVICES, headers={**agent, "Accept-Language": "en", "If-None-Match": etag}
    )
    assert english.status_code == 200
    assert by_code(english)[POTHOLE]["name"] == "Pothole"
    assert english.headers["etag"] != etag
    again = await client.get(SERVICES, headers={**agent, **SPANISH, "If-None-Match": etag})
    assert again.status_code == 304
    assert again.headers["content-language"] == "es"
    assert "accept-language" in again.headers["vary"].lower()


async def test_the_translated_service_list_is_one_query(
    client: httpx.AsyncClient, agent: dict[str, str], container: Container
) -> None:
    with statements(container.engine) as seen:
        await services(client, {**agent, **SPANISH})
    catalog = [s for s in seen if "FROM services" in s]
    assert len(catalog) == 1, seen
    assert "catalog_translations" in catalog[0]
