"""What the API refuses is declared: no NUL in text parameters, the translation languages as an
enum, no blank search."""

import httpx
import pytest
from fastapi import FastAPI

from api.app import create_app
from api.bootstrap import Container
from api.settings import Settings
from api.spec_constraints import NO_NUL, NOT_BLANK
from tests.problems import problem


def parameters(app: FastAPI) -> list[tuple[str, dict]]:  # type: ignore[type-arg]
    found = []
    for path, item in app.openapi()["paths"].items():
        for operation in item.values():
            found += [(path, p) for p in operation.get("parameters", [])]
    return found


def test_every_text_parameter_says_what_it_accepts(app: FastAPI) -> None:
    texts = 0
    for path, parameter in parameters(app):
        if parameter["in"] not in ("query", "path"):
            continue
        schema = parameter["schema"]
        for option in [schema, *schema.get("anyOf", [])]:
            if option.get("type") == "string":
                texts += 1
                assert {"pattern", "enum", "format"} & option.keys(), (path, parameter["name"])
    assert texts > 100
    assert any(p["schema"].get("pattern") == NO_NUL for _, p in parameters(app))


def test_translation_languages_are_the_ones_the_city_translates_into(
    settings: Settings, container: Container
) -> None:
    app = create_app(settings.model_copy(update={"languages": "en,es,fr"}), container)
    languages = [p["schema"] for path, p in parameters(app) if p["name"] == "language"]
    translated = [s for s in languages if "enum" in s]
    assert len(translated) == 12
    assert all(s["enum"] == ["es", "fr"] for s in translated)


async def test_a_blank_article_search_is_refused_as_declared(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    declared = next(
        p for path, p in parameters(app) if path == "/api/v1/public/articles" and p["name"] == "q"
    )
    assert declared["schema"]["anyOf"][0]["pattern"] == NOT_BLANK
    problem(await client.get("/api/v1/public/articles", params={"q": " \t "}), 422)
    assert (await client.get("/api/v1/public/articles", params={"q": " pothole "})).is_success


@pytest.mark.parametrize("name", ["   ", "a\x00b"])
async def test_a_blank_or_unstorable_name_is_refused(
    client: httpx.AsyncClient, admin: dict[str, str], name: str
) -> None:
    answer = await client.post(
        "/api/v1/departments", json={"code": "blank-name", "name": name}, headers=admin
    )
    problem(answer, 422)
