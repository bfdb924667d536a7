"""What the portal's read tests share: the paths, and a reader that checks every answer."""

from typing import Any

import httpx

PUBLIC = "/api/v1/public"
LANGUAGES = ("en", "es")


async def read(client: httpx.AsyncClient, path: str, lang: str | None = "en", **params: Any) -> Any:
    """A 200 JSON answer in `lang` (None: an answer in no language), read without any token
    or cookie."""
    asked = params if lang is None else {"lang": lang, **params}
    answer = await client.get(f"{PUBLIC}{path}", params=asked)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/json"
    if lang is not None:
        assert answer.headers["content-language"] == lang
        assert "accept-language" in answer.headers["vary"].lower()
    assert "set-cookie" not in answer.headers
    return answer.json()


async def write_article(
    client: httpx.AsyncClient, admin: dict[str, str], **fields: Any
) -> dict[str, Any]:
    body = {"title": "Sample", "summary": "A sample", "body": "Body", **fields}
    answer = await client.post("/api/v1/articles", json=body, headers=admin)
    assert answer.status_code == 201, answer.text
    created: dict[str, Any] = answer.json()
    return created
