"""The services a resident may report on the portal: active ones, translated, with their
questions, and ranked by how often they were requested in the last 90 days."""

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.api.open_data.support import seed_requests, set_service
from tests.api.public.support import PUBLIC, read
from tests.problems import problem

SERVICE = {"code", "name", "description", "group", "popular_rank", "anonymous_allowed",
           "attributes"}  # fmt: skip
ATTRIBUTE = {"code", "datatype", "variable", "required", "description", "order",
             "datatype_description", "values"}  # fmt: skip


async def test_active_services_come_translated_with_their_questions(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    await set_service(client, admin, "trm-snow-icy-conditions", active=False)
    english = await read(client, "/services", "en")
    spanish = await read(client, "/services", "es")
    assert [s["code"] for s in english] and len(english) == len(spanish)
    assert "trm-snow-icy-conditions" not in [s["code"] for s in english + spanish]
    assert all(set(s) == SERVICE for s in english + spanish)
    pothole = next(s for s in english if s["code"] == "trm-pothole-repair")
    bache = next(s for s in spanish if s["code"] == "trm-pothole-repair")
    assert (pothole["name"], pothole["group"]) == ("Pothole", "Streets")
    assert (bache["name"], bache["group"]) == ("Bache", "Calles")
    assert all(set(a) == ATTRIBUTE for a in pothole["attributes"])
    size = next(a for a in bache["attributes"] if a["code"] == "pothole_size")
    assert size["datatype"] == "singlevaluelist"
    assert size["description"] == "¿Qué tan grande es el bache?"
    assert {"key": "small", "name": "Más pequeño que un plato"} in size["values"]
    assert [a["order"] for a in pothole["attributes"]] == sorted(
        a["order"] for a in pothole["attributes"]
    )
    assert await read(client, "/services/trm-pothole-repair", "es") == bache
    problem(await client.get(f"{PUBLIC}/services/trm-snow-icy-conditions"), 404)


async def test_the_most_requested_services_of_the_last_90_days_rank_first(
    client: httpx.AsyncClient, seeded: AsyncEngine
) -> None:
    await seed_requests(seeded, 3, "sw-dirty-alley")
    await seed_requests(seeded, 2, "trm-pothole-repair",
                        id="'P-' || n", requested_at="now() - n * interval '1 hour'")  # fmt: skip
    await seed_requests(seeded, 9, "trm-street-repairs",
                        id="'S-' || n", requested_at="now() - interval '91 days'")  # fmt: skip
    ranks = {s["code"]: s["popular_rank"] for s in await read(client, "/services", "es")}
    assert ranks["sw-dirty-alley"] == 1
    assert ranks["trm-pothole-repair"] == 2
    assert ranks["trm-street-repairs"] is None  # its requests are all older
    assert sorted(r for r in ranks.values() if r is not None) == [1, 2]
    one = await read(client, "/services/trm-pothole-repair")
    assert one["popular_rank"] == 2
