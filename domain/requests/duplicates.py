"""Duplicate detection: which open requests a new report probably repeats.

A candidate is an open request of the same service, or of another service in the same group,
reported within the policy's radius and time window (the read model selects them). Its score in
0..1 weighs three signals:

- distance, weight 0.5: 1 at the same point, falling linearly to 0 at the radius;
- age, weight 0.2: 1 for the same moment, falling linearly to 0 at the end of the window;
- text, weight 0.3: the similarity of the two descriptions (`text_similarity`), counted in
  full from TEXT_SATURATION up, because rewordings of one problem rarely share more.

An empty description says nothing either way: the score then uses distance and age alone,
with their weights scaled up to sum to 1. A candidate of another service in the same group is a
weaker hint, so its score is multiplied by OTHER_SERVICE_FACTOR.

Distance weighs most because a re-report is made at the same place. Two people rarely word one
problem alike, so the text supports rather than decides; age weighs least, as a problem stays
until it is fixed. The weights and the default threshold were chosen on a development draw of
the labelled Baltimore pairs (tests/integration/duplicates) and are measured on another draw.
"""

import heapq
import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Generic, NamedTuple, Protocol, TypeVar, cast

from domain.directory.catalog import MAX_RADIUS_M
from domain.requests.model import Location
from domain.shared.errors import ValidationFailed

EARTH_RADIUS_M = 6_371_008.8  # the mean radius (IUGG)
DEFAULT_RADIUS_M = 150.0
DEFAULT_WINDOW = timedelta(days=30)
DEFAULT_THRESHOLD = 0.5

DISTANCE_WEIGHT = 0.5
AGE_WEIGHT = 0.2
TEXT_WEIGHT = 0.3
TEXT_SATURATION = 0.5
OTHER_SERVICE_FACTOR = 0.8
TIE = 1e-9  # scores this close rank as equal

STOP_WORDS = frozenset(
    "a an and are as at be by for from has have i in is it its me my near of on or our "  # noqa: SIM905
    "please the there this to was we with".split()
)
WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class DuplicatePolicy:
    """How far, how long ago, and how alike a request must be to count as a candidate."""

    radius_m: float = DEFAULT_RADIUS_M
    window: timedelta = DEFAULT_WINDOW
    threshold: float = DEFAULT_THRESHOLD

    def __post_init__(self) -> None:
        if not 0 < self.radius_m <= MAX_RADIUS_M:
            raise ValidationFailed.single(
                "radius_m", f"must be above 0 and at most {MAX_RADIUS_M:g} metres"
            )
        if self.window <= timedelta(0):
            raise ValidationFailed.single("window", "must be positive")
        if not 0 <= self.threshold <= 1:
            raise ValidationFailed.single("threshold", "must be between 0 and 1")

    @classmethod
    def for_service(cls, radius_m: float | None) -> "DuplicatePolicy":
        """The default policy, with the service's own radius when it has one."""
        return cls() if radius_m is None else cls(radius_m=radius_m)


DEFAULT_POLICY = DuplicatePolicy()


@dataclass(frozen=True)
class Probe:
    """What a new report (or a search) looks like: its point, service and description."""

    lat: float
    long: float
    service_code: str
    description: str = ""


class Candidate(Protocol):
    """What ranking reads of a request; ServiceRequest has all of it."""

    @property
    def id(self) -> str: ...
    @property
    def service_code(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def location(self) -> Location: ...
    @property
    def requested_at(self) -> datetime: ...


C = TypeVar("C", bound=Candidate)


class Match(NamedTuple, Generic[C]):
    candidate: C
    score: float
    distance_m: float


@dataclass(frozen=True)
class BoundingBox:
    """Degrees around a point that hold its whole radius; no longitude bounds near a pole
    or across the antimeridian (then only the exact distance filters)."""

    min_lat: float
    max_lat: float
    min_long: float | None
    max_long: float | None


def haversine_m(lat1: float, long1: float, lat2: float, long2: float) -> float:
    """Great-circle distance in metres on the mean-radius sphere."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(long2 - long1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def bounding_box(lat: float, long: float, radius_m: float) -> BoundingBox:
    margin = 1.01  # rounding and the sphere's bulge in longitude
    dlat = math.degrees(radius_m / EARTH_RADIUS_M) * margin
    min_lat, max_lat = max(-90.0, lat - dlat), min(90.0, lat + dlat)
    widest = max(abs(min_lat), abs(max_lat))
    if widest >= 89.0:
        return BoundingBox(min_lat, max_lat, None, None)
    dlong = dlat / math.cos(math.radians(widest))
    if long - dlong < -180 or long + dlong > 180:
        return BoundingBox(min_lat, max_lat, None, None)
    return BoundingBox(min_lat, max_lat, long - dlong, long + dlong)


def fold(text: str) -> str:
    """Case- and accent-insensitive form: 'Crème BRÛLÉE' -> 'creme brulee'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> frozenset[str]:
    return frozenset(w for w in WORD.findall(fold(text)) if w not in STOP_WORDS)


def trigrams(tokens: frozenset[str]) -> frozenset[str]:
    """Character trigrams of each word padded with spaces, so 'potholes' still meets 'pothole'."""
    grams: set[str] = set()
    for token in tokens:
        padded = f" {token} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return frozenset(grams)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


class Text(NamedTuple):
    """A description's words and their trigrams, worked out once per ranking."""

    words: frozenset[str]
    grams: frozenset[str]

    @classmethod
    def of(cls, text: str) -> "Text":
        tokens = words(text)
        return cls(tokens, trigrams(tokens))


def _similarity(a: Text, b: Text) -> float:
    if not a.words or not b.words:
        return 0.0
    return (jaccard(a.words, b.words) + jaccard(a.grams, b.grams)) / 2


def text_similarity(a: str, b: str) -> float:
    """The mean of the word-set and the character-trigram Jaccard indexes (0 if either is empty)."""
    return _similarity(Text.of(a), Text.of(b))


def _combine(
    distance_m: float, age: timedelta, text: float | None, same_service: bool, p: DuplicatePolicy
) -> float:
    near = max(0.0, 1 - distance_m / p.radius_m)
    recent = max(0.0, 1 - abs(age) / p.window)
    if text is None:
        value = (DISTANCE_WEIGHT * near + AGE_WEIGHT * recent) / (DISTANCE_WEIGHT + AGE_WEIGHT)
    else:
        alike = min(1.0, text / TEXT_SATURATION)
        value = DISTANCE_WEIGHT * near + AGE_WEIGHT * recent + TEXT_WEIGHT * alike
    return value if same_service else value * OTHER_SERVICE_FACTOR


class _Placed(NamedTuple):
    """A candidate within the radius and the window, before its text is read: `best` is the
    score it would have with a description just like the probe's (no score is higher)."""

    candidate: Candidate
    distance_m: float
    age: timedelta
    same_service: bool
    best: float


def _place(
    candidate: Candidate, probe: Probe, now: datetime, policy: DuplicatePolicy
) -> _Placed | None:
    lat, long = candidate.location.lat, candidate.location.long
    if lat is None or long is None:
        return None
    distance = haversine_m(probe.lat, probe.long, lat, long)
    age = now - candidate.requested_at
    if distance > policy.radius_m or abs(age) > policy.window:
        return None
    same_service = candidate.service_code == probe.service_code
    best = _combine(distance, age, TEXT_SATURATION, same_service, policy)
    return _Placed(candidate, distance, age, same_service, best)


def _measure(
    candidate: Candidate, probe: Probe, probe_text: Text, now: datetime, policy: DuplicatePolicy
) -> Match[Candidate] | None:
    placed = _place(candidate, probe, now, policy)
    return None if placed is None else _scored(placed, probe_text, policy)


def _scored(placed: _Placed, probe_text: Text, policy: DuplicatePolicy) -> Match[Candidate]:
    text = _text_score(probe_text, placed.candidate.description)
    value = _combine(placed.distance_m, placed.age, text, placed.same_service, policy)
    return Match(placed.candidate, value, placed.distance_m)


def _text_score(probe_text: Text, description: str) -> float | None:
    """None when either description has no words: the score then leaves the text out."""
    if not probe_text.words:
        return None
    text = Text.of(description)
    return _similarity(probe_text, text) if text.words else None


def score(
    candidate: Candidate, probe: Probe, now: datetime, policy: DuplicatePolicy = DEFAULT_POLICY
) -> float:
    """0..1; 0 outside the radius or the window. `now` is when the probe was reported."""
    match = _measure(candidate, probe, Text.of(probe.description), now, policy)
    return 0.0 if match is None else match.score


def rank(
    probe: Probe,
    candidates: list[C],
    policy: DuplicatePolicy,
    now: datetime,
    limit: int | None = None,
) -> list[Match[C]]:
    """Candidates at or above the threshold, best first, the first `limit` of them if given;
    equal scores (to 1e-9, so float rounding does not decide) go nearest first, then by id.

    The descriptions, the costly part, are compared best-possible score first, and no further
    once that bound falls below the threshold or below the `limit`-th score found: the answer
    is the same as scoring them all, at a crowded spot for a fraction of the work."""
    if limit is not None and limit <= 0:
        return []
    probe_text = Text.of(probe.description)
    placed = [p for c in candidates if (p := _place(c, probe, now, policy)) is not None]
    placed.sort(key=lambda p: -p.best)
    matches: list[Match[C]] = []
    kept: list[float] = []  # the `limit` best scores so far, the lowest first (a heap)
    for p in placed:
        if p.best < policy.threshold - TIE or (
            limit is not None and len(kept) == limit and p.best < kept[0] - TIE
        ):
            break
        match = _scored(p, probe_text, policy)
        if match.score >= policy.threshold:
            matches.append(Match(cast(C, match.candidate), match.score, match.distance_m))
            _keep(kept, match.score, limit)
    matches.sort(key=lambda m: (-round(m.score, 9), m.distance_m, m.candidate.id))
    return matches[:limit]


def _keep(kept: list[float], score: float, limit: int | None) -> None:
    if limit is None:
        return
    if len(kept) < limit:
        heapq.heappush(kept, score)
    elif score > kept[0]:
        heapq.heapreplace(kept, score)
