"""Accent folding and tokenizing, shared by search, its spelling vocabulary and triage.

Folding decomposes the text (NFD) and drops the combining accents U+0300-U+036F: "Cómo" ->
"Como", "Ñandú" -> "Nandu". The SQL function `frontdoor_fold` (migration 20261125_0005) does the
same with normalize() and regexp_replace(), so words folded here meet words folded in the
database (an integration test compares the two).
"""

import re
import unicodedata

_ACCENTS = re.compile("[\u0300-\u036f]")
_APOSTROPHES = re.compile(r"(?<=\w)['\u2019](?=\w)")  # ' and the typographic apostrophe
_WORD = re.compile(r"[^\W_]+")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def normalize_text(text: str) -> str:
    """NFC, and no control characters but tab and newlines: the form articles are kept in."""
    return CONTROL.sub("", unicodedata.normalize("NFC", text))


def fold(text: str) -> str:
    """Remove accents, keep case: "Cómo" -> "Como"."""
    return _ACCENTS.sub("", unicodedata.normalize("NFD", text))


def tokenize(text: str) -> list[str]:
    """Folded lowercase words, split as PostgreSQL's parser splits them ("can't" -> can, t)."""
    return _WORD.findall(fold(normalize_text(text)).lower())


def phrase_tokens(text: str) -> list[str]:
    """Folded lowercase words with inner apostrophes dropped ("can't" -> cant), for phrases."""
    return tokenize(_APOSTROPHES.sub("", normalize_text(text)))


def contains_phrase(haystack: list[str], phrase: list[str]) -> bool:
    """True when `phrase` occurs in `haystack` as consecutive whole words."""
    size = len(phrase)
    if size == 0:
        return False
    return any(haystack[i : i + size] == phrase for i in range(len(haystack) - size + 1))
