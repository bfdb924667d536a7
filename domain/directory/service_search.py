"""Services matching a resident's words ("What do you need?"), over the catalog as shown to them
(translated): a word counts where a word of the service's name, keywords, group or description
starts with it, accents and case aside; a plural's singular counts too ("baches" -> "bache")."""

import re
import unicodedata
from collections.abc import Iterable, Sequence

from domain.directory.catalog import Service

WORD = re.compile(r"[^\W_]+")
MIN_WORD = 3
MAX_WORDS = 12
# Words that say nothing of what is needed, for a 311 site in English and Spanish: "how do I
# report ..." must not find every service whose description says "report".
STOP_WORDS = frozenset(
    "the and for with how can from that this there what where when who why you your are "  # noqa: SIM905
    "los las del con una por para que como donde cuando quien esta este hay mis sus "
    "report reports reported reporting request requests need help want city please "
    "reporte reportar solicitud necesito ayuda quiero ciudad favor".split()
)
WEIGHTS = (("name", 4), ("keywords", 3), ("group", 2), ("description", 1))


def folded_words(text: str) -> list[str]:
    decomposed = unicodedata.normalize("NFD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return WORD.findall(plain)


def query_words(q: str) -> list[str]:
    words = [w for w in folded_words(q) if len(w) >= MIN_WORD and w not in STOP_WORDS]
    return list(dict.fromkeys(words))[:MAX_WORDS]


def _forms(word: str) -> tuple[str, ...]:
    """The word, and its singular when it looks like an English or Spanish plural."""
    forms = [word]
    for ending in ("es", "s"):
        stem = word.removesuffix(ending)
        if stem != word and len(stem) >= MIN_WORD:
            forms.append(stem)
    return tuple(forms)


def _fields(service: Service) -> dict[str, list[str]]:
    return {
        "name": folded_words(service.name),
        "keywords": folded_words(" ".join(service.keywords)),
        "group": folded_words(service.group),
        "description": folded_words(service.description),
    }


def _weight(word: str, fields: dict[str, list[str]]) -> int:
    forms = _forms(word)
    for field, weight in WEIGHTS:
        if any(w.startswith(forms) for w in fields[field]):
            return weight
    return 0


def _score(words: Sequence[str], service: Service) -> tuple[int, int]:
    """(words matched, their weights): more words first, then where they matched."""
    fields = _fields(service)
    weights = [_weight(word, fields) for word in words]
    return sum(1 for w in weights if w), sum(weights)


def services_matching(
    services: Iterable[Service], q: str, limit: int, also: Iterable[Service] = ()
) -> list[Service]:
    """Best first; services matching none of the words are left out. `also` holds the same
    services in another language (by code), whose words count too: a Spanish visitor who
    types "pothole" finds "Bache"."""
    words = query_words(q)
    if not words:
        return []
    others = {s.code: s for s in also}
    scored = [(_best_score(words, s, others.get(s.code)), s) for s in services]
    found = [(score, s) for score, s in scored if score[0] > 0]
    found.sort(key=lambda pair: (-pair[0][0], -pair[0][1], pair[1].name, pair[1].code))
    return [s for _, s in found[:limit]]


def _best_score(words: Sequence[str], shown: Service, other: Service | None) -> tuple[int, int]:
    score = _score(words, shown)
    return score if other is None else max(score, _score(words, other))
