"""Patterns compiled for speed: triage runs on every pause while an agent types.

Each alternative is indexed once by its stem (or, for a prefix, by its first letters), so a
text is read word by word with one dictionary probe per word, whatever the number of terms;
only the patterns whose every slot was filled are then checked for order and window.
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from domain.knowledge.term_pattern import MIN_PREFIX, Pattern, Token

Place = tuple[int, int]  # (pattern, slot)


@dataclass(frozen=True)
class PatternIndex:
    patterns: tuple[Pattern, ...]
    by_stem: Mapping[str, tuple[Place, ...]]
    by_prefix: Mapping[str, tuple[tuple[str, Place], ...]]  # first letters -> (prefix, place)


def index(patterns: Iterable[Pattern]) -> PatternIndex:
    patterns = tuple(patterns)
    by_stem: dict[str, list[Place]] = defaultdict(list)
    by_prefix: dict[str, list[tuple[str, Place]]] = defaultdict(list)
    for number, pattern in enumerate(patterns):
        for slot, alternatives in enumerate(pattern.slots):
            for alternative in alternatives:
                if alternative.prefix:
                    head = alternative.word[:MIN_PREFIX]
                    by_prefix[head].append((alternative.word, (number, slot)))
                else:
                    by_stem[alternative.key].append((number, slot))
    return PatternIndex(
        patterns,
        {key: tuple(dict.fromkeys(places)) for key, places in by_stem.items()},
        {key: tuple(entries) for key, entries in by_prefix.items()},
    )


def filled(
    found: PatternIndex, words: Sequence[Token], masked: frozenset[int] = frozenset()
) -> dict[int, list[list[int]]]:
    """Per pattern whose every slot some word fills: the positions filling each slot."""
    hits: dict[int, list[list[int]]] = {}
    for position, token in enumerate(words):
        if position in masked:
            continue
        for number, slot in _places(found, token):
            slots = hits.setdefault(number, [[] for _ in found.patterns[number].slots])
            if position not in slots[slot]:
                slots[slot].append(position)
    return {number: slots for number, slots in hits.items() if all(slots)}


def _places(found: PatternIndex, token: Token) -> list[Place]:
    places = list(found.by_stem.get(token.stem, ()))
    for prefix, place in found.by_prefix.get(token.word[:MIN_PREFIX], ()):
        if token.word.startswith(prefix):
            places.append(place)
    return places
