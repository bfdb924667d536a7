"""Every list the API answers is bounded: a `limit` (or `page_size`) with a maximum, or an
`x-bounded` reason in the OpenAPI document (api/list_bounds.py)."""

from typing import Any

from fastapi import FastAPI

from api.list_bounds import BOUNDED_LISTS

LIST_NAMES = {"items", "features", "requests"}
LIMIT_NAMES = {"limit", "page_size"}


def _resolve(schema: dict[str, Any], components: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def returns_a_list(schema: dict[str, Any], components: dict[str, Any]) -> bool:
    schema = _resolve(schema, components)
    if schema.get("type") == "array":
        return True
    for name, field in schema.get("properties", {}).items():
        if name in LIST_NAMES and _resolve(field, components).get("type") == "array":
            return True
    return any(returns_a_list(s, components) for s in schema.get("anyOf", []))


def lists(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    components = document["components"]["schemas"]
    found = {}
    for path, item in document["paths"].items():
        operation = item.get("get")
        if operation is None:
            continue
        content = operation["responses"].get("200", {}).get("content", {})
        streamed = any("csv" in kind or "geo+json" in kind for kind in content)
        schemas = [c.get("schema", {}) for c in content.values()]
        if streamed or any(returns_a_list(schema, components) for schema in schemas):
            found[f"GET {path}"] = operation
    return found


def maximum(parameter: dict[str, Any]) -> int | None:
    schema = parameter.get("schema", {})
    for option in [schema, *schema.get("anyOf", [])]:
        if "maximum" in option:
            return int(option["maximum"])
    return None


def test_every_list_has_a_bounded_limit_or_says_why_it_is_bounded(app: FastAPI) -> None:
    found = lists(app.openapi())
    assert len(found) > 40
    unbounded = []
    for name, operation in found.items():
        limits = [p for p in operation.get("parameters", []) if p["name"] in LIMIT_NAMES]
        if "x-bounded" in operation:
            continue
        if not limits or any(maximum(p) is None for p in limits):
            unbounded.append(name)
    assert unbounded == []


def test_every_bounded_reason_names_a_list_without_a_limit(app: FastAPI) -> None:
    found = lists(app.openapi())
    assert set(BOUNDED_LISTS) <= set(found)
    for name in BOUNDED_LISTS:
        names = {p["name"] for p in found[name].get("parameters", [])}
        if not name.startswith("GET /open311/"):
            assert not names & LIMIT_NAMES, name
        assert found[name]["x-bounded"] == BOUNDED_LISTS[name]
