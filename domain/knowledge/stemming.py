"""A light stemmer for triage, the same for English and Spanish: it strips one inflection.

Triage matches a caller's words against terms by stem, so "smelled", "smelling" and "smells"
meet "smell", and "respira", "respirando" and "respiró" meet "respirar". It strips the longest
ending of ENDINGS that leaves a stem of MIN_STEM letters ("s" may leave three: "guns" -> "gun").
Both sides go through the same function, so a crude stem is harmless as long as it is the same.

Short stems are kept whole on purpose: "arma" (weapon) must not become "arm". Irregular forms
("olía", "huele", "shot") are not guessed: terms list them as alternatives.
"""

from functools import lru_cache

MIN_STEM = 4
MIN_PLURAL_STEM = 3
ENGLISH = ("ing", "ed", "es", "s", "y", "e", "er")
SPANISH = (
    *("iendo", "ieron", "ando", "aron", "arse", "erse", "irse"),
    *("ados", "adas", "idos", "idas", "ado", "ada", "ido", "ida", "aba", "ia"),
    *("ar", "er", "ir", "an", "en", "as", "os", "a", "o"),
)
ENDINGS = frozenset(ENGLISH + SPANISH)
LENGTHS = tuple(sorted({len(ending) for ending in ENDINGS}, reverse=True))
UNDOUBLED = ("ing", "ed")  # "stabbed" -> "stab", "stopped" -> "stop"
KEEP_DOUBLE = frozenset("lsz")  # "smelled" -> "smell", "kissed" -> "kiss"


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """The word without its inflection: folded lowercase in, stem out."""
    for length in LENGTHS:
        ending = word[-length:]
        shortest = MIN_PLURAL_STEM if ending == "s" else MIN_STEM
        if ending in ENDINGS and len(word) - length >= shortest:
            return _undouble(word[:-length], ending)
    return word


def _undouble(root: str, ending: str) -> str:
    last = root[-1]
    doubled = root[-2] == last and last not in KEEP_DOUBLE and last not in "aeiou"
    return root[:-1] if ending in UNDOUBLED and doubled else root
