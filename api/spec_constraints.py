"""Constraints the API enforces that the routes' types alone do not say, written into the
OpenAPI document so that what it allows is what the API accepts.

- Text PostgreSQL cannot store: a NUL character in any text parameter is refused (422), so
  every string parameter without a pattern of its own declares NO_NUL.
- The `{language}` of a translation is one the city translates into (FRONTDOOR_LANGUAGES
  without the catalog's own): an enum, from the settings the app was built with.
"""

from typing import Any

NO_NUL = "^[^\\u0000]*$"
# Some character that str.strip() keeps (its whitespace: Unicode White_Space and \x1c-\x1f),
# and no NUL: text that is not blank once trimmed. The same in ECMA, Python and Rust regex.
NOT_BLANK = "^[^\\x00]*[^\\s\\x00\\x1c-\\x1f\\x85][^\\x00]*$"
TRANSLATION_PATH = "/translations/{language}"


def _strings(schema: dict[str, Any]) -> list[dict[str, Any]]:
    options = [schema, *schema.get("anyOf", [])]
    return [option for option in options if option.get("type") == "string"]


def _parameters(document: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    found = []
    for path, item in document.get("paths", {}).items():
        for operation in item.values():
            if isinstance(operation, dict):
                found += [(path, p) for p in operation.get("parameters", [])]
    return found


def declare_no_nul(document: dict[str, Any]) -> None:
    for _, parameter in _parameters(document):
        if parameter.get("in") not in ("query", "path"):
            continue
        for text in _strings(parameter.get("schema", {})):
            if not {"pattern", "enum", "format", "const"} & text.keys():
                text["pattern"] = NO_NUL


def declare_translation_languages(document: dict[str, Any], languages: tuple[str, ...]) -> None:
    if not languages:
        return  # a city that translates into nothing: every translation is refused
    for path, parameter in _parameters(document):
        if path.endswith(TRANSLATION_PATH) and parameter["name"] == "language":
            parameter["schema"]["enum"] = list(languages)
