"""Folding, tokenizing, Markdown to text, language tags and spelling correction."""

import pytest

from domain.knowledge.folding import (
    contains_phrase,
    fold,
    normalize_text,
    phrase_tokens,
    tokenize,
)
from domain.knowledge.spelling import (
    corrections,
    deletions,
    distance,
    max_distance,
    stored_deletions,
)
from domain.knowledge.text import normalize_language, plain_text, primary_language, whole_words


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Cómo", "Como"),
        ("Ñandú PÚBLICO", "Nandu PUBLICO"),
        ("señal, pingüino, café, naïve, Ærø", "senal, pinguino, cafe, naive, Ærø"),
        ("Co\u0301mo", "Como"),  # a decomposed accent too
        ("plain ASCII 311", "plain ASCII 311"),
    ],
)
def test_fold_drops_accents_and_keeps_case(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_fold_keeps_the_length_of_precomposed_latin_text() -> None:
    text = "Recolección de basura: día, año, pingüino"
    assert len(fold(text)) == len(text)


def test_normalize_text_composes_and_drops_control_characters() -> None:
    assert normalize_text("Co\u0301mo\x00\x02 va\tbien\n") == "Cómo va\tbien\n"


def test_tokenize_splits_like_postgresql() -> None:
    assert tokenize("Can't stop: Cómo-REPORTAR 48h e-mail_x") == [
        "can", "t", "stop", "como", "reportar", "48h", "e", "mail", "x",
    ]  # fmt: skip


def test_phrase_tokens_keep_words_with_apostrophes_whole() -> None:
    assert phrase_tokens("I can't breathe") == ["i", "cant", "breathe"]
    assert phrase_tokens("He CAN\u2019T breathe") == ["he", "cant", "breathe"]


def test_contains_phrase_needs_whole_words_in_order() -> None:
    words = phrase_tokens("my father is not breathing")
    assert contains_phrase(words, ["not", "breathing"])
    assert not contains_phrase(words, ["breathing", "not"])
    assert not contains_phrase(words, ["breath"])
    assert not contains_phrase(words, [])


def test_plain_text_removes_markdown() -> None:
    markdown = (
        "## Find your day\n- Ask **the agent**, or [read this](https://example.org).\n"
        "1. Put _bags_ out\n\n---\n\n```\ncode\n```\n<b>bold</b> `tick` ![map](m.png)"
    )
    assert plain_text(markdown) == (
        "Find your day\nAsk the agent, or read this.\nPut bags out\n\ncode\n\nbold tick map"
    )


def test_whole_words_widen_a_stretch_to_the_spaces_around_it() -> None:
    text = "Cars double-parked on the city's street."
    cut = (text.index("parked"), text.index("city") + len("city"))
    assert whole_words(text, *cut) == (text.index("double"), text.index(" street"))
    assert whole_words(text, 0, 4) == (0, 4)
    assert whole_words(text, text.index("street"), len(text) - 1)[1] == len(text)


@pytest.mark.parametrize(
    ("tag", "normal"),
    [("en", "en"), ("ES-mx", "es-MX"), ("zh-hant-tw", "zh-Hant-TW"), (" es ", "es")],
)
def test_language_tags_are_normalized(tag: str, normal: str) -> None:
    assert normalize_language(tag) == normal


@pytest.mark.parametrize("tag", ["", "english", "e", "es_MX", "es-", "es-toolongsubtag"])
def test_bad_language_tags_are_refused(tag: str) -> None:
    with pytest.raises(ValueError, match="BCP 47"):
        normalize_language(tag)


def test_primary_language() -> None:
    assert primary_language("es-MX") == "es"
    assert primary_language("EN") == "en"


def test_deletions_up_to_a_depth() -> None:
    assert deletions("abc", 0) == {"abc"}
    assert deletions("abc", 1) == {"abc", "bc", "ac", "ab"}
    assert deletions("abc", 2) == {"abc", "bc", "ac", "ab", "a", "b", "c"}


@pytest.mark.parametrize(
    ("a", "b", "edits"),
    [
        ("graffiti", "graffiti", 0),
        ("graffitti", "graffiti", 1),  # an extra letter
        ("recylcing", "recycling", 1),  # two neighbours swapped
        ("vasura", "basura", 1),  # one letter wrong
        ("grafitti", "graffiti", 2),
        ("", "abc", 3),
    ],
)
def test_distance(a: str, b: str, edits: int) -> None:
    assert distance(a, b) == edits
    assert distance(b, a) == edits


@pytest.mark.parametrize(
    ("word", "edits"),
    [("bus", 0), ("bach", 1), ("basura", 1), ("reciclaje", 2), ("48hours", 0), ("a1b2c3d4", 0)],
)
def test_max_distance_grows_with_length_and_spares_numbers(word: str, edits: int) -> None:
    assert max_distance(word) == edits


def test_vocabulary_words_are_stored_with_one_deletion() -> None:
    assert [stored_deletions(w) for w in ("ab", "abc", "abcde", "abcdefghij")] == [0, 1, 1, 1]


def test_corrections_pick_the_closest_vocabulary_words() -> None:
    vocabulary = {"graffiti", "gravity", "basura", "basuras", "recycling"}
    assert corrections("graffitti", vocabulary) == ["graffiti"]
    assert corrections("vasura", vocabulary) == ["basura"]
    assert corrections("recylcing", vocabulary) == ["recycling"]


def test_no_correction_for_known_short_or_distant_words() -> None:
    vocabulary = {"graffiti", "trash"}
    assert corrections("graffiti", vocabulary) == []
    assert corrections("tras", {"trash"}) == ["trash"]
    assert corrections("bus", {"bush"}) == []
    assert corrections("quantum", vocabulary) == []


def test_ties_are_broken_by_length_then_alphabet_and_capped() -> None:
    vocabulary = {"cart", "care", "card", "cars", "carts"}
    assert corrections("carx", vocabulary) == ["card", "care", "cars"]
