"""How a search text becomes a query: words, their stems, spelling corrections, and how many
of them an article must match.

Rules:
- Words are folded (accents and case aside) and split as PostgreSQL splits them; one-letter
  words are dropped and at most MAX_WORDS are kept.
- Each word is stemmed by the language's text-search configuration (without a language, by
  English and Spanish both). A word that is a stop word in any of them is left out.
- A word that is not in the articles' vocabulary is also matched through its closest
  spellings (see spelling.py): "graffitti" matches what "graffiti" matches. Descriptions are
  not corrected: in a caller's sentence an unknown word is more often right than misspelled.
- A word also matches what its synonyms match (synonyms.py): "pickup" finds "collected".
- An article must match more than half of the remaining words: "dirty alley" needs both,
  three words need two. So a stray word cannot drag in unrelated articles. A description
  (a caller's words, for suggestions and triage) is matched loosely: any word will do, and
  the articles matching most words come first.
- When every word is a stop word ("como"), the words themselves are matched against titles.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from domain.knowledge.folding import tokenize
from domain.knowledge.spelling import corrections, deletions, max_distance

MAX_WORDS = 10
MAX_DESCRIPTION_WORDS = 40

Lexemes = Sequence[Sequence[str]]  # one list per text-search configuration; empty: stop word


@dataclass(frozen=True)
class Analysis:
    """What the database said about the words: their lexemes and nearby vocabulary words."""

    lexemes: Mapping[str, Lexemes]
    vocabulary: frozenset[str]


@dataclass(frozen=True)
class QueryPlan:
    groups: tuple[tuple[str, ...], ...]  # per word: the lexemes, any of which counts as a match
    words: tuple[str, ...]  # every typed word, stop words too: titles holding all rank first
    title_only: bool = False  # all words were stop words: groups hold the words themselves
    loose: bool = False  # a description: one group is enough

    @property
    def required(self) -> int:
        """How many groups an article must match: more than half (one, for a description)."""
        return 1 if self.loose else len(self.groups) // 2 + 1

    @property
    def is_empty(self) -> bool:
        return not self.groups

    @property
    def lexemes(self) -> list[str]:
        return sorted({lexeme for group in self.groups for lexeme in group})


# No word is longer; PostgreSQL refuses a tsquery word of 2,048 bytes or more (a 500 before).
MAX_WORD_LENGTH = 100


def query_words(text: str, limit: int = MAX_WORDS) -> list[str]:
    words = [w for w in tokenize(text) if 1 < len(w) <= MAX_WORD_LENGTH]
    return list(dict.fromkeys(words))[:limit]


def lookups(words: Sequence[str]) -> set[str]:
    """The strings to look up in the vocabulary's deletion index."""
    return {v for w in words for v in deletions(w, max_distance(w))}


def plan(
    words: Sequence[str],
    analysis: Analysis,
    loose: bool = False,
    synonyms: Mapping[str, Sequence[str]] | None = None,
) -> QueryPlan:
    """`synonyms` maps a word to its synonyms, whose lexemes the analysis also holds."""
    groups = []
    for word in words:
        lexemes = _stems(analysis.lexemes.get(word, ()))
        if lexemes is None:
            continue
        for other in (synonyms or {}).get(word, ()):
            lexemes |= _stems(analysis.lexemes.get(other, ())) or set()
        for correction in [] if loose else corrections(word, set(analysis.vocabulary)):
            lexemes |= _stems(analysis.lexemes.get(correction, ())) or set()
        groups.append(tuple(sorted(lexemes)))
    if groups:
        return QueryPlan(tuple(groups), tuple(words), loose=loose)
    return QueryPlan(tuple((w,) for w in words), tuple(words), title_only=True, loose=loose)


def _stems(per_configuration: Lexemes) -> set[str] | None:
    """All lexemes of a word, or None when some configuration drops it as a stop word."""
    if not per_configuration or any(not lexemes for lexemes in per_configuration):
        return None
    return {lexeme for lexemes in per_configuration for lexeme in lexemes}
