"""Triage of a caller's words: emergencies (transfer to 911), suicide or self-harm (988),
social-service needs (211), and the services the text is most likely about.

Terms are data that admins edit; term_pattern.py says how one is written and matched (stems,
any order within a short window, alternatives, prefixes). Benign terms are routine phrases
that hold an alarming word ("fire hydrant", "smoke alarm"): their words are masked first, so
they raise no flag. Every language's terms are matched: a caller may mix languages, and a
missed emergency costs more than a second look. A flag names the caller's own words.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from domain.directory.catalog import Service
from domain.knowledge.folding import contains_phrase, normalize_text, phrase_tokens
from domain.knowledge.term_index import PatternIndex, filled, index
from domain.knowledge.term_pattern import BadPattern, Pattern, Token, parse, spans, tokens
from domain.knowledge.text import normalize_language
from domain.shared.errors import ValidationFailed

MAX_TERM = 200
MAX_TERM_WORDS = 8
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
    CRISIS = "crisis"
    SOCIAL_SERVICES = "social_services"
    BENIGN = "benign"


FLAGGED = (TermKind.EMERGENCY, TermKind.CRISIS, TermKind.SOCIAL_SERVICES)


@dataclass(frozen=True)
class TriageTerm:
    id: int
    term: str
    kind: TermKind
    language: str

    @property
    def pattern(self) -> Pattern:
        return parse(self.term)

    @property
    def folded(self) -> str:
        """The pattern in one spelling: the same words (accents and case aside) are one term."""
        return str(self.pattern)


def new_term(term: str, kind: TermKind, language: str) -> TriageTerm:
    """A term has 1 to 8 words (slots); its language is a BCP 47 tag."""
    term = " ".join(term.split())
    try:
        slots = parse(term).slots
    except BadPattern as problem:
        raise ValidationFailed.single("term", str(problem)) from None
    if not slots or len(term) > MAX_TERM or len(slots) > MAX_TERM_WORDS:
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
    crisis_terms: tuple[str, ...] = ()

    @property
    def emergency(self) -> bool:
        return bool(self.emergency_terms)

    @property
    def crisis(self) -> bool:
        return bool(self.crisis_terms)

    @property
    def social_services(self) -> bool:
        return bool(self.social_services_terms)


@dataclass(frozen=True)
class CompiledTerms:
    benign: PatternIndex
    flagged: PatternIndex  # the emergency, crisis and social-service terms, read in one pass
    kinds: tuple[TermKind, ...]  # of each flagged pattern


@lru_cache(maxsize=8)
def compile_terms(terms: tuple[TriageTerm, ...]) -> CompiledTerms:
    """Parsed and indexed once per set of terms; a stored term that no longer parses is skipped."""
    benign, flagged, kinds = [], [], []
    for term in terms:
        try:
            pattern = term.pattern
        except BadPattern:
            continue
        if term.kind is TermKind.BENIGN:
            benign.append(pattern)
        else:
            flagged.append(pattern)
            kinds.append(term.kind)
    return CompiledTerms(index(benign), index(flagged), tuple(kinds))


def assess(text: str, terms: Iterable[TriageTerm]) -> Assessment:
    compiled = compile_terms(tuple(terms))
    text = normalize_text(text)
    words = tokens(text)
    found = _matches(compiled.flagged, words, _benign(compiled.benign, words))
    said = {kind: _said(text, words, found, compiled.kinds, kind) for kind in FLAGGED}
    return Assessment(
        said[TermKind.EMERGENCY], said[TermKind.SOCIAL_SERVICES], said[TermKind.CRISIS]
    )


def _benign(found: PatternIndex, words: Sequence[Token]) -> frozenset[int]:
    masked: set[int] = set()
    for positions in filled(found, words).values():
        for first, last in spans(positions, ordered=True, adjacent=True):
            masked.update(range(first, last + 1))
    return frozenset(masked)


def _matches(
    found: PatternIndex, words: Sequence[Token], masked: frozenset[int]
) -> dict[int, tuple[int, int]]:
    """The first match (first and last word) of each pattern that matches."""
    matches = {}
    for number, positions in filled(found, words, masked).items():
        ordered = found.patterns[number].ordered
        match = next(spans(positions, ordered=ordered, adjacent=False), None)
        if match is not None:
            matches[number] = match
    return matches


def _said(
    text: str,
    words: Sequence[Token],
    matches: dict[int, tuple[int, int]],
    kinds: Sequence[TermKind],
    kind: TermKind,
) -> tuple[str, ...]:
    """The caller's words each term of the kind found, in the order said, none twice."""
    said, end = [], -1
    for first, last in sorted(span for n, span in matches.items() if kinds[n] is kind):
        if first > end:  # two terms finding overlapping words ("neighbor collapsed, he"): one
            said.append(text[words[first].start : words[last].end])
            end = last
    return tuple(dict.fromkeys(said))


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
