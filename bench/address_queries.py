"""Typed-address queries made from known addresses by the changes people make when they type.

Each query is rebuilt from the address's parts with, at random (seeded): suffix and directional
written out or abbreviated, name words abbreviated (SAINT -> ST), one typo in the street name
(never in the house number), the suffix left out, the zip left out, ", Baltimore, MD" added,
and an intersection's streets swapped. Used by the geocoder's accuracy test and benchmark.
"""

import random
import string
from collections.abc import Sequence
from dataclasses import dataclass

from domain.addresses.abbreviations import DIRECTIONAL_WORDS, SUFFIX_WORDS
from domain.addresses.model import AddressPoint
from domain.addresses.normalize import Street, parse_address

SHORT_NAME_WORDS = {"SAINT": "ST", "MOUNT": "MT", "FORT": "FT"}
MIN_TYPO_LENGTH = 4


@dataclass(frozen=True)
class Query:
    text: str
    target: AddressPoint
    changes: frozenset[str]


def perturbed_queries(points: Sequence[AddressPoint], count: int, seed: int) -> list[Query]:
    """`count` queries from distinct addresses drawn with `seed` (house numbers or crossings)."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    eligible = [p for p in points if _queryable(p)]
    return [_perturb(point, rng) for point in rng.sample(eligible, count)]


def _queryable(point: AddressPoint) -> bool:
    parsed = parse_address(point.address)
    return bool(parsed.number) != parsed.is_intersection and all(
        any(word.isalpha() for word in s.name) for s in parsed.streets
    )


def _perturb(point: AddressPoint, rng: random.Random) -> Query:
    parsed = parse_address(point.address)
    changes: set[str] = set()
    streets = list(parsed.streets)
    if len(streets) == 2 and rng.random() < 0.5:
        streets.reverse()
        changes.add("swapped")
    typo_at = rng.randrange(len(streets)) if rng.random() < 0.5 else -1
    drop_suffix = rng.random() < 0.3
    written = [
        _street_text(s, rng, changes, typo=i == typo_at, drop_suffix=drop_suffix)
        for i, s in enumerate(streets)
    ]
    text = rng.choice([" & ", " and ", " AND "]).join(written)
    if parsed.number:
        text = f"{parsed.number} {text}"
    if rng.random() < 0.5:
        text += ", Baltimore, MD"
        changes.add("city")
    if point.zip and rng.random() < 0.5:
        text += f" {point.zip}" if "city" in changes else f", {point.zip}"
    else:
        changes.add("no zip")
    return Query(_case(text, rng), point, frozenset(changes))


def _street_text(
    street: Street, rng: random.Random, changes: set[str], typo: bool, drop_suffix: bool
) -> str:
    name = [_abbreviated(word, rng, changes) for word in street.name]
    if typo:
        name = _with_typo(name, rng, changes)
    predir = _written(street.predir, DIRECTIONAL_WORDS, rng, changes, "directional")
    postdir = _written(street.postdir, DIRECTIONAL_WORDS, rng, changes, "directional")
    if drop_suffix and street.suffix:
        suffix = ""
        changes.add("no suffix")
    else:
        suffix = _written(street.suffix, SUFFIX_WORDS, rng, changes, "suffix")
    return " ".join(part for part in (predir, *name, suffix, postdir) if part)


def _written(
    part: str, words: dict[str, str], rng: random.Random, changes: set[str], label: str
) -> str:
    if part and rng.random() < 0.5:
        changes.add(f"{label} written out")
        return words.get(part, part)
    return part


def _abbreviated(word: str, rng: random.Random, changes: set[str]) -> str:
    if word in SHORT_NAME_WORDS and rng.random() < 0.5:
        changes.add("name word abbreviated")
        return SHORT_NAME_WORDS[word]
    return word


def _with_typo(name: list[str], rng: random.Random, changes: set[str]) -> list[str]:
    candidates = [i for i, w in enumerate(name) if w.isalpha() and len(w) >= MIN_TYPO_LENGTH]
    if not candidates:
        return name
    at = max(candidates, key=lambda i: (len(name[i]), -i))
    word = name[at]
    position = rng.randrange(len(word))
    letter = rng.choice([c for c in string.ascii_uppercase if c != word[position]])
    kind = rng.choice(["replace", "delete", "insert", "swap"])
    if kind == "swap" and position + 1 < len(word) and word[position] != word[position + 1]:
        typed = word[:position] + word[position + 1] + word[position] + word[position + 2 :]
    elif kind == "delete":
        typed = word[:position] + word[position + 1 :]
    elif kind == "insert":
        typed = word[:position] + letter + word[position:]
    else:
        typed = word[:position] + letter + word[position + 1 :]
    changes.add("typo")
    return [*name[:at], typed, *name[at + 1 :]]


def _case(text: str, rng: random.Random) -> str:
    return rng.choice([text, text.lower(), text.title()])
