"""Requests as anyone may see them on the portal: the last 90 days for the map, one by its
number with its public updates, and open requests of a service nearby; places generalized as
each service's `public_location` says."""

from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.api.conftest import BALTIMORE, pothole_body
from tests.api.open_data.support import HOME_POINT, open_request, post_with_etag, set_service
from tests.api.public.support import read

ITEM = {"number", "service_code", "service_name", "status", "requested_at", "updated_at",
        "lat", "lon", "address", "description"}  # fmt: skip
NORTH_100_M = 0.0009  # degrees of latitude


@pytest.fixture
def database_state(seeded_with_layers: AsyncEngine) -> AsyncEngine:
    return seeded_with_layers  # neighbourhoods, for the `area` level


async def age(engine: AsyncEngine, number: str, days: int) -> None:
    """Move a request back in time, as if it had been made `days` ago."""
    async with engine.begin() as db:
        await db.execute(
            text(
                "UPDATE service_requests SET requested_at = now() - make_interval(days => :d), "
                "updated_at = now() - make_interval(days => :d) WHERE id = :id"
            ),
            {"d": days, "id": number},
        )


def numbers(items: list[dict[str, Any]]) -> list[str]:
    return [item["number"] for item in items]


async def test_recent_requests_show_public_fields_newest_first_in_both_languages(
    client: httpx.AsyncClient, agent: dict[str, str], admin: dict[str, str]
) -> None:
    alley = await open_request(client, agent, description="Rats by the back door")
    pothole = await open_request(client, agent, **pothole_body())
    english = await read(client, "/requests", "en")
    assert numbers(english) == [pothole["id"], alley["id"]]
    assert all(set(item) == ITEM for item in english)
    assert english[0]["service_name"] == "Pothole"
    assert english[0]["address"] == pothole["location"]["address"]
    assert english[0]["description"] is None  # the service keeps descriptions to itself
    spanish = await read(client, "/requests", "es")
    assert spanish[0]["service_name"] == "Bache"
    await set_service(client, admin, "trm-pothole-repair", open_data_descriptions=True)
    shown = await read(client, "/requests", "en", service_code="trm-pothole-repair")
    assert [item["description"] for item in shown] == ["Deep pothole in the right lane"]


async def test_requests_older_than_90_days_are_not_listed_nor_offered(
    client: httpx.AsyncClient, agent: dict[str, str], seeded_with_layers: AsyncEngine
) -> None:
    old = await open_request(client, agent, **pothole_body())
    recent = await open_request(client, agent, **pothole_body())
    await age(seeded_with_layers, old["id"], 91)
    await age(seeded_with_layers, recent["id"], 89)
    for lang in ("en", "es"):
        assert numbers(await read(client, "/requests", lang)) == [recent["id"]]
        near = {"service_code": "trm-pothole-repair", "lat": BALTIMORE["lat"],
                "lon": BALTIMORE["long"]}  # fmt: skip
        assert numbers(await read(client, "/requests/nearby", lang, **near)) == [recent["id"]]
        # Its own page still answers: a resident may follow an old reference.
        assert (await read(client, f"/requests/{old['id']}", lang))["number"] == old["id"]


async def test_the_list_filters_by_service_status_and_limit(
    client: httpx.AsyncClient, agent: dict[str, str], manager: dict[str, str]
) -> None:
    alley = await open_request(client, agent)
    fixed = await open_request(client, agent, **pothole_body())
    waiting = await open_request(client, agent, **pothole_body())
    await post_with_etag(client, manager, fixed["id"], "/transitions",
                         {"to": "closed", "reason": "resolved", "note": "Patched."})  # fmt: skip
    assert numbers(await read(client, "/requests", status="closed")) == [fixed["id"]]
    assert numbers(await read(client, "/requests", status="open")) == [waiting["id"], alley["id"]]
    potholes = await read(client, "/requests", "es", service_code="trm-pothole-repair")
    assert numbers(potholes) == [waiting["id"], fixed["id"]]
    assert [item["status"] for item in potholes] == ["new", "closed"]
    assert numbers(await read(client, "/requests", limit=1)) == [waiting["id"]]


async def shown_everywhere(
    client: httpx.AsyncClient, number: str, nearby: bool = True
) -> list[dict[str, Any]]:
    """The request as the list, its page and (unless `nearby` is False, when it must not be
    there) a nearby search at its very point show it, in both languages."""
    lat, long = HOME_POINT
    shown = []
    for lang in ("en", "es"):
        shown += [
            item for item in await read(client, "/requests", lang) if item["number"] == number
        ]
        shown.append(await read(client, f"/requests/{number}", lang))
        near = {"service_code": "sw-dirty-alley", "lat": lat, "lon": long}
        shown += await read(client, "/requests/nearby", lang, **near)
    assert len(shown) == (6 if nearby else 4)
    return shown


async def test_places_are_shown_as_the_service_s_public_location_says(
    client: httpx.AsyncClient, agent: dict[str, str], admin: dict[str, str]
) -> None:
    created = await open_request(client, agent)
    number = created["id"]
    for item in await shown_everywhere(client, number):
        assert (item["lat"], item["lon"], item["address"]) == (*HOME_POINT, "2125 EASTERN AVE")
    await set_service(client, admin, "sw-dirty-alley", public_location="block")
    for item in await shown_everywhere(client, number):
        assert (item["lat"], item["lon"]) == (39.285, -76.585)
        assert item["address"] == "2100 block of EASTERN AVE"
    await set_service(client, admin, "sw-dirty-alley", public_location="area")
    neighbourhood = next(a for a in created["areas"] if a["layer"] == "neighborhoods")
    for item in await shown_everywhere(client, number, nearby=False):
        assert item["address"] == neighbourhood["name"]
        assert (item["lat"], item["lon"]) != HOME_POINT
        assert "2125" not in str(item)


async def test_a_request_s_page_has_its_public_updates_and_expected_date(
    client: httpx.AsyncClient, agent: dict[str, str], manager: dict[str, str]
) -> None:
    created = await open_request(client, agent, **pothole_body())
    number = created["id"]
    internal = {"body": "Crew notes: gravel truck needed", "visibility": "internal"}
    await post_with_etag(client, manager, number, "/comments", internal)
    await post_with_etag(client, manager, number, "/transitions",
                         {"to": "acknowledged", "note": "A crew is on its way."})  # fmt: skip
    await post_with_etag(client, manager, number, "/comments",
                         {"body": "Thanks for the report!", "visibility": "public"})  # fmt: skip
    await post_with_etag(client, manager, number, "/transitions", {"to": "in_progress"})
    for lang in ("en", "es"):
        page = await read(client, f"/requests/{number}", lang)
        assert set(page) == ITEM | {"expected_at", "notes"}
        assert page["expected_at"] is not None
        assert page["status"] == "in_progress"
        assert [(n["status"], n["text"]) for n in page["notes"]] == [
            ("new", None),
            ("acknowledged", "A crew is on its way."),
            (None, "Thanks for the report!"),
            ("in_progress", None),
        ]
        assert "gravel" not in str(page)


async def test_nearby_offers_open_requests_of_the_same_service_within_its_radius(
    client: httpx.AsyncClient, agent: dict[str, str], manager: dict[str, str], admin: dict[str, str]
) -> None:
    lat, long = float(str(BALTIMORE["lat"])), float(str(BALTIMORE["long"]))

    async def pothole_at(north: float, **body: Any) -> str:
        place = {"lat": lat + north, "long": long}
        created = await open_request(client, agent, **pothole_body(location=place, **body))
        return str(created["id"])

    here = await pothole_at(0)
    close = await pothole_at(NORTH_100_M)
    far = await pothole_at(4 * NORTH_100_M)  # 400 m: beyond the default 150 m
    closed = await pothole_at(0)
    await post_with_etag(client, manager, closed, "/transitions",
                         {"to": "closed", "reason": "resolved", "note": "Done."})  # fmt: skip
    street = {"service_code": "trm-street-repairs", "location": {"lat": lat, "long": long}}
    await open_request(client, agent, **street)  # same group, another service
    query: dict[str, Any] = {
        "service_code": "trm-pothole-repair",
        "lat": lat + NORTH_100_M / 4,
        "lon": long,
    }
    for lang in ("en", "es"):
        found = await read(client, "/requests/nearby", lang, **query)
        assert numbers(found) == [here, close]
        assert all(set(item) == ITEM and item["status"] == "new" for item in found)
    await set_service(client, admin, "trm-pothole-repair", duplicate_radius_m=500)
    wider = await read(client, "/requests/nearby", **query)
    assert numbers(wider) == [here, close, far]
    query["lat"] = lat + 4 * NORTH_100_M
    assert numbers(await read(client, "/requests/nearby", **query))[0] == far


async def test_nearby_measures_from_the_block_so_probing_finds_no_house(
    client: httpx.AsyncClient, agent: dict[str, str], admin: dict[str, str]
) -> None:
    """A block service's request is offered by the distance to its block's middle: a point 141 m
    from the house but 258 m from the middle finds nothing, and the reverse finds it."""
    await set_service(client, admin, "sw-dirty-alley", public_location="block")
    number = (await open_request(client, agent))["id"]
    house, middle = HOME_POINT, (39.285, -76.585)
    beyond_the_house = [h + 1.2 * (h - m) for h, m in zip(house, middle, strict=True)]
    beyond_the_middle = [m - 1.2 * (h - m) for h, m in zip(house, middle, strict=True)]
    query = {"service_code": "sw-dirty-alley"}
    lat, lon = beyond_the_house
    assert await read(client, "/requests/nearby", **query, lat=lat, lon=lon) == []
    lat, lon = beyond_the_middle
    found = await read(client, "/requests/nearby", **query, lat=lat, lon=lon)
    assert numbers(found) == [number]
    assert (found[0]["lat"], found[0]["lon"]) == middle
