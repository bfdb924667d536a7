"""Accept-Language as RFC 9110 reads it: ranges by q-value, best first."""

import pytest
from starlette.datastructures import MutableHeaders

from api.language import accepted_languages, mark_language


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("es-MX, es;q=0.9, en;q=0.8", ["es-MX", "es", "en"]),
        ("en;q=0.5, es", ["es", "en"]),
        ("fr;q=0.8, de;q=0.8, es;q=0.9", ["es", "fr", "de"]),
        ("es;q=0, en", ["en"]),
        ("es;q=bad, en;q=0.1", ["en"]),
        ("es;q=2, en", ["en"]),
        (" , ;q=1, en ", ["en"]),
        ("ES ; Q=0.3, en;q=0.2", ["ES", "en"]),
        (None, []),
    ],
)
def test_ranges_come_best_first(header: str | None, expected: list[str]) -> None:
    assert accepted_languages(header) == expected


def test_a_long_header_is_read_no_further_than_fifty_ranges() -> None:
    header = ", ".join(["xx;q=0.1"] * 60 + ["es"])
    assert "es" not in accepted_languages(header)


def test_the_answer_says_it_varies_by_language_once() -> None:
    headers = MutableHeaders({"Vary": "Origin"})
    mark_language(headers, "es")
    mark_language(headers, "es")
    assert headers["Vary"] == "Origin, Accept-Language"
    assert headers["Content-Language"] == "es"
