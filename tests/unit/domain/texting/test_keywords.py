"""Carrier keywords are whole texts, in any case, with stray spaces and end punctuation."""

import pytest

from domain.texting.keywords import Keyword, KeywordText, keyword_in
from domain.texting.wording import answer_to


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("STOP", KeywordText(Keyword.STOP, None)),
        ("stop", KeywordText(Keyword.STOP, None)),
        ("  Stop. ", KeywordText(Keyword.STOP, None)),
        ("stop all", KeywordText(Keyword.STOP, None)),
        ("Unsubscribe", KeywordText(Keyword.STOP, None)),
        ("quit!", KeywordText(Keyword.STOP, None)),
        ("cancel", KeywordText(Keyword.STOP, None)),
        ("end", KeywordText(Keyword.STOP, None)),
        ("Opt out", KeywordText(Keyword.STOP, None)),
        ("parar", KeywordText(Keyword.STOP, "es")),
        ("¡Alto!", KeywordText(Keyword.STOP, "es")),
        ("start", KeywordText(Keyword.START, None)),
        ("UNSTOP", KeywordText(Keyword.START, None)),
        ("help?", KeywordText(Keyword.HELP, "en")),
        ("Ayuda", KeywordText(Keyword.HELP, "es")),
    ],
)
def test_a_keyword_alone_is_recognised(body: str, expected: KeywordText) -> None:
    assert keyword_in(body) == expected


@pytest.mark.parametrize(
    "body",
    ["please stop the noise", "stop sign down at Main and 3rd", "", "STOPP", "help me " * 10],
)
def test_a_keyword_inside_a_longer_text_is_a_message(body: str) -> None:
    assert keyword_in(body) is None


def test_every_keyword_has_an_answer_in_english_and_spanish() -> None:
    for keyword in Keyword:
        english, spanish = answer_to(keyword, "en"), answer_to(keyword, "es")
        assert english != spanish
        assert "311" in english and "311" in spanish
    assert "STOP" in answer_to(Keyword.HELP, "en") and "PARAR" in answer_to(Keyword.HELP, "es")
    assert answer_to(Keyword.STOP, "fr") == answer_to(Keyword.STOP, "en")
