"""Which of our languages a message is written in, when its sender did not say.

Most mail clients send no Content-Language and texts carry none, yet the acknowledgement
must come in the resident's language. Short everyday words tell English from Spanish well
enough for that; a text with too few of them is left undecided.
"""

import re

WORDS = re.compile(r"[a-záéíóúñü]+")


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


COMMON: dict[str, frozenset[str]] = {
    "en": _words(
        "the and is are was has have in on at of to my for with it this that there not "
        "please from since been street light trash"
    ),
    "es": _words(
        "el la los las y es está están hay en de del mi mis por para con que no desde "
        "un una calle luz basura favor gracias hola"
    ),
}
ENOUGH = 2  # this many more common words of one language than of the other


def guess_language(text: str) -> str | None:
    """'en' or 'es' when the text clearly reads as one of them; None otherwise."""
    words = WORDS.findall(text.casefold())
    counts = {language: sum(w in common for w in words) for language, common in COMMON.items()}
    (best, most), (_, next_most) = sorted(counts.items(), key=lambda item: -item[1])
    return best if most - next_most >= ENOUGH else None
