"""Reading a typed US street address into its parts, in a standard spelling.

"2020 East North Avenue, Baltimore, MD 21218" and "2020 E NORTH AVE" read the same:
number 2020, street E NORTH AVE, zip 21218 (only in the first). The city and state are dropped:
an address table serves one area, so they tell nothing apart.
"""

import re
import unicodedata
from dataclasses import dataclass

from domain.addresses.abbreviations import (
    DIRECTIONALS,
    INTERSECTION_WORDS,
    ORDINAL_WORDS,
    ROUTE_WORDS,
    STATES,
    SUFFIX_WORDS,
    SUFFIXES,
    UNIT_WORDS,
    full_word,
)
from domain.addresses.edits import edit_distance

ZIP = re.compile(r"^(\d{5})(?:-?\d{4}|\d{5})?$")  # 21218, 21218-1234, 212181234
HOUSE_NUMBER = re.compile(r"^(\d+)([A-Z]?)(?:\s*-\s*\d+[A-Z]?)?(?:\s+1/2)?\s+(?=\S)")
SEPARATORS = re.compile(r"([&@#]|/(?!\d)|(?<!\d)/)")  # 25 1/2 ST keeps its fraction
NOT_WORD = re.compile(r"[^A-Z0-9&@#/ ]+")
FUZZY_SUFFIX_LENGTH = 6
LONGEST_CITY = 3  # words of a city name dropped after a state ("BALTIMORE CITY MD")


@dataclass(frozen=True)
class Street:
    """A street in standard spelling: N CHARLES ST, SAINT PAUL ST, E 33RD ST, THE ALAMEDA."""

    predir: str
    name: tuple[str, ...]
    suffix: str
    postdir: str

    @property
    def key(self) -> str:
        return " ".join(
            part for part in (self.predir, *self.name, self.suffix, self.postdir) if part
        )


@dataclass(frozen=True)
class ParsedAddress:
    """A house number ("" when none) on one street, or two streets for an intersection."""

    number: str
    streets: tuple[Street, ...]
    zip: str | None = None

    @property
    def street_key(self) -> str:
        """The streets in standard spelling; an intersection's in alphabetical order."""
        return " & ".join(sorted(street.key for street in self.streets))

    @property
    def key(self) -> str:
        return f"{self.number} {self.street_key}".strip()

    @property
    def is_intersection(self) -> bool:
        return len(self.streets) > 1


def fold(text: str) -> str:
    """Upper case without accents, single-spaced: "Rue Saint-Étienne" -> "RUE SAINT-ETIENNE"."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.upper().split())


def display_form(text: str) -> str:
    """The address as written, tidied: the part before the first comma, single-spaced."""
    head = next((part for part in text.split(",") if part.strip()), "")
    head = re.sub(r"\s*&\s*", " & ", head)
    return " ".join(head.split())


def parse_address(text: str, zip_code: str | None = None) -> ParsedAddress:
    """Parse a typed address; `zip_code` is used when the text itself names no zip."""
    head, tail = _split_commas(fold(text))
    number, rest = _house_number(head)
    tokens, trailing_zip = _strip_tail(_drop_unit(_tokens(rest)), tail)
    zip_found = _zip_in(tail) or trailing_zip or _zip_of(zip_code)
    parts = _split_intersection(tokens)
    streets = tuple(street for street in (parse_street(part) for part in parts) if street.name)
    return ParsedAddress(number, streets, zip_found)


def parse_street(tokens: list[str]) -> Street:
    """Assign each word its role by position: [predir] name... [suffix] [postdir]."""
    words = _ordinals(tokens)
    postdir = suffix = predir = ""
    if len(words) >= 3 and words[-1] in DIRECTIONALS and _suffix_of(words[-2]):
        postdir = DIRECTIONALS[words.pop()]
    if len(words) >= 2 and _suffix_of(words[-1]):
        suffix = _suffix_of(words.pop())
    if len(words) >= 2 and words[0] in DIRECTIONALS:
        predir = DIRECTIONALS[words.pop(0)]
    return Street(predir, tuple(full_word(word) for word in words), suffix, postdir)


def _split_commas(text: str) -> tuple[str, list[str]]:
    parts = [part.strip() for part in text.split(",")]
    filled = [part for part in parts if part]
    return (filled[0], filled[1:]) if filled else ("", [])


def _zip_of(text: str | None) -> str | None:
    match = ZIP.match(text.strip()) if text else None
    return match.group(1) if match else None


def _zip_in(tail: list[str]) -> str | None:
    for part in reversed(tail):
        for token in reversed(part.split()):
            found = _zip_of(token)
            if found:
                return found
    return None


def _house_number(head: str) -> tuple[str, str]:
    match = HOUSE_NUMBER.match(head)
    if match is None:
        return "", head
    rest = head[match.end() :]
    after = _tokens(rest)
    if not after or (len(after) == 1 and after[0] in SUFFIXES) or ZIP.match(after[0]):
        return "", head  # "33 ST" is a street, not house 33 of a street called ST
    return str(int(match.group(1))) + match.group(2), rest


def _tokens(text: str) -> list[str]:
    text = text.replace("'", "").replace("\u2019", "")
    text = SEPARATORS.sub(r" \1 ", NOT_WORD.sub(" ", text))
    return text.split()


def _drop_unit(tokens: list[str]) -> list[str]:
    for index, token in enumerate(tokens):
        if index > 0 and token in UNIT_WORDS:
            return tokens[:index] + tokens[index + 2 :]
    return tokens


def _strip_tail(tokens: list[str], tail: list[str]) -> tuple[list[str], str | None]:
    """Drop a trailing "[city] STATE [zip]" from the street part.

    With commas the tail holds them, but the city may still end the street part
    ("3400 GARRISON BLVD BALTIMORE, MD 21215"): it is dropped when the tail opens with a state.
    """
    if tail:
        opens_with_state = tail[0].split()[0] in STATES
        return (_drop_city(tokens) if opens_with_state else tokens), None
    zip_found = None
    if len(tokens) > 1 and ZIP.match(tokens[-1]):
        zip_found = _zip_of(tokens.pop())
    if len(tokens) > 2 and tokens[-1] in STATES and tokens[-2] not in DIRECTIONALS:
        tokens.pop()  # but not the name of "N MARYLAND AVE" when its suffix is left out
        tokens = _drop_city(tokens)
    return tokens, zip_found


def _drop_city(tokens: list[str]) -> list[str]:
    """A few words after the last suffix are a city: GARRISON BLVD [BALTIMORE CITY].

    Not a second street (FLEET ST AND BROADWAY) nor a post-directional (PARK AVE W).
    """
    last_suffix = max((i for i, t in enumerate(tokens) if i > 0 and t in SUFFIXES), default=0)
    after = tokens[last_suffix + 1 :]
    if not last_suffix or not after or len(after) > LONGEST_CITY:
        return tokens
    if any(t in INTERSECTION_WORDS for t in after) or all(t in DIRECTIONALS for t in after):
        return tokens
    keep = last_suffix + 1 + (after[0] in DIRECTIONALS)  # PARK AVE W [BALTIMORE]
    return tokens[:keep]


def _split_intersection(tokens: list[str]) -> list[list[str]]:
    for index, token in enumerate(tokens):
        if token in INTERSECTION_WORDS and 0 < index < len(tokens) - 1:
            second = [t for t in tokens[index + 1 :] if t not in INTERSECTION_WORDS]
            return [tokens[:index], second]
    return [[t for t in tokens if t not in INTERSECTION_WORDS]]


def _ordinals(tokens: list[str]) -> list[str]:
    words = []
    for index, token in enumerate(tokens):
        after_route = index > 0 and tokens[index - 1] in ROUTE_WORDS
        if token.isdigit() and not after_route:
            token = _ordinal(int(token))
        words.append(ORDINAL_WORDS.get(token, token))
    return words


def _ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return f"{number}TH"
    return f"{number}{ {1: 'ST', 2: 'ND', 3: 'RD'}.get(number % 10, 'TH') }"


def _suffix_of(token: str) -> str:
    """The standard suffix a word spells, allowing one typo in long words (AVNEUE -> AVE).

    Only words of six letters or more: shorter ones sit one typo away from common names
    (ALLEN / ALLEY, GROVE / DRIVE is two).
    """
    if token in SUFFIXES:
        return SUFFIXES[token]
    if len(token) < FUZZY_SUFFIX_LENGTH or not token.isalpha():
        return ""
    for standard, full in SUFFIX_WORDS.items():
        if len(full) >= FUZZY_SUFFIX_LENGTH and edit_distance(token, full, 1) <= 1:
            return standard
    return ""
