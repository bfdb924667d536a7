"""Answers for residents: search across articles and services, public articles in the
visitor's language (English where untranslated), and "Was this helpful?"."""

from typing import Any

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.api.public.support import PUBLIC, read, write_article
from tests.problems import problem


async def article_id(client: httpx.AsyncClient, slug: str, agent: dict[str, str]) -> int:
    answer = await client.get("/api/v1/articles", params={"limit": 50}, headers=agent)
    items = answer.json()["items"]
    while not any(i["slug"] == slug for i in items) and answer.json()["next_offset"]:
        params = {"limit": 50, "offset": answer.json()["next_offset"]}
        answer = await client.get("/api/v1/articles", params=params, headers=agent)
        items += answer.json()["items"]
    return int(next(i["id"] for i in items if i["slug"] == slug))


async def test_search_finds_articles_and_services_in_the_visitor_s_language(
    client: httpx.AsyncClient,
) -> None:
    english = await read(client, "/search", "en", q="pothole")
    assert english["articles"][0]["title"] == "How to report a pothole"
    assert "<mark>" in english["articles"][0]["snippet"]
    assert english["services"][0] == {
        "code": "trm-pothole-repair",
        "name": "Pothole",
        "description": english["services"][0]["description"],
        "group": "Streets",
    }
    spanish = await read(client, "/search", "es", q="baches")
    assert spanish["articles"][0]["title"] == "Cómo reportar un bache"
    assert spanish["services"][0]["code"] == "trm-pothole-repair"
    assert (spanish["services"][0]["name"], spanish["services"][0]["group"]) == ("Bache", "Calles")
    assert "How to report a pothole" not in [a["title"] for a in spanish["articles"]]


async def test_an_untranslated_article_comes_in_english_and_a_translated_one_never_twice(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    only_english = await write_article(
        client, admin, title="Zorblax festival road closures", status="published"
    )
    for lang in ("en", "es"):
        found = await read(client, "/search", lang, q="zorblax")
        assert [a["id"] for a in found["articles"]] == [only_english["id"]]
        listed = await read(client, "/articles", lang, limit=50)
        assert only_english["id"] in [a["id"] for a in listed]
    spanish_list = await read(client, "/articles", "es", limit=50)
    titles = [a["title"] for a in spanish_list]
    assert "Cómo reportar un bache" in titles
    assert "How to report a pothole" not in titles
    english_list = await read(client, "/articles", "en", limit=50)
    assert "Cómo reportar un bache" not in [a["title"] for a in english_list]


async def test_an_article_is_read_in_the_visitor_s_language_and_counted_as_a_view(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    english_id = await article_id(client, "pothole", agent)
    english = await read(client, f"/articles/{english_id}", "en")
    assert (english["id"], english["language"]) == (english_id, "en")
    assert english["title"] == "How to report a pothole"
    assert english["service_codes"] == ["trm-pothole-repair"]
    assert "## " in english["body"]  # Markdown, as written
    spanish = await read(client, f"/articles/{english_id}", "es")
    assert (spanish["language"], spanish["title"]) == ("es", "Cómo reportar un bache")
    assert spanish["id"] != english_id
    assert set(spanish) == {"id", "title", "summary", "body", "language", "updated_at",
                            "service_codes"}  # fmt: skip
    staff = (await client.get(f"/api/v1/articles/{english_id}", headers=agent)).json()
    assert staff["view_count"] == 1  # the public English read; the Spanish one is its own


async def hidden_articles(client: httpx.AsyncClient, admin: dict[str, str]) -> list[int]:
    draft = await write_article(client, admin, title="Quuxhidden draft plans")
    internal = await write_article(
        client, admin, title="Quuxhidden agent script", audience="internal", status="published"
    )
    archived = await write_article(client, admin, title="Quuxhidden old rule", status="published")
    etag = (await client.get(f"/api/v1/articles/{archived['id']}", headers=admin)).headers["ETag"]
    headers = {**admin, "If-Match": etag}
    moved = await client.post(
        f"/api/v1/articles/{archived['id']}/transitions", json={"to": "archived"}, headers=headers
    )
    assert moved.status_code == 200, moved.text
    return [draft["id"], internal["id"], archived["id"]]


async def test_drafts_internal_and_archived_articles_are_not_there(
    client: httpx.AsyncClient, admin: dict[str, str], seeded: AsyncEngine
) -> None:
    hidden = await hidden_articles(client, admin)
    for lang in ("en", "es"):
        assert (await read(client, "/search", lang, q="quuxhidden"))["articles"] == []
        assert await read(client, "/articles", lang, q="quuxhidden") == []
        listed = await read(client, "/articles", lang, limit=50)
        assert not set(hidden) & {a["id"] for a in listed}
    for article in hidden:
        body = problem(await client.get(f"{PUBLIC}/articles/{article}"), 404)
        assert "Quuxhidden" not in str(body)
        answer = await client.post(f"{PUBLIC}/articles/{article}/feedback", json={"helpful": True})
        problem(answer, 404)
    problem(await client.get(f"{PUBLIC}/articles/999999"), 404)
    async with seeded.connect() as db:
        assert await db.scalar(text("SELECT count(*) FROM article_feedback")) == 0


async def test_feedback_is_counted_and_only_staff_see_the_counts(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    article = await article_id(client, "pothole", agent)
    for helpful in (True, True, False):
        answer = await client.post(
            f"{PUBLIC}/articles/{article}/feedback", json={"helpful": helpful}
        )
        assert answer.status_code == 204, answer.text
        assert answer.content == b""
    staff: dict[str, Any] = (await client.get(f"/api/v1/articles/{article}", headers=agent)).json()
    assert staff["feedback"] == {"helpful": 2, "not_helpful": 1}
    anonymous = (await client.get(f"/api/v1/articles/{article}")).json()
    assert anonymous["feedback"] is None
    assert "feedback" not in await read(client, f"/articles/{article}")
    other = await article_id(client, "trash-collection-day", agent)
    other_staff = (await client.get(f"/api/v1/articles/{other}", headers=agent)).json()
    assert other_staff["feedback"] == {"helpful": 0, "not_helpful": 0}


async def test_bad_feedback_is_refused_and_nothing_is_counted(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    article = await article_id(client, "pothole", agent)
    url = f"{PUBLIC}/articles/{article}/feedback"
    for body in ({"helpful": "yes"}, {"helpful": 1}, {}, {"helpful": True, "who": "me"}, [True]):
        problem(await client.post(url, json=body), 422)
    problem(
        await client.post(url, content=b"{helpful", headers={"content-type": "application/json"}),
        400,
    )
    problem(await client.post(f"{PUBLIC}/articles/0/feedback", json={"helpful": True}), 422)
    problem(await client.post(f"{PUBLIC}/articles/abc/feedback", json={"helpful": True}), 422)
    async with seeded.connect() as db:
        assert await db.scalar(text("SELECT count(*) FROM article_feedback")) == 0


async def test_a_spanish_visitor_typing_english_words_finds_the_service_in_spanish(
    client: httpx.AsyncClient,
) -> None:
    found = await read(client, "/search", "es", q="pothole")
    assert found["services"][0]["code"] == "trm-pothole-repair"
    assert (found["services"][0]["name"], found["services"][0]["group"]) == ("Bache", "Calles")
