"""How triage terms are written and matched: stems, any order in a window, alternatives,
prefixes, quoted order, benign masks; and the speed of it while an agent types."""


import pytest

from adapters.demo.knowledge import demo_triage_terms
from domain.knowledge.stemming import stem
from domain.knowledge.term_pattern import parse
from domain.knowledge.triage import TermKind, TriageTerm, assess, compile_terms, new_term
from domain.shared.errors import ValidationFailed

E, C, B = TermKind.EMERGENCY, TermKind.CRISIS, TermKind.BENIGN


def flags(text: str, *terms: tuple[str, TermKind]) -> list[str]:
    found = assess(text, [TriageTerm(n, term, kind, "en") for n, (term, kind) in enumerate(terms)])
    return [*found.emergency_terms, *found.crisis_terms]


def demo() -> list[TriageTerm]:
    return [new_term(t["term"], TermKind(t["kind"]), t["language"]) for t in demo_triage_terms()]


def test_the_call_from_the_report_raises_all_three_flags() -> None:
    said = "There is a strong gas smell in my building and my neighbor collapsed, he is not" + (
        " breathing"
    )
    assert assess(said, demo()).emergency_terms == (
        "gas smell",
        "neighbor collapsed",
        "not breathing",
    )


@pytest.mark.parametrize(
    ("word", "stemmed"),
    [
        *[(w, "smell") for w in ("smell", "smells", "smelled", "smelling", "smelly")],
        *[(w, "breath") for w in ("breath", "breathe", "breathes", "breathing")],
        *[(w, "collaps") for w in ("collapse", "collapsed", "collapsing", "collapses")],
        *[(w, "respir") for w in ("respira", "respirar", "respirando", "respiro")],
        *[(w, "desmay") for w in ("desmayo", "desmayado", "desmayada", "desmayarse")],
        ("stabbed", "stab"), ("guns", "gun"), ("fires", "fire"), ("fired", "fired"),
        ("arma", "arma"), ("armas", "arma"), ("arm", "arm"), ("gas", "gas"),
    ],
)  # fmt: skip
def test_stems(word: str, stemmed: str) -> None:
    assert stem(word) == stemmed


def test_words_match_by_stem_in_any_order_within_a_window() -> None:
    gas = ("smell gas", E)
    for said in ("I smelled gas", "strong gas smell", "smell of gas", "it smells like gas"):
        assert flags(said, gas), said
    assert flags("SMELLING something that might be GAS", gas) == [
        "SMELLING something that might be GAS"
    ]
    assert flags("the gas station sign is broken and it has a bad smell", gas) == []


def test_each_word_stays_near_the_one_before() -> None:
    fall = ('"fell not moving"', E)
    assert flags("she fell on the ice, not moving at all", fall) == ["fell on the ice, not moving"]
    assert flags("he fell last year; now my car is not moving", fall) == []


def test_alternatives_prefixes_accents_and_case() -> None:
    gas = ("gas olor|oler|olia|huele", E)
    assert flags("OLÍA a gas en la cocina", gas) == ["OLÍA a gas"]
    assert flags("huele a gas", gas) == ["huele a gas"]
    shots = ("dispara*|disparo*", E)
    assert flags("se oyeron disparos", shots) == ["disparos"]
    assert flags("le DISPARÓ a alguien", shots) == ["DISPARÓ"]
    assert flags("la acera está dispareja", shots) == []


def test_a_quoted_term_keeps_its_order() -> None:
    breathing = ('"not|isnt breathing"', E)
    assert flags("he isn't breathing", breathing) == ["isn't breathing"]
    assert flags("breathing is fine, not worried", breathing) == []
    assert flags("breathing is fine, not worried", ("not breathing", E)) == [
        "breathing is fine, not"
    ]


def test_benign_phrases_mask_only_their_own_words_side_by_side() -> None:
    smoke, detector = ("smoke", E), ("smoke detector", B)
    assert flags("my smoke detectors need batteries", smoke, detector) == []
    assert flags("smoke everywhere and the detector is beeping", smoke, detector) == ["smoke"]


def test_crisis_terms_raise_their_own_flag() -> None:
    found = assess("he says he wants to kill himself", [TriageTerm(1, "kill himself", C, "en")])
    assert (found.crisis, found.emergency, found.crisis_terms) == (True, False, ("kill himself",))


@pytest.mark.parametrize(
    ("term", "spelled"),
    [
        ("  Smell   GAS ", "smell gas"),
        ('"Not|Isn\'t Breathing"', '"not|isnt breathing"'),
        ("Dispara*|disparo* armas", "dispara*|disparo* armas"),
        ("smoke-detector", "smoke detector"),
    ],
)
def test_terms_are_spelled_one_way_for_uniqueness(term: str, spelled: str) -> None:
    assert new_term(term, E, "en").folded == spelled == str(parse(term))


@pytest.mark.parametrize("bad", ["gas|", "|gas", "ga* smell", "smoke|fire-alarm", "sm*oke|x"])
def test_bad_alternatives_are_refused(bad: str) -> None:
    with pytest.raises(ValidationFailed, match="term: "):
        new_term(bad, E, "en")


def test_terms_are_compiled_once_and_a_long_text_reads_like_its_sentence() -> None:
    """Speed is measured by `make bench`, not here: a timed unit test fails on a busy machine."""
    terms = demo()
    assert compile_terms(tuple(terms)) is compile_terms(tuple(demo()))
    sentence = "My neighbor says the alley smells and the gas station sign is broken. "
    long_text = (sentence * 60)[:4000]
    assert assess(long_text, terms) == assess(sentence, terms)
    assert assess(long_text + " I smell gas in the kitchen", terms).emergency_terms != ()
