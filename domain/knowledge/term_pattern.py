"""Triage term patterns: what an admin writes, and where it occurs in a caller's words.

A term is one to eight slots separated by spaces; each slot matches one word of the text:
- `smell` matches by stem (see stemming.py): smell, smells, smelled, smelling;
- `smell|odor|fumes` lists alternatives, any of which fills the slot;
- `dispar*` matches every word that begins with "dispar" (disparo, dispararon...).
The slots match in any order within a short window (`gas smell` finds "smell of gas" and
"gas smell"). A term in double quotes keeps its order (`"not breathing"` does not find
"breathing fine, not worried"). Accents and case never matter.

Benign terms mask routine phrases before anything else is matched; they must match their
words in order and side by side, so that "smoke, and the detector" still counts the smoke.
"""

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from domain.knowledge.folding import fold, phrase_tokens
from domain.knowledge.stemming import stem

MAX_GAP = 4  # words allowed between a term's words
MIN_PREFIX = 3
QUOTES = '"\u201c\u201d'
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
_APOSTROPHES = re.compile("['\u2019]")


class BadPattern(ValueError):
    pass


@dataclass(frozen=True)
class Alternative:
    word: str  # folded lowercase
    prefix: bool = False

    @property
    def key(self) -> str:
        return self.word if self.prefix else stem(self.word)

    def __str__(self) -> str:
        return self.word + ("*" if self.prefix else "")


Slot = tuple[Alternative, ...]


@dataclass(frozen=True)
class Pattern:
    slots: tuple[Slot, ...]
    ordered: bool = False

    def __str__(self) -> str:
        words = " ".join("|".join(str(a) for a in slot) for slot in self.slots)
        return f'"{words}"' if self.ordered else words


def parse(term: str) -> Pattern:
    """The pattern a term stands for; BadPattern says what is wrong with it."""
    text = " ".join(term.split())
    ordered = len(text) > 1 and text[0] in QUOTES and text[-1] in QUOTES
    slots: list[Slot] = []
    for raw in text.strip(QUOTES).split():
        if "|" in raw or raw.endswith("*"):
            slots.append(tuple(_alternative(a) for a in raw.split("|")))
        else:
            slots.extend((Alternative(word),) for word in phrase_tokens(raw))
    return Pattern(tuple(slots), ordered)


def _alternative(raw: str) -> Alternative:
    prefix = raw.endswith("*")
    words = phrase_tokens(raw.removesuffix("*"))
    if len(words) != 1 or "*" in raw.removesuffix("*"):
        raise BadPattern("each alternative between | must be one word")
    if prefix and len(words[0]) < MIN_PREFIX:
        raise BadPattern(f"a prefix (word*) needs at least {MIN_PREFIX} letters")
    return Alternative(words[0], prefix)


@dataclass(frozen=True)
class Token:
    start: int  # in the text as given to `tokens`
    end: int
    word: str  # folded lowercase, without apostrophes: "can't" -> "cant"
    stem: str


def tokens(text: str) -> list[Token]:
    """The words of a text (NFC), with where each one stands in it."""
    found = []
    for match in _WORD.finditer(text):
        word = _APOSTROPHES.sub("", fold(match.group()).lower())
        found.append(Token(match.start(), match.end(), word, stem(word)))
    return found


def spans(
    positions: Sequence[Sequence[int]], ordered: bool, adjacent: bool
) -> Iterator[tuple[int, int]]:
    """(first, last) word of each way the slots' positions make a match, earliest first.

    `positions` holds, per slot, the word positions that fill it. The words are distinct, in
    order if `ordered`, and each lies at most MAX_GAP words after the one before it (right
    after it if `adjacent`).
    """
    gap = 0 if adjacent else MAX_GAP
    width = len(positions) + (len(positions) - 1) * gap
    seen: set[tuple[int, int]] = set()
    for start in sorted(set(positions[0]) if ordered else _all(positions)):
        found = _fill(positions, _Search(start, start + width - 1, gap, ordered), ())
        if found is not None and found not in seen:
            seen.add(found)
            yield found


def _all(positions: Sequence[Sequence[int]]) -> set[int]:
    return {p for slot in positions for p in slot}


@dataclass(frozen=True)
class _Search:
    low: int  # the first word of the match
    high: int  # no word of it beyond
    gap: int
    ordered: bool


def _fill(
    positions: Sequence[Sequence[int]], search: _Search, used: tuple[int, ...]
) -> tuple[int, int] | None:
    """A match whose first word is at `search.low`, extending `used` (one word per slot)."""
    if len(used) == len(positions):
        chained = sorted(used)
        near = all(b - a <= search.gap + 1 for a, b in pairwise(chained))
        return (chained[0], chained[-1]) if near and chained[0] == search.low else None
    for position in positions[len(used)]:
        if not search.low <= position <= search.high or position in used:
            continue
        if search.ordered and used and position <= used[-1]:
            continue
        found = _fill(positions, search, (*used, position))
        if found is not None:
            return found
    return None
