"""Street addresses written inside free text (an email, a text message)."""

import re

from domain.addresses.abbreviations import DIRECTIONALS, SUFFIXES

_WORD = r"[A-Za-z0-9][A-Za-z0-9'.-]*"
_SUFFIX = "|".join(sorted(SUFFIXES, key=len, reverse=True))
_DIRECTION = "|".join(sorted(DIRECTIONALS, key=len, reverse=True))
# A house number, an optional directional, one to four name words, then a street suffix.
ADDRESS_IN_TEXT = re.compile(
    rf"\b(\d{{1,6}}[A-Za-z]?\s+(?:(?:{_DIRECTION})\.?\s+)?(?:{_WORD}\s+){{1,4}}?(?:{_SUFFIX}))\b\.?",
    re.IGNORECASE,
)
MAX_FOUND = 3


def addresses_in(text: str) -> list[str]:
    """The house-number-and-street phrases in `text`, in order, without repeats (at most 3).
    A street without a suffix word ("100 Holliday") is not recognised: too many numbers in
    messages are not addresses."""
    found: list[str] = []
    for match in ADDRESS_IN_TEXT.finditer(text):
        phrase = " ".join(match.group(1).split())
        if phrase.lower() not in (f.lower() for f in found):
            found.append(phrase)
        if len(found) == MAX_FOUND:
            break
    return found
