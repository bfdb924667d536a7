"""GeoReport v2 `locale`: services, service definitions and requests' service_name (and agency)
in the language asked for, in JSON and XML; Accept-Language when `locale` is left out."""

import xml.etree.ElementTree as ET
from typing import Any

import httpx
import pytest

from tests.api.open311.open311_support import DEMO_KEY, V2, validate

POTHOLE = "trm-pothole-repair"
FORM = {
    "api_key": DEMO_KEY,
    "service_code": POTHOLE,
    "lat": "39.2904",
    "long": "-76.6122",
    "attribute[pothole_size]": "large",
    "description": "Deep pothole by the bus stop",
}


def xml(answer: httpx.Response) -> ET.Element:
    assert answer.status_code == 200, answer.text
    return ET.fromstring(answer.content)  # noqa: S314 - our own answer, under test


def in_spanish(answer: httpx.Response) -> None:
    assert answer.headers["content-language"] == "es"
    assert "accept-language" in answer.headers["vary"].lower()


async def created(client: httpx.AsyncClient) -> str:
    answer = await client.post(f"{V2}/requests.json", data=FORM)
    assert answer.status_code == 200, answer.text
    return str(answer.json()[0]["service_request_id"])


async def test_the_service_list_in_spanish_json_and_xml(client: httpx.AsyncClient) -> None:
    answer = await client.get(f"{V2}/services.json", params={"locale": "es"})
    assert answer.status_code == 200
    services = answer.json()
    validate("services.json", services)
    pothole = next(s for s in services if s["service_code"] == POTHOLE)
    assert (pothole["service_name"], pothole["group"]) == ("Bache", "Calles")
    assert pothole["description"].startswith("Reporte un bache")
    assert "bache" in pothole["keywords"].split(", ")
    in_spanish(answer)
    root = xml(await client.get(f"{V2}/services.xml", params={"locale": "es"}))
    names = {
        s.findtext("service_code"): s.findtext("service_name") for s in root.findall("service")
    }
    assert names[POTHOLE] == "Bache"
    assert names["ww-water-no-water"] == "Sin agua"


async def test_the_service_definition_in_spanish_json_and_xml(client: httpx.AsyncClient) -> None:
    answer = await client.get(f"{V2}/services/{POTHOLE}.json", params={"locale": "es_MX"})
    assert answer.status_code == 200
    definition = answer.json()
    validate("service-definition.json", definition)
    size = next(a for a in definition["attributes"] if a["code"] == "pothole_size")
    assert size["description"] == "¿Qué tan grande es el bache?"
    assert {v["key"]: v["name"] for v in size["values"]}["large"] == (
        "Más grande que una llanta de auto"
    )
    in_spanish(answer)
    root = xml(await client.get(f"{V2}/services/{POTHOLE}.xml", params={"locale": "es"}))
    questions = [a.findtext("description") for a in root.findall("attributes/attribute")]
    assert "¿En qué parte de la calle está?" in questions
    options = [v.findtext("name") for v in root.findall("attributes/attribute/values/value")]
    assert "En una ciclovía" in options


async def test_requests_name_their_service_and_agency_in_spanish(
    client: httpx.AsyncClient,
) -> None:
    number = await created(client)
    answer = await client.get(f"{V2}/requests/{number}.json", params={"locale": "es"})
    assert answer.status_code == 200
    [entry] = answer.json()
    validate("requests.json", [entry])
    assert (entry["service_name"], entry["agency_responsible"]) == ("Bache", "Transporte")
    assert entry["service_code"] == POTHOLE
    in_spanish(answer)
    listed = await client.get(f"{V2}/requests.json", params={"locale": "es"})
    mine = next(r for r in listed.json() if r["service_request_id"] == number)
    assert mine["service_name"] == "Bache"
    root = xml(await client.get(f"{V2}/requests/{number}.xml", params={"locale": "es"}))
    assert root.findtext("request/service_name") == "Bache"
    root = xml(await client.get(f"{V2}/requests.xml", params={"locale": "es"}))
    assert "Bache" in [r.findtext("service_name") for r in root.findall("request")]
    english = (await client.get(f"{V2}/requests/{number}.json")).json()[0]
    assert (english["service_name"], english["agency_responsible"]) == (
        "Pothole",
        "Transportation",
    )


async def test_the_agency_filter_knows_the_translated_name(client: httpx.AsyncClient) -> None:
    number = await created(client)
    for agency in ("Transporte", "Transportation", "transportation"):
        answer = await client.get(
            f"{V2}/requests.json", params={"agency_responsible": agency, "locale": "es"}
        )
        assert number in {r["service_request_id"] for r in answer.json()}, agency


async def test_accept_language_counts_when_locale_is_left_out(client: httpx.AsyncClient) -> None:
    spanish = await client.get(f"{V2}/services.json", headers={"Accept-Language": "es;q=0.9"})
    assert next(s for s in spanish.json() if s["service_code"] == POTHOLE)["service_name"] == (
        "Bache"
    )
    english = await client.get(
        f"{V2}/services.json", params={"locale": "en-US"}, headers={"Accept-Language": "es"}
    )
    assert next(s for s in english.json() if s["service_code"] == POTHOLE)["service_name"] == (
        "Pothole"
    )
    assert english.headers["content-language"] == "en"


@pytest.mark.parametrize("locale", ["fr", "", "de-DE"])
async def test_a_locale_we_do_not_serve_gives_the_default_language(
    client: httpx.AsyncClient, locale: str
) -> None:
    answer = await client.get(f"{V2}/services.json", params={"locale": locale})
    assert answer.status_code == 200
    names = {s["service_code"]: s["service_name"] for s in answer.json()}
    assert names[POTHOLE] == "Pothole"


@pytest.mark.parametrize("fmt", ["json", "xml"])
async def test_a_malformed_locale_is_a_georeport_400(client: httpx.AsyncClient, fmt: str) -> None:
    answer = await client.get(f"{V2}/services.{fmt}", params={"locale": "es!<x>"})
    assert answer.status_code == 400
    if fmt == "json":
        errors: list[dict[str, Any]] = answer.json()
        assert errors[0]["code"] == 400 and "locale" in errors[0]["description"]
    else:
        root = ET.fromstring(answer.content)  # noqa: S314 - our own answer, under test
        assert root.tag == "errors"
