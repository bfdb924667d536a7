"""From a search text to query groups: stems, stop words, corrections, how many must match."""

import pytest

from domain.knowledge.search import Analysis, QueryPlan, lookups, plan, query_words
from domain.knowledge.synonyms import synonyms


def analysis(vocabulary: set[str], **lexemes: list[list[str]]) -> Analysis:
    return Analysis(lexemes, frozenset(vocabulary))


def test_query_words_are_folded_unique_and_capped() -> None:
    assert query_words("  Cómo reportar un BACHE, un bache!  a ") == [
        "como",
        "reportar",
        "un",
        "bache",
    ]
    assert query_words(" ".join(f"w{i}" for i in range(30))) == [f"w{i}" for i in range(10)]
    assert query_words("w1 w2 w3", limit=2) == ["w1", "w2"]
    assert query_words("!&|:*() '); --") == []


def test_lookups_hold_each_word_and_its_deletions() -> None:
    assert lookups(["bus", "bach"]) == {"bus", "bach", "ach", "bch", "bah", "bac"}


def test_stems_make_groups_and_stop_words_drop_out() -> None:
    found = plan(
        ["the", "potholes", "streets"],
        analysis({"potholes", "streets"}, the=[[]], potholes=[["pothol"]], streets=[["street"]]),
    )
    assert found == QueryPlan((("pothol",), ("street",)), ("the", "potholes", "streets"))
    assert found.required == 2


def test_a_stop_word_in_any_configuration_drops_out() -> None:
    found = plan(
        ["no", "agua"], analysis({"no", "agua"}, no=[["no"], []], agua=[["agua"], ["agu"]])
    )
    assert found.groups == (("agu", "agua"),)


def test_an_unknown_word_also_matches_its_corrections() -> None:
    found = plan(
        ["graffitti", "wall"],
        analysis(
            {"graffiti", "wall"},
            graffitti=[["graffitti"]],
            graffiti=[["graffiti"]],
            wall=[["wall"]],
        ),
    )
    assert found.groups == (("graffiti", "graffitti"), ("wall",))


def test_a_word_also_matches_its_synonyms() -> None:
    found = plan(
        ["trash", "pickup"],
        analysis(
            set(),
            trash=[["trash"]],
            pickup=[["pickup"]],
            collection=[["collect"]],
            the=[[]],
        ),
        synonyms={"pickup": ["collection", "the"]},  # a stop word adds nothing
    )
    assert found.groups == (("trash",), ("collect", "pickup"))
    assert found.lexemes == ["collect", "pickup", "trash"]


@pytest.mark.parametrize(
    ("word", "language", "others"),
    [
        ("pickup", "en", ["collection", "collected", "picked"]),
        ("pickups", "en-US", ["collection", "collected", "picked"]),
        ("collecting", "en", ["pickup", "collection", "picked"]),
        ("recoleccion", "es", ["recogida", "recoger", "recolectar"]),
        ("horario", None, ["calendario"]),
        ("horario", "en", []),
        ("pothole", "en", []),
    ],
)
def test_synonyms_by_stem_and_language(word: str, language: str | None, others: list[str]) -> None:
    assert synonyms(word, language) == others


def test_descriptions_are_not_corrected_and_need_one_word() -> None:
    found = plan(
        ["father", "breathing"],
        analysis({"rather"}, father=[["father"]], rather=[["rather"]], breathing=[["breath"]]),
        loose=True,
    )
    assert found.groups == (("father",), ("breath",))
    assert found.required == 1


def test_only_stop_words_match_titles_by_the_words_themselves() -> None:
    found = plan(["como", "la"], analysis({"como"}, como=[[]], la=[[]]))
    assert found == QueryPlan((("como",), ("la",)), ("como", "la"), title_only=True)


def test_more_than_half_of_the_groups_must_match() -> None:
    def required(count: int) -> int:
        return QueryPlan(tuple((f"g{i}",) for i in range(count)), ()).required

    assert [required(n) for n in range(1, 7)] == [1, 2, 2, 3, 3, 4]
    assert QueryPlan((), ()).is_empty


def test_a_word_longer_than_any_word_is_not_searched() -> None:
    """PostgreSQL refuses a tsquery word of 2,048 bytes: such a "word" must not reach it."""
    assert query_words("bache " + "0" * 3700 + " " + "x" * 100) == ["bache", "x" * 100]
