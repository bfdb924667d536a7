"""The knowledge base through the API: who reads and writes what, versions, search, bad input."""

from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.api.conftest import Login

pytestmark = pytest.mark.smoke

ARTICLES = "/api/v1/articles"
PROBLEM = "application/problem+json"


async def id_of(engine: AsyncEngine, slug: str) -> int:
    async with engine.connect() as db:
        found = await db.scalar(text("SELECT id FROM articles WHERE slug = :s"), {"s": slug})
    assert found is not None
    return int(found)


def refused(answer: httpx.Response, status: int, detail: str | None = None) -> dict[str, Any]:
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == PROBLEM
    body: dict[str, Any] = answer.json()
    if detail is not None:
        assert body["detail"] == detail
    return body


def new_article(**fields: object) -> dict[str, object]:
    body: dict[str, object] = {
        "title": "Fixing a sunken manhole cover",
        "summary": "Report a manhole cover that has sunk below the road.",
        "body": "A **sunken** manhole cover is a road hazard. Report its location.",
        "department": "transportation",
        "services": ["trm-street-repairs"],
        "tags": ["manhole"],
    }
    body.update(fields)
    return body


async def create(
    client: httpx.AsyncClient, headers: dict[str, str], **fields: object
) -> httpx.Response:
    return await client.post(ARTICLES, json=new_article(**fields), headers=headers)


# --- reading without a token ------------------------------------------------------------------


async def test_residents_search_published_public_articles(client: httpx.AsyncClient) -> None:
    answer = await client.get(ARTICLES, params={"q": "potholes", "language": "en"})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    first = body["items"][0]
    assert (first["slug"], first["language"], first["status"], first["audience"]) == (
        "pothole",
        "en",
        "published",
        "public",
    )
    assert "<mark>" in first["snippet"] and first["score"] > 0
    assert set(first) >= {"id", "title", "snippet", "language", "stale", "translation_of"}
    assert body["next_offset"] is None


async def test_spanish_search_ignores_accents_and_stems(client: httpx.AsyncClient) -> None:
    answer = await client.get(ARTICLES, params={"q": "como reportar baches", "language": "es"})
    [first, *_] = answer.json()["items"]
    assert first["title"] == "Cómo reportar un bache"


async def test_misspellings_still_find(client: httpx.AsyncClient) -> None:
    for q in ("pothol", "graffitti"):
        items = (await client.get(ARTICLES, params={"q": q, "language": "en"})).json()["items"]
        assert items[0]["slug"] in {"pothole", "graffiti-removal"}, q


async def test_residents_do_not_see_internal_articles(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    q = {"q": "transfer a caller to 911", "language": "en"}
    public = [i["slug"] for i in (await client.get(ARTICLES, params=q)).json()["items"]]
    staff = [
        i["slug"] for i in (await client.get(ARTICLES, params=q, headers=agent)).json()["items"]
    ]
    assert "agent-emergency-transfer" not in public
    assert staff[0] == "agent-emergency-transfer"
    internal = await id_of(seeded, "agent-emergency-transfer")
    refused(await client.get(f"{ARTICLES}/{internal}"), 404, f"article {internal} was not found")
    assert (await client.get(f"{ARTICLES}/{internal}", headers=agent)).status_code == 200


async def test_an_article_with_its_translation_and_etag(
    client: httpx.AsyncClient, seeded: AsyncEngine
) -> None:
    pothole, spanish = await id_of(seeded, "pothole"), await id_of(seeded, "pothole-es")
    answer = await client.get(f"{ARTICLES}/{pothole}")
    assert answer.status_code == 200
    assert answer.headers["etag"] == '"v1"'
    body = answer.json()
    assert body["body"].startswith("A pothole is a hole in the road surface.")
    assert body["translations"] == [
        {"id": spanish, "language": "es", "title": "Cómo reportar un bache"}
    ]
    back = (await client.get(f"{ARTICLES}/{spanish}")).json()
    assert (back["translation_of"], back["translations"][0]["id"]) == (pothole, pothole)
    unchanged = await client.get(f"{ARTICLES}/{pothole}", headers={"If-None-Match": '"v1"'})
    assert unchanged.status_code == 304


async def test_reads_count_as_views(client: httpx.AsyncClient, seeded: AsyncEngine) -> None:
    pothole = await id_of(seeded, "pothole")
    await client.get(f"{ARTICLES}/{pothole}")
    second = (await client.get(f"{ARTICLES}/{pothole}")).json()
    assert (second["view_count"], second["version"]) == (1, 1)  # counted after it was read


async def test_a_bad_token_is_refused_even_where_none_is_needed(
    client: httpx.AsyncClient,
) -> None:
    bad = {"Authorization": "Bearer not-a-token"}
    for path in (ARTICLES, f"{ARTICLES}/1", f"{ARTICLES}/suggestions?text=trash"):
        answer = refused(await client.get(path, headers=bad), 401)
        assert answer["status"] == 401


async def test_lists_flag_stale_articles(client: httpx.AsyncClient) -> None:
    stale = (await client.get(ARTICLES, params={"stale": "true", "language": "en"})).json()
    assert {i["slug"] for i in stale["items"]} == {"snow-and-ice", "parking-ticket"}
    assert all(i["stale"] for i in stale["items"])


async def test_suggestions_by_service_and_text(client: httpx.AsyncClient) -> None:
    by_service = await client.get(
        f"{ARTICLES}/suggestions", params={"service_code": "trm-pothole-repair", "language": "es"}
    )
    assert [i["slug"] for i in by_service.json()["items"]] == ["pothole-es"]
    by_text = await client.get(
        f"{ARTICLES}/suggestions",
        params={"text": "there is a mattress and an old couch in the alley", "language": "en"},
    )
    slugs = [i["slug"] for i in by_text.json()["items"]]
    assert slugs[0] == "bulk-trash-pickup" and len(slugs) <= 5
    refused(await client.get(f"{ARTICLES}/suggestions"), 422)


# --- writing ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "department", "status"),
    [
        ("admin", None, 201),
        ("admin", "water-wastewater", 201),
        ("supervisor", "transportation", 201),
        ("supervisor", None, 201),
        ("manager", "transportation", 201),
        ("manager", "water-wastewater", 403),
        ("manager", None, 403),
        ("staff", "transportation", 403),
        ("agent", "transportation", 403),
    ],
)
async def test_who_may_write(
    client: httpx.AsyncClient, login: Login, role: str, department: str | None, status: int
) -> None:
    headers = await login(f"{role}@example.org")
    answer = await create(client, headers, department=department, status="published")
    assert answer.status_code == status, answer.text
    if status == 201:
        body = answer.json()
        assert (body["status"], body["version"], answer.headers["etag"]) == ("published", 1, '"v1"')
        assert answer.headers["location"] == f"{ARTICLES}/{body['id']}"
    else:
        assert answer.headers["content-type"] == PROBLEM


async def test_writing_needs_a_token(client: httpx.AsyncClient) -> None:
    refused(await client.post(ARTICLES, json=new_article()), 401)


async def test_a_managers_draft_is_seen_by_the_department_only(
    client: httpx.AsyncClient, manager: dict[str, str], staff: dict[str, str], login: Login
) -> None:
    draft = (await create(client, manager)).json()
    path = f"{ARTICLES}/{draft['id']}"
    supervisor = await login("supervisor@example.org")
    assert (await client.get(path, headers=manager)).status_code == 200
    assert (await client.get(path, headers=supervisor)).status_code == 200
    refused(await client.get(path, headers=staff), 404)  # an employee: published only
    refused(await client.get(path), 404)
    listed = await client.get(ARTICLES, params={"status": "draft"}, headers=manager)
    assert [i["id"] for i in listed.json()["items"]] == [draft["id"]]


async def test_edits_keep_versions_and_need_if_match(
    client: httpx.AsyncClient, manager: dict[str, str]
) -> None:
    created = (await create(client, manager)).json()
    path = f"{ARTICLES}/{created['id']}"
    refused(await client.patch(path, json={"title": "New"}, headers=manager), 428)
    stale = {**manager, "If-Match": '"v7"'}
    refused(await client.patch(path, json={"title": "New"}, headers=stale), 412)
    edited = await client.patch(
        path,
        json={"title": "Sunken manhole covers", "tags": ["manhole", "cover"], "review_by": None},
        headers={**manager, "If-Match": '"v1"'},
    )
    assert edited.status_code == 200, edited.text
    assert (edited.headers["etag"], edited.json()["title"]) == ('"v2"', "Sunken manhole covers")
    assert edited.json()["summary"] == created["summary"]
    versions = (await client.get(f"{path}/versions", headers=manager)).json()["items"]
    assert [(v["version"], v["change"], v["title"], v["edited_by_name"]) for v in versions] == [
        (1, "created", "Fixing a sunken manhole cover", "Morgan Manager"),
        (2, "edited", "Sunken manhole covers", "Morgan Manager"),
    ]


async def test_other_roles_may_not_edit(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    pothole = await id_of(seeded, "pothole")
    answer = await client.patch(
        f"{ARTICLES}/{pothole}", json={"title": "x"}, headers={**agent, "If-Match": '"v1"'}
    )
    refused(answer, 403)


async def test_a_manager_may_not_move_an_article_out(
    client: httpx.AsyncClient, manager: dict[str, str]
) -> None:
    created = (await create(client, manager)).json()
    answer = await client.patch(
        f"{ARTICLES}/{created['id']}",
        json={"department": "water-wastewater"},
        headers={**manager, "If-Match": '"v1"'},
    )
    refused(answer, 403)


async def test_transitions(client: httpx.AsyncClient, manager: dict[str, str]) -> None:
    created = (await create(client, manager)).json()
    moves = f"{ARTICLES}/{created['id']}/transitions"
    published = await client.post(
        moves, json={"to": "published"}, headers={**manager, "If-Match": '"v1"'}
    )
    assert (published.status_code, published.json()["status"]) == (200, "published")
    assert published.json()["published_at"] is not None
    back = await client.post(moves, json={"to": "draft"}, headers={**manager, "If-Match": '"v2"'})
    refused(back, 409, "an article cannot go from published to draft")
    archived = await client.post(
        moves, json={"to": "archived"}, headers={**manager, "If-Match": '"v2"'}
    )
    assert archived.json()["status"] == "archived"
    refused(await client.get(f"{ARTICLES}/{created['id']}"), 404)


async def test_translations_are_checked(
    client: httpx.AsyncClient, admin: dict[str, str], seeded: AsyncEngine
) -> None:
    pothole = await id_of(seeded, "pothole")
    french = await create(client, admin, language="fr", translation_of=pothole, status="published")
    assert french.status_code == 201, french.text
    again = await create(client, admin, language="fr", translation_of=pothole)
    refused(again, 409, f"article {pothole} already has a fr translation")
    same = await create(client, admin, language="en", translation_of=pothole)
    assert refused(same, 422)["errors"] == [
        {"field": "language", "message": "must differ from the original's language"}
    ]
    listed = (await client.get(f"{ARTICLES}/{pothole}")).json()["translations"]
    assert [t["language"] for t in listed] == ["es", "fr"]


async def test_slugs_and_references(client: httpx.AsyncClient, admin: dict[str, str]) -> None:
    refused(
        await create(client, admin, slug="pothole"), 409, "another article has the slug pothole"
    )
    unknown = await create(client, admin, department="parks", services=["nope"])
    assert refused(unknown, 422)["errors"] == [
        {"field": "department", "message": "is not a known department"},
        {"field": "services", "message": "unknown service codes: nope"},
    ]


async def test_uses_are_counted_for_staff(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    pothole = await id_of(seeded, "pothole")
    refused(await client.post(f"{ARTICLES}/{pothole}/uses"), 401)
    answer = await client.post(f"{ARTICLES}/{pothole}/uses", headers=agent)
    assert (answer.status_code, answer.content) == (204, b"")
    assert (await client.get(f"{ARTICLES}/{pothole}")).json()["use_count"] == 1
    refused(await client.post(f"{ARTICLES}/999999/uses", headers=agent), 404)


# --- bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "q",
    [
        "'); DROP TABLE articles;--",
        "<script>alert(1)</script>",
        "!&|:*()",
        "pothole:* & !street | (",
        "\\'\\\\",
        "a" * 200,
        "😀 ü ñ",
    ],
)
async def test_hostile_search_text_is_just_text(
    client: httpx.AsyncClient, seeded: AsyncEngine, q: str
) -> None:
    answer = await client.get(ARTICLES, params={"q": q})
    assert answer.status_code == 200, answer.text
    assert "<script>" not in answer.text
    async with seeded.connect() as db:
        assert await db.scalar(text("SELECT count(*) FROM articles")) == 80


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"q": "x" * 201}, "q"),
        ({"language": "english!"}, "language"),
        ({"limit": 0}, "limit"),
        ({"limit": 51}, "limit"),
        ({"offset": -1}, "offset"),
        ({"status": "lost"}, "status"),
        ({"stale": "maybe"}, "stale"),
    ],
)
async def test_bad_list_parameters(
    client: httpx.AsyncClient, params: dict[str, object], field: str
) -> None:
    errors = refused(await client.get(ARTICLES, params=params), 422)["errors"]
    assert [e["field"] for e in errors] == [field]


@pytest.mark.parametrize("path", ["/0", "/-1", "/abc", "/99999999999999999999"])
async def test_bad_article_ids(client: httpx.AsyncClient, path: str) -> None:
    refused(await client.get(ARTICLES + path), 422)


async def test_bad_bodies(client: httpx.AsyncClient, admin: dict[str, str]) -> None:
    json_headers = {**admin, "content-type": "application/json"}
    refused(await client.post(ARTICLES, content=b'{"title": ', headers=json_headers), 400)
    huge = b'{"title": "x", "body": "' + b"y" * (2 * 1024 * 1024) + b'"}'
    refused(await client.post(ARTICLES, content=huge, headers=json_headers), 413)
    cases = [
        ({"title": ""}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"body": "x" * 50_001}, "body"),
        ({"language": "español"}, "language"),
        ({"status": "gone"}, "status"),
        ({"tags": ["x"] * 21}, "tags"),
        ({"translation_of": 0}, "translation_of"),
        ({"unexpected": 1}, "unexpected"),
    ]
    for fields, field in cases:
        errors = refused(await create(client, admin, **fields), 422)["errors"]
        assert errors[0]["field"] == field, (fields, errors)
    archived = refused(await create(client, admin, status="archived"), 422)
    assert archived["errors"] == [
        {"field": "status", "message": "a new article is a draft or published"}
    ]
    control = await create(client, admin, title="no\u0000 NUL\u0002 here")
    assert (control.status_code, control.json()["title"]) == (201, "no NUL here")
