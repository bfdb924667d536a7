"""GeoReport v2 `locale`: the language of names and descriptions; else Accept-Language."""

from typing import Annotated

from fastapi import Query
from fastapi.responses import Response

from api.bootstrap import Container
from api.language import mark_language, pick_language
from api.open311.errors import Open311Error
from api.open311.queries import optional
from domain.shared.languages import normalise_tag

Locale = Annotated[
    str | None,
    Query(
        description="The language of service names, descriptions and attributes (`es`, `es-MX`,"
        " `es_MX`); without it, Accept-Language; then the city's default language"
    ),
]


def open311_language(container: Container, locale: str | None, accept_language: str | None) -> str:
    given = optional(locale)
    if given is not None and normalise_tag(given) is None:
        raise Open311Error(400, "locale must be a language tag such as es or es-MX")
    return pick_language(container, given, accept_language)


def in_language(answer: Response, language: str) -> Response:
    mark_language(answer.headers, language)
    return answer
