"""Finding the known words a typed word may be, typos included, without comparing it to all.

Symmetric deletes (the SymSpell idea): every known word is filed under each string left by
deleting up to two of its letters; a typed word is looked up under its own deletions. Two words
within two edits always share one such string, so only those few are compared in full.
"""

from collections import defaultdict
from collections.abc import Iterable

from domain.addresses.edits import allowed_edits
from domain.addresses.matching import token_similarity

MAX_DELETES = 2


def deletions(word: str, depth: int) -> set[str]:
    """The word and every string made by deleting up to `depth` of its letters."""
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))} - found
        found |= frontier
    found.discard("")
    return found


class Vocabulary:
    def __init__(self, words: Iterable[str]) -> None:
        self._filed: defaultdict[str, set[str]] = defaultdict(set)
        self._longest = 0
        for word in set(words):
            self._longest = max(self._longest, len(word))
            for deleted in deletions(word, _depth(word)):
                self._filed[deleted].add(word)

    def similar(self, typed: str) -> dict[str, float]:
        """Known words within the allowed typos of `typed`, with their similarity (0..1]."""
        if len(typed) > self._longest + MAX_DELETES:
            return {}  # too long to be any known word: skip its thousands of deletions
        candidates: set[str] = set()
        for deleted in deletions(typed, _depth(typed)):
            candidates |= self._filed.get(deleted, set())
        similar = ((word, token_similarity(typed, word)) for word in candidates)
        return {word: similarity for word, similarity in similar if similarity > 0}


def _depth(word: str) -> int:
    # A word may meet a longer one: allow the edits the longer could carry.
    return min(MAX_DELETES, allowed_edits(len(word) + MAX_DELETES))
