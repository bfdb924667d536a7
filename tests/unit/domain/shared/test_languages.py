"""Which served language answers a caller, and which languages take translations."""

import pytest

from domain.shared.errors import ValidationFailed
from domain.shared.languages import Languages, normalise_tag

CITY = Languages("en", ("es", "zh-hant"))


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [
        (["es"], "es"),
        (["es-MX"], "es"),
        (["ES_mx"], "es"),
        (["fr", "es"], "es"),
        (["zh-Hant-TW"], "en"),  # only the primary language is tried after the whole tag
        (["zh-Hant"], "zh-hant"),
        (["de", "*"], "en"),
        (["not a tag", "es"], "es"),
        ([], "en"),
    ],
)
def test_the_first_wanted_language_we_serve_answers(wanted: list[str], expected: str) -> None:
    assert CITY.pick(wanted) == expected


def test_normalised_tags() -> None:
    assert normalise_tag(" es_MX ") == "es-mx"
    assert normalise_tag("e") is None
    assert normalise_tag("es!") is None
    assert normalise_tag("x" * 40) is None


def test_translations_are_into_served_languages_other_than_the_default() -> None:
    assert CITY.require_translatable("ES") == "es"
    for language in ("en", "fr", "es-mx", "?"):
        with pytest.raises(ValidationFailed) as refused:
            CITY.require_translatable(language)
        assert refused.value.errors[0].field == "language"
