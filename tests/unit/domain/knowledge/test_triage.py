"""Triage: emergencies and social-service needs from a caller's words; likely services."""

import pytest

from domain.directory.catalog import Service, SlaPolicy
from domain.knowledge.triage import (
    TermKind,
    TriageTerm,
    assess,
    new_term,
    suggest_services,
)
from domain.shared.errors import ValidationFailed

E, S, B = TermKind.EMERGENCY, TermKind.SOCIAL_SERVICES, TermKind.BENIGN
TERMS = [
    TriageTerm(1, '"not breathing"', E, "en"),
    TriageTerm(2, "no respira", E, "es"),
    TriageTerm(3, "fire", E, "en"),
    TriageTerm(4, "can't breathe", E, "en"),
    TriageTerm(5, "dolor de pecho", E, "es"),
    TriageTerm(6, "fire hydrant", B, "en"),
    TriageTerm(7, "homeless", S, "en"),
    TriageTerm(8, "ayuda con la renta", S, "es"),
    TriageTerm(9, "desalojo", S, "es"),
]


@pytest.mark.parametrize(
    ("text", "emergency", "social"),
    [
        ("My father is NOT breathing!", ["NOT breathing"], []),
        ("mi papá no respira", ["no respira"], []),
        ("tiene DOLOR de pécho", ["DOLOR de pécho"], []),
        ("he cant breathe", ["cant breathe"], []),
        ("He can\u2019t breathe", ["can\u2019t breathe"], []),
        ("hay un bache enorme en la calle", [], []),
        ("bache", [], []),
        ("The fire hydrant is leaking", [], []),
        ("a fire next to the fire hydrant", ["fire"], []),
        ("firefighters came by", [], []),
        ("breathing is fine, not worried", [], []),
        ("I am homeless and need ayuda con la renta", [], ["homeless", "ayuda con la renta"]),
        ("no respira y hay fuego... desalojo", ["no respira"], ["desalojo"]),
    ],
)
def test_assess(text: str, emergency: list[str], social: list[str]) -> None:
    found = assess(text, TERMS)
    assert list(found.emergency_terms) == emergency
    assert list(found.social_services_terms) == social
    assert found.emergency is bool(emergency)
    assert found.social_services is bool(social)


def test_new_terms_are_checked() -> None:
    term = new_term("  No   Respira ", E, "ES")
    assert (term.term, term.folded, term.language) == ("No Respira", "no respira", "es")
    for bad in ("", " !! ", "x" * 201, " ".join(["w"] * 9)):
        with pytest.raises(ValidationFailed, match="term: must hold 1 to 8 words"):
            new_term(bad, E, "en")
    with pytest.raises(ValidationFailed, match="language"):
        new_term("fire", E, "English")


def service(
    code: str, name: str, *keywords: str, type_name: str = "", active: bool = True
) -> Service:
    return Service(
        code,
        name,
        "dept",
        SlaPolicy(24),
        type_name=type_name,
        keywords=list(keywords),
        active=active,
    )


CATALOG = [
    service("trs-parking-complaint", "Illegal parking", "parking", "hydrant", "driveway"),
    service("ww-water-leak-exterior", "Water leak outside", "water leak", "main break"),
    service("ww-water-no-water", "No water", "no water", "tap"),
    service("trm-pothole-repair", "Pothole", "pothole", "road", type_name="TRM-Pothole Repair"),
    service("sw-old", "Retired service", "pothole", active=False),
]


def test_services_by_shared_words_and_keyword_phrases() -> None:
    assert suggest_services("The fire hydrant is leaking water", CATALOG, []) == [
        "ww-water-leak-exterior",  # water, leak(ing)
        "trs-parking-complaint",  # hydrant
        "ww-water-no-water",  # water
    ]
    assert suggest_services("there is no water at my tap", CATALOG, [])[0] == "ww-water-no-water"
    assert suggest_services("two potholes on the road", CATALOG, []) == ["trm-pothole-repair"]
    assert suggest_services("hello there", CATALOG, []) == []


def test_services_of_suggested_articles_count_by_the_article_rank() -> None:
    related = [["trm-pothole-repair"], ["ww-water-no-water"], []]
    assert suggest_services("hay un bache en mi calle", CATALOG, related) == [
        "trm-pothole-repair",
        "ww-water-no-water",
    ]
