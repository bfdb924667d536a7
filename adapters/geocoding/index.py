"""The in-memory address index: built once per table version, then read by every request.

A search narrows the table to a few streets before scoring anything: each typed word is looked
up in the vocabulary of street-name words (typos allowed), the streets holding those words are
ranked by how well they match, and only the best streets' points with the asked house number
(or the nearest numbers, when it is not known) are scored in full by the domain's rules.
"""

import bisect
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from adapters.geocoding.grid import PointGrid
from adapters.geocoding.vocabulary import Vocabulary
from domain.addresses.abbreviations import role_word
from domain.addresses.matching import score, street_similarity
from domain.addresses.model import AddressCandidate, AddressPoint
from domain.addresses.normalize import ParsedAddress, Street, parse_address

MAX_STREETS = 12  # streets whose points are scored, per typed street
NEAREST_NUMBERS = 2  # points scored on each side of a house number the street lacks
STREET_POINTS = 20  # numbered points scored on a street when no number is asked


@dataclass(frozen=True)
class IndexedPoint:
    point: AddressPoint
    parsed: ParsedAddress


@dataclass
class StreetPoints:
    """The points on one street: by house number, in number order, and those without one."""

    street: Street
    by_number: defaultdict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    in_order: list[tuple[int, int]] = field(default_factory=list)  # (number, point index)
    unnumbered: list[int] = field(default_factory=list)  # intersections, streets as a whole

    def add(self, number: str, index: int) -> None:
        if not number:
            self.unnumbered.append(index)
            return
        self.by_number[number].append(index)
        self.in_order.append((_numeric(number), index))

    def near(self, number: str) -> list[int]:
        if not number:
            return self.unnumbered + [index for _, index in self.in_order[:STREET_POINTS]]
        if number in self.by_number:
            return self.by_number[number]
        if not self.in_order:
            return self.unnumbered[:STREET_POINTS]
        at = bisect.bisect_left(self.in_order, (_numeric(number), -1))
        around = self.in_order[max(0, at - NEAREST_NUMBERS) : at + NEAREST_NUMBERS]
        return [index for _, index in around]


def _numeric(number: str) -> int:
    return int(number.rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ") or 0)


class AddressIndex:
    def __init__(self, points: Sequence[AddressPoint]) -> None:
        self._points = [IndexedPoint(p, parse_address(p.address, p.zip)) for p in points]
        self._streets: dict[Street, StreetPoints] = {}
        words: defaultdict[str, set[Street]] = defaultdict(set)
        for index, indexed in enumerate(self._points):
            for street in indexed.parsed.streets:
                points_on = self._streets.setdefault(street, StreetPoints(street))
                points_on.add(indexed.parsed.number, index)
                for word in street.name:
                    words[word].add(street)
        for points_on in self._streets.values():
            points_on.in_order.sort()
        self._streets_with = dict(words)
        self._vocabulary = Vocabulary(words)
        self._grid = PointGrid([(p.point.lat, p.point.long) for p in self._points])

    def __len__(self) -> int:
        return len(self._points)

    def search(self, text: str, limit: int) -> list[AddressCandidate]:
        query = parse_address(text)
        scored = {
            index: score(query, self._points[index].parsed) for index in self._candidates(query)
        }
        ranked = sorted(
            (item for item in scored.items() if item[1] > 0),
            key=lambda item: (-item[1], self._points[item[0]].point.address, item[0]),
        )
        return [self._answer(index, value) for index, value in ranked[:limit]]

    def nearest(self, lat: float, long: float, within_m: float) -> AddressCandidate | None:
        """The nearest point; its score falls from 1 on the spot to 0 at `within_m`."""
        found = self._grid.nearest(lat, long, within_m)
        if found is None:
            return None
        index, metres = found
        return self._answer(index, round(1 - metres / within_m, 4))

    def _candidates(self, query: ParsedAddress) -> set[int]:
        found: set[int] = set()
        for typed in query.streets:
            for street in self._best_streets(typed):
                found.update(self._streets[street].near(query.number))
        return found

    def _best_streets(self, typed: Street) -> list[Street]:
        streets = {street for word in _words(typed) for street in self._streets_of(word)}
        ranked = sorted(
            ((street_similarity(typed, street), street.key, street) for street in streets),
            key=lambda item: (-item[0], item[1]),
        )
        return [street for similarity, _, street in ranked[:MAX_STREETS] if similarity > 0]

    def _streets_of(self, word: str) -> Iterable[Street]:
        for known in self._vocabulary.similar(word):
            yield from self._streets_with[known]

    def _answer(self, index: int, value: float) -> AddressCandidate:
        point = self._points[index].point
        return AddressCandidate(point.address, point.zip, point.lat, point.long, value)


def _words(street: Street) -> set[str]:
    """The typed name words, plus the suffix and directionals as words (OLD COURT, NORTH AVE)."""
    roles = {"predir": street.predir, "suffix": street.suffix, "postdir": street.postdir}
    return set(street.name) | {role_word(role, value) for role, value in roles.items() if value}
