"""Spelling correction against the articles' vocabulary (symmetric delete, as in SymSpell).

A vocabulary word is stored with every string made by deleting one of its letters. A query
word looks up its own deletions, up to `max_distance(word)`: a vocabulary word that shares one
is a candidate, and the candidates within that many edits are the corrections. The lookup is
an index probe per deletion, so it stays fast however large the vocabulary grows.

One stored deletion (not two) keeps the vocabulary small; it still meets every misspelling one
edit away and most two away ("grafitti" -> "graffiti"), but not two letters both replaced.
"""

MIN_CORRECTED = 4  # shorter words have too many neighbours to guess from
LONG_WORD = 8  # words this long may be two edits away
MAX_CORRECTIONS = 3


def max_distance(word: str) -> int:
    """How many edits a query word may be from its correction (none for numbers and codes)."""
    if len(word) < MIN_CORRECTED or not word.isalpha():
        return 0
    return 2 if len(word) >= LONG_WORD else 1


def stored_deletions(word: str) -> int:
    """Deletions stored per vocabulary word: words of three letters or more get one."""
    return 1 if len(word) >= MIN_CORRECTED - 1 else 0


def deletions(word: str, depth: int) -> set[str]:
    """The word itself and every string made by deleting up to `depth` of its characters."""
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w)) if len(w) > 1}
        found |= frontier
    return found


def distance(a: str, b: str) -> int:
    """Edits (insert, delete, substitute, swap neighbours) from a to b: optimal string alignment."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def corrections(word: str, candidates: set[str]) -> list[str]:
    """The closest candidates within the word's distance, at most MAX_CORRECTIONS of them.

    A word that is itself in the vocabulary needs no correction. Ties are broken by the smaller
    difference in length, then alphabetically, so the answer does not depend on row order.
    """
    limit = max_distance(word)
    if limit == 0 or word in candidates:
        return []
    scored = [(distance(word, c), abs(len(c) - len(word)), c) for c in candidates]
    near = sorted(s for s in scored if s[0] <= limit)
    if not near:
        return []
    best = near[0][0]
    return [c for d, _, c in near if d == best][:MAX_CORRECTIONS]
