"""Words residents use for the same thing, by language: a search for one also finds the others.

"trash pickup schedule" is about when trash is collected: without "pickup" meeting "collected",
the article titled "When is my trash collected?" shares only "trash" with the query, and the
articles about bulk and missed pickups outrank it. A word is looked up by its light stem
(stemming.py), so "pickups" and "collecting" find their groups; the database's own stemmer then
turns the group's words into the lexemes searched. Keep the groups to true synonyms in 311 use:
each one makes more articles match.
"""

from collections.abc import Sequence

from domain.knowledge.folding import fold
from domain.knowledge.stemming import stem
from domain.knowledge.text import primary_language

GROUPS: dict[str, tuple[tuple[str, ...], ...]] = {
    "en": (
        ("pickup", "collection", "collected", "picked"),
        ("trash", "garbage", "refuse", "rubbish"),
        ("schedule", "calendar"),
        ("streetlight", "lamppost"),
        ("towed", "impounded"),
        ("fridge", "refrigerator"),
        ("couch", "sofa"),
    ),
    "es": (
        ("recogida", "recoger", "recolección", "recolectar"),
        ("basura", "desechos"),
        ("horario", "calendario"),
        ("carro", "coche", "auto", "vehículo"),
        ("refrigerador", "nevera", "refrigeradora"),
        ("sofá", "sillón"),
    ),
}


def _folded(group: Sequence[str]) -> tuple[str, ...]:
    return tuple(fold(word).lower() for word in group)


_BY_STEM = {
    language: {stem(word): _folded(group) for group in groups for word in _folded(group)}
    for language, groups in GROUPS.items()
}


def synonyms(word: str, language: str | None) -> list[str]:
    """The other words of a (folded) word's group, in the language or, without one, in any."""
    languages = [primary_language(language)] if language else list(GROUPS)
    found: list[str] = []
    for name in languages:
        group = _BY_STEM.get(name, {}).get(stem(word), ())
        found += [other for other in group if stem(other) != stem(word)]
    return list(dict.fromkeys(found))
