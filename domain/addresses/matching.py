"""How well a known address answers a typed one: a score from 0 (unrelated) to 1 (the same).

score = street * (NUMBER_WEIGHT * number + 1 - NUMBER_WEIGHT), then blended with the zip when
the query names one; street = name * (NAME_WEIGHT + SUFFIX_WEIGHT * suffix + DIRECTION_WEIGHT *
direction). Each product keeps a match of the lesser part worthless without the greater: a
house number on an unrelated street, or a suffix on an unrelated name, scores 0. Typos in the
name are tolerated; leaving a suffix or directional out costs less than getting it wrong, and
a wrong directional (400 S CHESTER for 400 N CHESTER) costs the most: it is another place.

Reference points (no zip in the query): the exact address 1.0; suffix or directional left
out 0.925; one typo in an eight-letter name 0.875; a city left in the street part
("3400 GARRISON BLVD BALTIMORE") 0.64; another number in the same hundred block at most
0.775; the wrong suffix 0.85; the wrong directional 0.7; an unrelated street 0.
"""

from collections.abc import Sequence
from functools import lru_cache

from domain.addresses.abbreviations import SUFFIXES, role_word
from domain.addresses.edits import allowed_edits, edit_distance
from domain.addresses.model import AddressCandidate
from domain.addresses.normalize import ParsedAddress, Street

NUMBER_WEIGHT = 0.45  # share of the score that the house number decides
ZIP_WEIGHT = 0.10  # share taken by the zip, only when the query names one
NAME_WEIGHT, SUFFIX_WEIGHT, DIRECTION_WEIGHT = 0.70, 0.15, 0.15  # parts of the street score
LEFT_OUT = 0.5  # the query omits the candidate's suffix or directional
OTHER_DIRECTION = -1.0  # N for S: across the dividing line numbers restart; another place
EXTRA_WORD_WEIGHT = 0.5  # a typed word matching nothing weighs half a missed candidate word
ROLE_AS_NAME = 0.9  # a typed suffix or directional read as a name word (OLD COURT)
ONE_OF_TWO_STREETS = 0.5  # a single street against an intersection, or the reverse
SAME_NUMBER_OTHER_LETTER = 0.8  # 12 against 12A
SAME_BLOCK = 0.5  # another number in the same hundred block, less the further it is
OTHER_BLOCK = 0.1  # another block of the same street, less the further it is
STREET_FOR_NUMBER = 0.25  # the query names a house number, the candidate is a street point
NUMBER_FOR_STREET = 0.5  # the query names a street only, the candidate is a house on it

ACCEPT = 0.8  # pick_unambiguous: below this the best is not trusted (a wrong number is <= 0.775)
MARGIN = 0.05  # ... and it must lead the runner-up by at least this much


def score(query: ParsedAddress, candidate: ParsedAddress) -> float:
    street = streets_similarity(query.streets, candidate.streets)
    number = number_similarity(query.number, candidate.number)
    total = street * (NUMBER_WEIGHT * number + 1 - NUMBER_WEIGHT)
    if query.zip:
        total = (1 - ZIP_WEIGHT) * total + ZIP_WEIGHT * (query.zip == candidate.zip)
    return round(total, 4)


def pick_unambiguous(candidates: Sequence[AddressCandidate]) -> AddressCandidate | None:
    """The best candidate when it is good enough (ACCEPT) and clearly ahead (MARGIN), else None."""
    ranked = sorted(candidates, key=lambda c: c.score, reverse=True)
    if not ranked or ranked[0].score < ACCEPT:
        return None
    if len(ranked) > 1 and ranked[0].score - ranked[1].score < MARGIN:
        return None
    return ranked[0]


def number_similarity(query: str, candidate: str) -> float:
    if query == candidate:
        return 1.0
    if not query:
        return NUMBER_FOR_STREET
    if not candidate:
        return STREET_FOR_NUMBER
    asked, known = _numeric(query), _numeric(candidate)
    if asked == known:
        return SAME_NUMBER_OTHER_LETTER
    if asked // 100 == known // 100:
        return SAME_BLOCK * (1 - abs(asked - known) / 100)
    return OTHER_BLOCK * max(0.0, 1 - abs(asked - known) / 10_000)


def _numeric(number: str) -> int:
    return int(number.rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ") or 0)


def streets_similarity(query: tuple[Street, ...], candidate: tuple[Street, ...]) -> float:
    if not query or not candidate:
        return 0.0
    if len(query) == len(candidate) == 1:
        return street_similarity(query[0], candidate[0])
    if len(query) == len(candidate) == 2:
        straight = street_similarity(query[0], candidate[0]) + street_similarity(
            query[1], candidate[1]
        )
        crossed = street_similarity(query[0], candidate[1]) + street_similarity(
            query[1], candidate[0]
        )
        return max(straight, crossed) / 2
    best = max(street_similarity(q, c) for q in query for c in candidate)
    return ONE_OF_TWO_STREETS * best


@lru_cache(maxsize=65_536)
def street_similarity(query: Street, candidate: Street) -> float:
    spare = list(query.name)  # typed name words not matched to the candidate's yet
    roles = {"predir": query.predir, "suffix": query.suffix, "postdir": query.postdir}
    matched, weight = _align_name(spare, roles, candidate.name)
    suffix = _suffix_similarity(roles["suffix"], spare, candidate.suffix)
    direction = _direction_similarity(roles["predir"], roles["postdir"], spare, candidate)
    name = matched / (weight + EXTRA_WORD_WEIGHT * sum(len(word) for word in spare))
    joined = token_similarity("".join(query.name), "".join(candidate.name))
    name = max(name, joined)  # GREEN MOUNT against GREENMOUNT
    # The suffix and directional confirm a name; they do not stand in for one.
    return name * (NAME_WEIGHT + SUFFIX_WEIGHT * suffix + DIRECTION_WEIGHT * direction)


def _align_name(
    spare: list[str], roles: dict[str, str], words: tuple[str, ...]
) -> tuple[float, float]:
    """Each candidate word takes its best typed word, weighted by its length.

    A typed suffix or directional may stand in for a name word (OLD COURT against OLD COURT
    RD). Returns (matched weight, candidate weight); matched words leave `spare`.
    """
    matched = weight = 0.0
    for word in words:
        best, at = 0.0, -1
        for index, typed in enumerate(spare):
            similarity = token_similarity(typed, word)
            if similarity > best:
                best, at = similarity, index
        if best < ROLE_AS_NAME:
            role = next((r for r, v in roles.items() if v and role_word(r, v) == word), None)
            if role is not None:
                best, at, roles[role] = ROLE_AS_NAME, -1, ""
        if at >= 0:
            spare.pop(at)
        matched += len(word) * best
        weight += len(word)
    return matched, weight


def _suffix_similarity(typed: str, spare: list[str], known: str) -> float:
    if not known:
        return LEFT_OUT if typed else 1.0
    if typed:
        return 1.0 if typed == known else 0.0
    for word in spare:  # "GARRISON BOULEVARD BALTIMORE": the suffix was read as a name word
        if SUFFIXES.get(word) == known:
            spare.remove(word)
            return 1.0
    return LEFT_OUT


def _direction_similarity(predir: str, postdir: str, spare: list[str], known: Street) -> float:
    wanted = {d for d in (known.predir, known.postdir) if d}
    typed = {d for d in (predir, postdir) if d}
    if not wanted:
        return LEFT_OUT if typed else 1.0
    if typed:
        return 1.0 if typed == wanted else OTHER_DIRECTION
    for word in spare:
        if any(role_word("predir", d) == word for d in wanted):
            spare.remove(word)
            return 1.0
    return LEFT_OUT


@lru_cache(maxsize=262_144)
def token_similarity(typed: str, known: str) -> float:
    """1 for the same word, less for each typo; numbers and ordinals must match exactly."""
    if typed == known:
        return 1.0
    if not (typed.isalpha() and known.isalpha()):
        return 0.0
    longest = max(len(typed), len(known))
    limit = allowed_edits(longest)
    distance = edit_distance(typed, known, limit)
    return 1 - distance / longest if distance <= limit else 0.0
