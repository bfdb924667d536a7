"""Triage of a caller's words: emergencies (transfer to 911), social-service needs (211), and
the services the text is most likely about.

Terms are data that admins edit. A term matches whole words, accents and case aside, and a
phrase matches its words in order ("not breathing"). Benign terms are routine phrases that
hold an alarming word ("fire hydrant", "smoke alarm"): their words are masked first, so they
raise no flag. Every language's terms are matched: a caller may mix languages, and a missed
emergency costs more than a second look.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from domain.directory.catalog import Service
from domain.knowledge.folding import contains_phrase, phrase_tokens
from domain.knowledge.text import normalize_language
from domain.shared.errors import ValidationFailed

MAX_TERM = 100
MAX_TERM_WORDS = 8
MASK = "\x00"
SUGGESTED_SERVICES = 3

# Words too common to say what a text is about (matching services only).
STOPWORDS = frozenset(
    " ".join(
        (
            "a an and are at be by for from has have i in is it its me my no not of on or our",
            "please the there this to was we with you your al con de del el en es esta hay la",
            "las lo los mi mis para por que se su sus un una y",
        )
    ).split()
)


class TermKind(StrEnum):
    EMERGENCY = "emergency"
    SOCIAL_SERVICES = "social_services"
    BENIGN = "benign"


@dataclass(frozen=True)
class TriageTerm:
    id: int
    term: str
    kind: TermKind
    language: str

    @property
    def words(self) -> list[str]:
        return phrase_tokens(self.term)

    @property
    def folded(self) -> str:
        return " ".join(self.words)


def new_term(term: str, kind: TermKind, language: str) -> TriageTerm:
    """A term has 1 to 8 words; its language is a BCP 47 tag."""
    term = " ".join(term.split())
    words = phrase_tokens(term)
    if not words or len(term) > MAX_TERM or len(words) > MAX_TERM_WORDS:
        raise ValidationFailed.single(
            "term", f"must hold 1 to {MAX_TERM_WORDS} words and at most {MAX_TERM} characters"
        )
    try:
        language = normalize_language(language)
    except ValueError as problem:
        raise ValidationFailed.single("language", str(problem)) from None
    return TriageTerm(0, term, kind, language)


@dataclass(frozen=True)
class Assessment:
    emergency_terms: tuple[str, ...]
    social_services_terms: tuple[str, ...]

    @property
    def emergency(self) -> bool:
        return bool(self.emergency_terms)

    @property
    def social_services(self) -> bool:
        return bool(self.social_services_terms)


def assess(text: str, terms: Iterable[TriageTerm]) -> Assessment:
    terms = list(terms)
    words = phrase_tokens(text)
    for term in terms:
        if term.kind is TermKind.BENIGN:
            words = _mask(words, term.words)
    return Assessment(
        _matches(words, terms, TermKind.EMERGENCY), _matches(words, terms, TermKind.SOCIAL_SERVICES)
    )


def _mask(words: list[str], phrase: list[str]) -> list[str]:
    size = len(phrase)
    masked = list(words)
    for i in range(len(words) - size + 1):
        if size and words[i : i + size] == phrase:
            masked[i : i + size] = [MASK] * size
    return masked


def _matches(words: list[str], terms: list[TriageTerm], kind: TermKind) -> tuple[str, ...]:
    """The matching terms, in the order the caller said them."""
    found = []
    for term in (t for t in terms if t.kind is kind):
        at = _position(words, term.words)
        if at is not None:
            found.append((at, term.term))
    return tuple(dict.fromkeys(term for _, term in sorted(found)))


def _position(words: list[str], phrase: list[str]) -> int | None:
    size = len(phrase)
    starts = (i for i in range(len(words) - size + 1) if size and words[i : i + size] == phrase)
    return next(starts, None)


def _stem(word: str) -> str:
    """English endings off, enough for "potholes" and "leaking" to meet "pothole" and "leak"."""
    for ending, shortest in (("ing", 6), ("ed", 5), ("s", 4)):
        if word.endswith(ending) and len(word) >= shortest and not word.endswith("ss"):
            return word[: -len(ending)]
    return word


def _content(words: Iterable[str]) -> set[str]:
    return {_stem(w) for w in words if w not in STOPWORDS and len(w) > 1}


def suggest_services(
    text: str, services: Iterable[Service], related: Sequence[Sequence[str]]
) -> list[str]:
    """Service codes by overlap with the text's words, best first, at most three.

    A word shared with the service's name, type or keywords scores 1, a keyword of several
    words found whole in the text 2 more. `related` holds the related services of the suggested
    articles, best article first: the first article's services score 3 more, the second's 2,
    the third's 1 (that is how a Spanish text finds the English catalog).
    """
    words = phrase_tokens(text)
    content = _content(words)
    boost: dict[str, int] = {}
    for place, codes in enumerate(related[:SUGGESTED_SERVICES]):
        for code in codes:
            boost.setdefault(code, SUGGESTED_SERVICES - place)
    scored = []
    for order, service in enumerate(s for s in services if s.active):
        vocabulary = _content(
            w
            for phrase in (service.name, service.type_name, *service.keywords)
            for w in phrase_tokens(phrase)
        )
        score = len(content & vocabulary)
        phrases = [phrase_tokens(k) for k in service.keywords]
        score += sum(2 for p in phrases if len(p) > 1 and contains_phrase(words, p))
        score += boost.get(service.code, 0)
        if score:
            scored.append((-score, order, service.code))
    return [code for _, _, code in sorted(scored)[:SUGGESTED_SERVICES]]
