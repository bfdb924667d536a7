"""The language of an answer: `lang` when we serve it, else the best of Accept-Language we serve,
else the catalog's own. Answers that depend on it say so (`Vary`, `Content-Language`), so no
cache hands one language's body to a caller who asked for another."""

from typing import Annotated

from fastapi import Depends, Header, Query, Response
from starlette.datastructures import MutableHeaders

from api.deps import ContainerDep

LANG_PATTERN = r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$"
MAX_RANGES = 50  # an Accept-Language header longer than this is read no further


def accepted_languages(header: str | None) -> list[str]:
    """The language ranges of an Accept-Language header, most wanted first (RFC 9110 q-values;
    equal ones keep their order). q=0 means "not this one": such ranges are left out."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate((header or "").split(",")[:MAX_RANGES]):
        tag, *parameters = (piece.strip() for piece in part.split(";"))
        quality = 1.0
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                quality = _quality(value)
        if tag and 0 < quality <= 1:
            ranked.append((-quality, position, tag))
    return [tag for _, _, tag in sorted(ranked)]


def _quality(value: str) -> float:
    try:
        return float(value.strip())
    except ValueError:
        return 0.0


def mark_language(headers: MutableHeaders, language: str) -> None:
    headers["Content-Language"] = language
    vary = headers.get("Vary", "")
    if "accept-language" not in vary.lower():
        headers["Vary"] = f"{vary}, Accept-Language" if vary else "Accept-Language"


def pick_language(container: ContainerDep, lang: str | None, accept_language: str | None) -> str:
    wanted = ([lang] if lang else []) + accepted_languages(accept_language)
    return container.settings.catalog_languages.pick(wanted)


LangQuery = Annotated[
    str | None,
    Query(
        max_length=35,
        pattern=LANG_PATTERN,
        description="The language to answer in (e.g. `es`); wins over Accept-Language. "
        "A language the city does not serve falls back to Accept-Language, then the default.",
    ),
]
AcceptLanguage = Annotated[
    str | None,
    Header(
        max_length=1000,
        description="Preferred languages with q-values (RFC 9110), e.g. `es-MX, es;q=0.9`",
    ),
]


def answer_language(
    response: Response,
    container: ContainerDep,
    lang: LangQuery = None,
    accept_language: AcceptLanguage = None,
) -> str:
    language = pick_language(container, lang, accept_language)
    mark_language(response.headers, language)
    return language


LanguageDep = Annotated[str, Depends(answer_language)]
