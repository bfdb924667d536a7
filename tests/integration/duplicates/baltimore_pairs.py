"""Labelled duplicate pairs built from real rows of the Baltimore 311 sample.

- **Pool:** every sample row of a catalog service with a real point (not the `39,-77`
  placeholder), counted as open. The sample's five years are folded into one (2016, month, day
  and time kept), so the pool is about five times denser than the sample: more same-service
  requests near each probe that are not its parent, which makes the test harder, not easier.
- **Positive pairs:** a seeded choice of rows (the parents); each is re-reported 1-10 days later,
  at a point moved up to 60 m, with a reworded description.
- **Hard negatives,** one of each kind per parent, added to the pool around it: the same service
  400-900 m away (`far`); the same place, a service of another group (`other-group`); the same
  service at the same place but 31-120 days before the re-report (`stale`); the same service
  110-150 m away on another block of the same street, 15-29 days before (`next-block`).
- **New-problem probes:** a report of a third group's service at each parent's place; no request
  in the pool is its duplicate.

The sample has no descriptions, so they are written from the templates below, worded by a
seeded random generator: a problem is described in one of a few ways, with a few phrasings of
the place (full address, block, street, or none).

The sample's own "(Duplicate)" statuses cannot serve as labels: their parents are mostly
outside the 10,000-row sample (of 189 flagged rows with a point, 6 have a request of the same
type within 150 m and 30 days in it).
"""

import csv
import gzip
import json
import math
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from domain.directory.catalog import SlaPolicy
from domain.requests.duplicates import EARTH_RADIUS_M, Probe
from domain.requests.model import Location, ServiceRequest
from tests.shared_data import SHARED_DATA

SAMPLE = SHARED_DATA / "service_requests" / "baltimore_311_sample_2014_2019.csv.gz"
CATALOG = Path(__file__).resolve().parents[3] / "adapters" / "demo" / "catalog.json"
BALTIMORE_TZ = ZoneInfo("America/New_York")
FOLDED_YEAR = 2016  # a leap year, so 29 February folds too
TAU = 2 * math.pi

ISSUES: dict[str, tuple[str, ...]] = {
    "bge-stlights-out": ("street light out", "streetlight not working", "dark street lamp"),
    "bge-stlights-out-rear": ("alley light out", "rear street light out", "back alley lamp dark"),
    "fir-fire-smoke-alarm-installation-request": (
        "smoke alarm installation",
        "need a smoke detector installed",
        "free smoke alarm wanted",
    ),
    "for-tree-inspection": ("tree needs inspection", "leaning tree", "dead limbs hanging"),
    "hcd-illegal-dumping": ("illegal dumping", "debris dumped on the lot", "tires dumped"),
    "hcd-maintenance-structure": ("house in disrepair", "collapsing porch", "loose bricks"),
    "hcd-sanitation-property": ("trash in the yard", "yard full of garbage", "rubbish on property"),
    "hcd-vacant-building": ("vacant house open", "abandoned building unsecured", "open vacant"),
    "hlth-animal-in-danger-injured-abused-neglected": (
        "dog left out in the cold",
        "injured animal",
        "neglected dog chained up",
    ),
    "sw-appliance-white-goods": ("old fridge for pickup", "washer to collect", "appliance at curb"),
    "sw-bulk-scheduled": ("bulk trash pickup", "couch and mattress pickup", "large items pickup"),
    "sw-dirty-alley": ("dirty alley", "alley full of trash", "garbage all over the alley"),
    "sw-dirty-street": ("dirty street", "litter all over the street", "street needs sweeping"),
    "sw-graffiti-removal": ("graffiti on the wall", "spray paint tags", "graffiti to remove"),
    "sw-mixed-refuse": ("trash not collected", "missed trash pickup", "garbage not picked up"),
    "sw-municipal-trash-can-concern": (
        "city trash can overflowing",
        "public trash can full",
        "broken municipal can",
    ),
    "sw-rat-rubout": ("rats in the yard", "rat burrows", "rodent problem"),
    "sw-recycling": ("recycling not picked up", "missed recycling", "recycling bin left full"),
    "trm-illegal-sign-removal": ("illegal sign on pole", "signs stapled to poles", "bandit signs"),
    "trm-pothole-repair": ("pothole", "deep pothole in the road", "hole in the street"),
    "trm-snow-icy-conditions": ("icy road", "snow not plowed", "ice on the street"),
    "trm-street-repairs": ("broken road surface", "street needs repair", "sunken pavement"),
    "trs-48-hour-parking-complaint": (
        "car parked over 48 hours",
        "car not moved for days",
        "vehicle stored on street",
    ),
    "trs-abandoned-vehicle": ("abandoned car", "car with flat tires and no tags", "junk vehicle"),
    "trs-parking-complaint": ("car blocking driveway", "illegal parking", "parked in bus stop"),
    "trt-traffic-signal-repairs": ("traffic light out", "signal stuck on red", "signal broken"),
    "ttr-vehicle-removal": ("vehicle needs towing", "car to be towed", "tow request"),
    "ww-sewer-water-in-basement": (
        "sewage in basement",
        "sewer backing up into basement",
        "basement flooding from sewer",
    ),
    "ww-water-leak-exterior": ("water leak in the street", "water bubbling up", "main break"),
    "ww-water-meter-leak": ("water meter leaking", "leak at the meter", "meter box full of water"),
    "ww-water-no-water": ("no water", "water is off", "no water pressure at all"),
}

TEMPLATES = (
    "{Issue} at {place}",
    "{Issue} on {place}. {extra}",
    "Caller reports {issue} at {place}",
    "There is a {issue} by {place}, please send someone",
    "{place}: {issue}",
    "Resident says {issue} near {place}. {extra}",
    "{ISSUE} AT {PLACE}!!",
    "Reporting {issue} again at {place}, still not fixed",
)

EXTRAS = {
    "Streets": ("Cars swerving to avoid it.", "Dangerous at night.", "Getting worse."),
    "Parking": ("Been there all week.", "Neighbors cannot get out.", "No plates visible."),
    "Sanitation": ("Smells bad.", "Attracting rats.", "Blocking the way."),
    "Housing": ("Kids go in there.", "Owner unknown.", "Neighbors worried."),
    "Street lights": ("Very dark at night.", "Feels unsafe.", "Out for days."),
    "Water": ("Urgent.", "Running for hours.", "Elderly resident."),
}
GENERIC_EXTRAS = ("Please help.", "Urgent.", "Called before.")
UNNAMED_PLACES = ("my house", "our block", "the corner")


@dataclass(frozen=True)
class Row:
    """A usable sample row: a catalog service, a real point, its address, its folded time."""

    number: str
    service_code: str
    lat: float
    long: float
    at: datetime
    address: str


@dataclass(frozen=True)
class Query:
    probe: Probe
    at: datetime
    parent_id: str | None


@dataclass
class Dataset:
    pool: list[ServiceRequest]
    queries: list[Query]
    groups: dict[str, str]
    departments: dict[str, str]
    negatives: dict[str, str] = field(default_factory=dict)  # pool id -> kind

    @property
    def positives(self) -> list[Query]:
        return [q for q in self.queries if q.parent_id is not None]


def catalog() -> dict[str, dict[str, str]]:
    services = json.loads(CATALOG.read_text(encoding="utf-8"))["services"]
    return {s["type_name"]: s for s in services}


def _folded(created: str) -> datetime:
    local = datetime.strptime(created, "%m/%d/%Y %I:%M:%S %p").replace(year=FOLDED_YEAR)
    return local.replace(tzinfo=BALTIMORE_TZ)


def _street(address: str) -> str:
    return address.split(",")[0].strip().title()


def sample_rows() -> list[Row]:
    types = catalog()
    with gzip.open(SAMPLE, "rt", encoding="utf-8", newline="") as handle:
        raw = list(csv.DictReader(handle))
    rows = []
    for r in raw:
        service = types.get(r["SRType"])
        if service is None or not r["Latitude"] or not r["Longitude"] or not r["Address"]:
            continue
        lat, long = float(r["Latitude"]), float(r["Longitude"])
        if (lat, long) == (39.0, -77.0):  # the sample's placeholder for "not geocoded"
            continue
        at = _folded(r["CreatedDate"])
        rows.append(Row(r["ServiceRequestNum"], service["code"], lat, long, at, r["Address"]))
    return rows


def offset(lat: float, long: float, metres: float, bearing: float) -> tuple[float, float]:
    """The point `metres` away along `bearing` (radians), on the sphere."""
    delta = metres / EARTH_RADIUS_M
    phi, lam = math.radians(lat), math.radians(long)
    phi2 = math.asin(
        math.sin(phi) * math.cos(delta) + math.cos(phi) * math.sin(delta) * math.cos(bearing)
    )
    lam2 = lam + math.atan2(
        math.sin(bearing) * math.sin(delta) * math.cos(phi),
        math.cos(delta) - math.sin(phi) * math.sin(phi2),
    )
    return math.degrees(phi2), math.degrees(lam2)


@dataclass(frozen=True)
class Wording:
    text: str
    template: int
    issue: int


class Writer:
    """Descriptions worded by a seeded generator."""

    def __init__(self, rng: random.Random, groups: dict[str, str]) -> None:
        self.rng = rng
        self.groups = groups

    def place(self, address: str) -> str:
        street = _street(address)
        number, _, name = street.partition(" ")
        roll = self.rng.random()
        if roll < 0.15:
            return self.rng.choice(UNNAMED_PLACES)
        if not number.isdigit() or roll < 0.55:
            return street
        if roll < 0.8:
            return f"the {int(number) // 100 * 100} block of {name}"
        return name

    def describe(self, service: str, address: str, reword: Wording | None = None) -> Wording:
        """With `reword`, another template and another phrasing of the same problem."""
        template = self._pick(len(TEMPLATES), reword.template if reword else -1)
        issue_index = self._pick(len(ISSUES[service]), reword.issue if reword else -1)
        issue = ISSUES[service][issue_index]
        place = self.place(address)
        text = TEMPLATES[template].format(
            issue=issue,
            Issue=issue[0].upper() + issue[1:],
            ISSUE=issue.upper(),
            place=place,
            PLACE=place.upper(),
            extra=self.rng.choice(EXTRAS.get(self.groups[service], GENERIC_EXTRAS)),
        )
        return Wording(text, template, issue_index)

    def _pick(self, n: int, avoid: int) -> int:
        return self.rng.choice([i for i in range(n) if i != avoid])


@dataclass(frozen=True)
class Spot:
    service: str
    lat: float
    long: float
    at: datetime
    address: str


def _next_block(address: str, rng: random.Random) -> str:
    street = _street(address)
    number, _, name = street.partition(" ")
    if not number.isdigit():
        return street
    return f"{int(number) + rng.choice((-1, 1)) * rng.randint(1, 3) * 100 + 2} {name}"


class Builder:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        services = list(catalog().values())
        self.groups = {s["code"]: s["group"] for s in services}
        self.departments = {s["code"]: s["department"] for s in services}
        self.by_group: dict[str, list[str]] = {}
        for s in services:
            self.by_group.setdefault(s["group"], []).append(s["code"])
        self.writer = Writer(self.rng, self.groups)
        self.pool: dict[str, ServiceRequest] = {}
        self.wording: dict[str, Wording] = {}
        self.dataset = Dataset([], [], self.groups, self.departments)

    def put(self, request_id: str, spot: Spot) -> None:
        wording = self.writer.describe(spot.service, spot.address)
        self.wording[request_id] = wording
        self.pool[request_id] = ServiceRequest(
            id=request_id,
            service_code=spot.service,
            department_code=self.departments[spot.service],
            sla=SlaPolicy(24.0),
            requested_at=spot.at,
            description=wording.text,
            location=Location(spot.lat, spot.long, spot.address),
        )

    def days(self, low: float, high: float) -> timedelta:
        return timedelta(days=self.rng.uniform(low, high))

    def around(self, row: Row, low: float, high: float) -> tuple[float, float]:
        return offset(row.lat, row.long, self.rng.uniform(low, high), self.rng.uniform(0, TAU))

    def pair(self, i: int, parent: Row) -> None:
        rng, service = self.rng, parent.service_code
        now = parent.at + self.days(1, 10)
        moved = 60 * math.sqrt(rng.random())  # uniform over the 60 m disc
        lat, long = offset(parent.lat, parent.long, moved, rng.uniform(0, TAU))
        text = self.writer.describe(service, parent.address, self.wording[parent.number]).text
        self.dataset.queries.append(Query(Probe(lat, long, service, text), now, parent.number))

        others = sorted(g for g in self.by_group if g not in (self.groups[service], ""))
        other, third = rng.sample(others, 2)
        far = rng.choice(list(self.pool.values())).location.address or ""
        near = self.around(parent, 0, 20)
        block = _next_block(parent.address, rng)
        spots = {
            "far": Spot(service, *self.around(parent, 400, 900), now - self.days(1, 20), far),
            "other-group": Spot(
                rng.choice(self.by_group[other]), *near, now - self.days(0.5, 20), parent.address
            ),
            "stale": Spot(service, *near, now - self.days(31, 120), parent.address),
            "next-block": Spot(
                service, *self.around(parent, 110, 150), now - self.days(15, 29), block
            ),
        }
        for kind, spot in spots.items():
            self.put(f"N{i:03d}-{kind}", spot)
            self.dataset.negatives[f"N{i:03d}-{kind}"] = kind

        new_service = rng.choice(self.by_group[third])
        new_text = self.writer.describe(new_service, parent.address).text
        self.dataset.queries.append(Query(Probe(*near, new_service, new_text), now, None))


def build(seed: int, parents: int = 240) -> Dataset:
    """The pool, the labelled queries and the hard negatives, all derived from `seed`."""
    builder = Builder(seed)
    rows = sample_rows()
    for row in rows:
        builder.put(row.number, Spot(row.service_code, row.lat, row.long, row.at, row.address))
    for i, parent in enumerate(builder.rng.sample(rows, parents)):
        builder.pair(i, parent)
    builder.dataset.pool = list(builder.pool.values())
    return builder.dataset


def in_scope(dataset: Dataset, probe: Probe, candidate: ServiceRequest) -> bool:
    """What the read model's SQL selects: the same service, or the same non-empty group."""
    if candidate.service_code == probe.service_code:
        return True
    group = dataset.groups[probe.service_code]
    return group != "" and dataset.groups[candidate.service_code] == group
