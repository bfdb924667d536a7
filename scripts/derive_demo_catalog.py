"""Derive the demo service catalog (adapters/demo/catalog.json) from real Baltimore 311 data.

Usage: python scripts/derive_demo_catalog.py [DATA_DIR] [--output PATH]

DATA_DIR is the shared data folder (default: ../shared/data relative to the repository root).
Only the standard library is used and the output is deterministic: the same input always gives
byte-identical JSON. See adapters/demo/ATTRIBUTION.md for the sources and the rules applied.

What comes from the data: which request types are chosen (most frequent in the sample), their
exact city names, the agency that handles each one most often, and the SLA (the median time
from CreatedDate to DueDate). What is our own sample content: the human names, descriptions,
groups, keywords and attribute definitions in CONTENT below.
"""

from __future__ import annotations

import argparse
import collections
import csv
import gzip
import json
import re
import statistics
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TypedDict

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = REPO_ROOT.parent / "shared" / "data"
DEFAULT_OUTPUT = REPO_ROOT / "adapters" / "demo" / "catalog.json"
SAMPLE_PATH = Path("service_requests") / "baltimore_311_sample_2014_2019.csv.gz"
REQUEST_TYPES_PATH = Path("catalogs") / "baltimore_311_request_types.csv"

SERVICE_COUNT = 30
ALWAYS_KEPT_DEPARTMENT = "Transportation"
HOURS_PER_BUSINESS_DAY = 9  # Mon-Fri 08:00-17:00
ROUND_THE_CLOCK_BELOW_HOURS = 48.0

SOURCE = (
    "Derived from a {rows:,}-row sample of Baltimore City 311 customer service requests "
    "(2014-2019; city-of-baltimore/city-R-training-series data/311_sample.csv @ 42a3796, "
    "Open Baltimore data terms); names, descriptions, keywords and attributes are Frontdoor "
    "sample content."
)

DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4}) (\d{1,2}):(\d{2}):(\d{2}) ([AP]M)$")
WATER_LEAK = re.compile(r"^WW-.*(leak|main break)", re.IGNORECASE)

# Prefixes and suffixes of types that are not resident service requests.
SKIP_PREFIXES = ("ECC-",)  # call-center (Emergency Call Center) internal and lookup types
SKIP_SUFFIXES = (" Proactive",)  # city-initiated variants; the resident type is kept
SKIPPED: dict[str, str] = {
    "SW-HGW": "system-generated work order (266 of 267 rows via API, 30-day due date)",
    "SW-Cleaning": "system-generated work order (all rows via API, 30-day due date)",
    "SW-Boarding": "system-generated work order (all rows via API)",
    "TRM-Pickup Pothole": "internal crew follow-up (88 of 98 rows Internal)",
    "FCPF-Trial Request-Parking": "administrative: parking-ticket trial request (by mail)",
    "FCPF-Parking Court Petitions": "administrative: parking court petition (by mail)",
    "FCPF-Payments": "administrative: payment handling",
    "FCCS-Refunds": "administrative: refund request",
    "FCCS-Metered Water": "administrative: water billing",
    "HLTH-Animal Inspection/Follow-up": "internal follow-up of an earlier request",
    "TEC-Footways Contract/Reconstruction": "contract works listing; no usable due dates",
}


class Option(TypedDict):
    key: str
    name: str


class Attribute(TypedDict):
    code: str
    datatype: str
    variable: bool
    required: bool
    description: str
    datatype_description: str
    order: int
    values: list[Option]


class Sla(TypedDict):
    target_hours: float
    calendar: str
    pauses_on_hold: bool


class Service(TypedDict):
    code: str
    type_name: str
    name: str
    description: str
    group: str
    keywords: list[str]
    department: str
    active: bool
    sla: Sla
    attributes: list[Attribute]


class Department(TypedDict):
    code: str
    name: str
    email: str | None
    phone: str | None


class Catalog(TypedDict):
    source: str
    departments: list[Department]
    services: list[Service]


@dataclass(frozen=True)
class AttributeSpec:
    code: str
    datatype: str
    description: str
    required: bool = False
    variable: bool = True
    values: tuple[tuple[str, str], ...] = ()
    datatype_description: str = ""


@dataclass(frozen=True)
class Content:
    name: str
    group: str
    description: str
    keywords: tuple[str, ...]
    attributes: tuple[AttributeSpec, ...] = ()


@dataclass
class TypeStats:
    count: int = 0
    agencies: collections.Counter[str] = field(default_factory=collections.Counter)
    due_hours: list[float] = field(default_factory=list)


def attr(
    code: str,
    datatype: str,
    description: str,
    *,
    required: bool = False,
    variable: bool = True,
    values: tuple[tuple[str, str], ...] = (),
    datatype_description: str = "",
) -> AttributeSpec:
    return AttributeSpec(
        code, datatype, description, required, variable, values, datatype_description
    )


# --- Sample content (ours, not the city's) ----------------------------------------------------

CONTENT: dict[str, Content] = {
    "BGE-StLight(s) Out": Content(
        "Street light out",
        "Street lights",
        "Report one or more street lights that are out, flickering or on during the day.",
        ("street light", "streetlight", "dark", "lamp"),
        (
            attr(
                "light_condition",
                "singlevaluelist",
                "What is wrong with the light?",
                required=True,
                values=(
                    ("out", "Completely out"),
                    ("flickering", "Flickering or cycling on and off"),
                    ("day-burner", "On during the day"),
                ),
            ),
            attr(
                "lights_out",
                "number",
                "How many lights in a row are out?",
                datatype_description="A whole number, for example 2.",
            ),
            attr(
                "pole_number",
                "string",
                "Pole number, if you can see a tag on the pole.",
            ),
        ),
    ),
    "BGE-StLight(s) Out Rear": Content(
        "Alley street light out",
        "Street lights",
        "Report a street light that is out behind houses, for example in a rear alley.",
        ("street light", "alley", "dark", "rear"),
    ),
    "FIR-Fire Smoke Alarm Installation Request": Content(
        "Smoke alarm installation",
        "Safety",
        "Ask the Fire Department to install a smoke alarm in your home.",
        ("smoke alarm", "smoke detector", "fire safety"),
        (
            attr(
                "sleeping_rooms",
                "number",
                "How many bedrooms or other rooms do people sleep in?",
                required=True,
                datatype_description="A whole number, for example 3.",
            ),
            attr(
                "visit_time",
                "singlevaluelist",
                "When is the best time for a visit?",
                values=(
                    ("morning", "Morning"),
                    ("afternoon", "Afternoon"),
                    ("evening", "Early evening"),
                ),
            ),
        ),
    ),
    "FOR-Tree Inspection": Content(
        "Tree inspection",
        "Trees",
        "Ask the city's forestry staff to inspect a street tree that looks dead, diseased or "
        "unsafe.",
        ("tree", "forestry", "dead tree", "inspection"),
    ),
    "HCD-Illegal Dumping": Content(
        "Illegal dumping",
        "Sanitation",
        "Report trash, tires or building debris dumped illegally on a lot, alley or street.",
        ("dumping", "debris", "tires", "trash"),
        (
            attr(
                "materials",
                "multivaluelist",
                "What was dumped?",
                required=True,
                values=(
                    ("household-trash", "Household trash"),
                    ("furniture", "Furniture or mattresses"),
                    ("tires", "Tires"),
                    ("construction-debris", "Construction debris"),
                    ("yard-waste", "Yard waste"),
                    ("other", "Something else"),
                ),
            ),
            attr("seen_dumping_at", "datetime", "If you saw it happen, when was it?"),
            attr(
                "vehicle_description",
                "string",
                "If you saw a vehicle, describe it (type, color, plate).",
            ),
        ),
    ),
    "HCD-Maintenance Structure": Content(
        "Building in disrepair",
        "Housing",
        "Report an outside building problem such as a damaged roof, wall, porch or steps so a "
        "code inspector can check it.",
        ("building", "disrepair", "code enforcement", "roof"),
    ),
    "HCD-Sanitation Property": Content(
        "Unsanitary property",
        "Housing",
        "Report trash, debris or other unsanitary conditions on a private property for a code "
        "enforcement inspection.",
        ("property", "trash", "debris", "code enforcement"),
        (
            attr(
                "property_status",
                "singlevaluelist",
                "Is the property lived in?",
                required=True,
                values=(
                    ("occupied", "Occupied"),
                    ("vacant-building", "Vacant building"),
                    ("vacant-lot", "Vacant lot"),
                    ("unknown", "Not sure"),
                ),
            ),
            attr(
                "conditions",
                "multivaluelist",
                "What do you see?",
                values=(
                    ("trash-debris", "Trash or debris"),
                    ("bulk-items", "Furniture or other bulk items"),
                    ("high-grass", "High grass or weeds"),
                    ("rodents", "Signs of rats"),
                    ("standing-water", "Standing water"),
                ),
            ),
            attr("details", "text", "Anything else the inspector should know?"),
        ),
    ),
    "HCD-Vacant Building": Content(
        "Vacant building",
        "Housing",
        "Report a vacant building that is open to entry, unsafe or being used without permission.",
        ("vacant", "abandoned house", "open building"),
        (
            attr(
                "problems",
                "multivaluelist",
                "What is the problem with the building?",
                values=(
                    ("open-door-window", "Open door or window"),
                    ("trespassing", "People going in"),
                    ("structural-damage", "Walls or roof look unsafe"),
                    ("fire-damage", "Fire damage"),
                ),
            ),
        ),
    ),
    "HLTH-Animal In Danger/Injured/Abused/Neglected": Content(
        "Animal in danger or neglected",
        "Animals",
        "Report an animal that is injured, in danger, abused or neglected.",
        ("animal", "cruelty", "injured", "neglect"),
        (
            attr(
                "animal_type",
                "singlevaluelist",
                "What kind of animal is it?",
                required=True,
                values=(
                    ("dog", "Dog"),
                    ("cat", "Cat"),
                    ("bird", "Bird"),
                    ("wildlife", "Wild animal"),
                    ("other", "Other"),
                ),
            ),
            attr(
                "situation",
                "multivaluelist",
                "What is happening to the animal?",
                values=(
                    ("injured", "Injured or sick"),
                    ("no-food-water", "No food or water"),
                    ("no-shelter", "No shelter from heat or cold"),
                    ("left-in-vehicle", "Left in a vehicle"),
                    ("abused", "Being hurt"),
                ),
            ),
            attr(
                "details",
                "text",
                "Describe the animal and exactly where it is.",
                required=True,
            ),
        ),
    ),
    "SW-Appliance (White Goods)": Content(
        "Appliance pickup",
        "Sanitation",
        "Request a pickup of a large household appliance such as a refrigerator, washer or stove.",
        ("appliance", "refrigerator", "washer", "white goods"),
        (
            attr(
                "doors_notice",
                "string",
                "Take the doors off refrigerators and freezers before you put them out.",
                variable=False,
            ),
            attr(
                "appliances",
                "multivaluelist",
                "Which appliances should be picked up?",
                required=True,
                values=(
                    ("refrigerator", "Refrigerator"),
                    ("freezer", "Freezer"),
                    ("washer", "Washing machine"),
                    ("dryer", "Dryer"),
                    ("stove", "Stove or oven"),
                    ("water-heater", "Water heater"),
                    ("air-conditioner", "Air conditioner"),
                ),
            ),
        ),
    ),
    "SW-Bulk Scheduled": Content(
        "Bulk trash pickup",
        "Sanitation",
        "Schedule a curbside pickup of large household items such as furniture and mattresses.",
        ("bulk", "furniture", "mattress", "pickup"),
        (
            attr(
                "placement_notice",
                "string",
                "Put the items where your trash is normally collected, clear of cars and the "
                "sidewalk.",
                variable=False,
            ),
            attr(
                "items",
                "multivaluelist",
                "What will you put out?",
                required=True,
                values=(
                    ("furniture", "Furniture"),
                    ("mattress", "Mattress or box spring"),
                    ("carpet", "Carpet or rugs"),
                    ("bagged-items", "Bagged household items"),
                    ("other", "Other large items"),
                ),
            ),
            attr(
                "item_count",
                "number",
                "About how many items?",
                required=True,
                datatype_description="A whole number, for example 4.",
            ),
        ),
    ),
    "SW-Dirty Alley": Content(
        "Dirty alley",
        "Sanitation",
        "Report an alley with loose trash, litter or debris that needs cleaning.",
        ("alley", "trash", "litter"),
    ),
    "SW-Dirty Street": Content(
        "Dirty street",
        "Sanitation",
        "Report litter, debris or spilled material on a public street that needs cleaning.",
        ("street", "litter", "sweeping"),
    ),
    "SW-Graffiti Removal": Content(
        "Graffiti removal",
        "Sanitation",
        "Request removal of graffiti from a building, wall, fence or other surface.",
        ("graffiti", "tagging", "vandalism", "paint"),
        (
            attr(
                "surface",
                "singlevaluelist",
                "What is the graffiti on?",
                required=True,
                values=(
                    ("brick-stone", "Brick or stone"),
                    ("painted-wall", "Painted wall"),
                    ("wood", "Wood or fence"),
                    ("metal", "Metal, pole or box"),
                    ("glass", "Glass"),
                    ("other", "Other"),
                ),
            ),
            attr(
                "offensive",
                "singlevaluelist",
                "Is the graffiti offensive or hateful?",
                values=(("yes", "Yes"), ("no", "No")),
            ),
        ),
    ),
    "SW-Mixed Refuse": Content(
        "Household trash collection",
        "Sanitation",
        "Report a problem with household trash collection, such as a missed pickup.",
        ("trash", "garbage", "missed pickup"),
    ),
    "SW-Municipal Trash Can Concern": Content(
        "City trash can problem",
        "Sanitation",
        "Report a problem with a city-issued household trash can, such as a damaged or missing "
        "can.",
        ("trash can", "bin", "damaged", "replacement"),
        (
            attr(
                "can_problem",
                "singlevaluelist",
                "What is wrong with the can?",
                required=True,
                values=(
                    ("damaged", "Damaged"),
                    ("missing", "Missing or stolen"),
                    ("never-received", "Never received one"),
                ),
            ),
            attr("can_serial", "string", "Serial number printed on the can, if there is one."),
        ),
    ),
    "SW-Rat Rubout": Content(
        "Rats outdoors",
        "Sanitation",
        "Report rats or rat burrows outdoors so a rat control crew can treat the area.",
        ("rats", "rodents", "burrows", "pest"),
    ),
    "SW-Recycling": Content(
        "Recycling collection",
        "Sanitation",
        "Report a problem with recycling collection, such as a missed pickup.",
        ("recycling", "missed pickup", "collection"),
    ),
    "TRM-Illegal Sign Removal": Content(
        "Illegal sign removal",
        "Streets",
        "Report a sign posted illegally on a pole, median or other public right-of-way so it can "
        "be removed.",
        ("illegal sign", "bandit sign", "pole", "posters"),
    ),
    "TRM-Pothole Repair": Content(
        "Pothole",
        "Streets",
        "Report a pothole in a city street or alley so a road crew can repair it.",
        ("pothole", "road", "street", "hole"),
        (
            attr(
                "pothole_size",
                "singlevaluelist",
                "How big is the pothole?",
                required=True,
                values=(
                    ("small", "Smaller than a dinner plate"),
                    ("medium", "Between a dinner plate and a car tire"),
                    ("large", "Larger than a car tire"),
                ),
            ),
            attr(
                "position",
                "singlevaluelist",
                "Where in the road is it?",
                values=(
                    ("travel-lane", "In a traffic lane"),
                    ("bike-lane", "In a bike lane"),
                    ("crosswalk", "In a crosswalk"),
                    ("curb", "Next to the curb"),
                    ("alley", "In an alley"),
                ),
            ),
            attr(
                "depth_inches",
                "number",
                "About how deep is it, in inches?",
                datatype_description="A number of inches, for example 3.",
            ),
        ),
    ),
    "TRM-Snow/Icy Conditions": Content(
        "Snow or ice on a street",
        "Streets",
        "Report a city street that has not been plowed or is icy and needs salt.",
        ("snow", "ice", "plow", "salt"),
    ),
    "TRM-Street Repairs": Content(
        "Street repair",
        "Streets",
        "Report damage to a street surface other than a pothole, such as a sunken or broken patch.",
        ("street", "road damage", "sunken road", "repair"),
    ),
    "TRS-48 Hour Parking Complaint": Content(
        "Vehicle parked over 48 hours",
        "Parking",
        "Report a vehicle that has stayed in the same spot on a public street for more than 48 "
        "hours.",
        ("parking", "48 hour", "stored vehicle"),
    ),
    "TRS-Abandoned Vehicle": Content(
        "Abandoned vehicle",
        "Parking",
        "Report a vehicle that looks abandoned on a public street, for example with flat tires "
        "or missing plates.",
        ("abandoned car", "vehicle", "flat tires", "no plates"),
        (
            attr("vehicle_make", "string", "Make and model, if you know it."),
            attr("vehicle_color", "string", "Color of the vehicle."),
            attr("license_plate", "string", "License plate number and state, if it has one."),
            attr(
                "first_noticed",
                "datetime",
                "When did you first notice the vehicle there?",
                required=True,
            ),
        ),
    ),
    "TRS-Parking Complaint": Content(
        "Illegal parking",
        "Parking",
        "Report a vehicle parked illegally, for example blocking a driveway, hydrant or crosswalk.",
        ("parking", "illegal parking", "driveway", "hydrant"),
    ),
    "TRT-Traffic Signal Repairs": Content(
        "Traffic signal problem",
        "Streets",
        "Report a traffic signal that is dark, flashing, stuck or otherwise not working.",
        ("traffic light", "signal", "intersection"),
        (
            attr(
                "signal_problem",
                "singlevaluelist",
                "What is wrong with the signal?",
                required=True,
                values=(
                    ("dark", "All lights are out"),
                    ("flashing", "Flashing"),
                    ("stuck", "Stuck on one color"),
                    ("bulb-out", "One light is out"),
                    ("pedestrian", "Pedestrian signal not working"),
                    ("damaged", "Pole or signal head damaged"),
                ),
            ),
            attr(
                "intersection",
                "string",
                "Which intersection, and which direction of traffic?",
                required=True,
            ),
        ),
    ),
    "TTR-Vehicle Removal": Content(
        "Vehicle removal",
        "Parking",
        "Ask for a vehicle to be towed away from a public street.",
        ("tow", "towing", "vehicle"),
    ),
    "WW-Sewer Water In Basement": Content(
        "Sewage in basement",
        "Water",
        "Report sewer water backing up into a basement, which may point to a blocked sewer line.",
        ("sewer", "backup", "basement", "sewage"),
    ),
    "WW-Water Leak (Exterior)": Content(
        "Water leak outside",
        "Water",
        "Report water leaking or running from the ground, a street or a sidewalk, which may be a "
        "broken water main.",
        ("water leak", "water main", "main break", "flooding"),
        (
            attr(
                "urgent_notice",
                "string",
                "If water is flooding a building or the street, say so in the description.",
                variable=False,
            ),
            attr(
                "leak_location",
                "singlevaluelist",
                "Where is the water coming from?",
                required=True,
                values=(
                    ("street", "Street"),
                    ("sidewalk", "Sidewalk"),
                    ("curb-gutter", "Curb or gutter"),
                    ("yard", "Yard or lawn"),
                    ("meter-box", "Water meter box"),
                ),
            ),
            attr(
                "flow",
                "singlevaluelist",
                "How much water is there?",
                required=True,
                values=(
                    ("trickle", "A trickle"),
                    ("steady", "A steady flow"),
                    ("gushing", "Gushing"),
                ),
            ),
            attr("noticed_at", "datetime", "When did you first notice it?"),
        ),
    ),
    "WW-Water Meter Leak": Content(
        "Water meter leak",
        "Water",
        "Report water leaking at or around a water meter or meter box.",
        ("water meter", "leak", "meter box"),
    ),
    "WW-Water No Water": Content(
        "No water",
        "Water",
        "Report that a home or business has no running water.",
        ("no water", "water outage", "tap"),
    ),
}


# --- Reading the data --------------------------------------------------------------------------


def parse_date(text: str) -> datetime | None:
    """Parse `MM/DD/YYYY hh:mm:ss AM` without relying on the locale; None if it does not parse."""
    match = DATE.match(text.strip())
    if match is None:
        return None
    month, day, year, hour, minute, second = (int(part) for part in match.groups()[:6])
    if not 1 <= hour <= 12:
        return None
    hour = hour % 12 + (12 if match.group(7) == "PM" else 0)
    try:
        return datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


def due_hours(row: dict[str, str]) -> float | None:
    """Hours from creation to due date, or None if a date is missing or the difference < 0."""
    created = parse_date(row.get("CreatedDate", ""))
    due = parse_date(row.get("DueDate", ""))
    if created is None or due is None or due < created:
        return None
    return (due - created).total_seconds() / 3600


def read_rows(path: Path) -> Iterator[dict[str, str]]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def collect_stats(rows: Iterable[dict[str, str]]) -> tuple[int, dict[str, TypeStats]]:
    stats: dict[str, TypeStats] = {}
    total = 0
    for row in rows:
        total += 1
        entry = stats.setdefault(row["SRType"], TypeStats())
        entry.count += 1
        entry.agencies[row["Agency"]] += 1
        hours = due_hours(row)
        if hours is not None:
            entry.due_hours.append(hours)
    return total, stats


def read_known_types(path: Path) -> set[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["request_type"] for row in csv.DictReader(handle)}


# --- Deriving the catalog ----------------------------------------------------------------------


def slug(text: str) -> str:
    """`SW-Dirty Alley` -> `sw-dirty-alley`; `BGE-StLight(s) Out` -> `bge-stlights-out`."""
    squeezed = re.sub(r"['()]", "", text.lower())
    return re.sub(r"[^a-z0-9]+", "-", squeezed).strip("-")


def skip_reason(type_name: str, entry: TypeStats) -> str | None:
    if type_name.startswith(SKIP_PREFIXES):
        return "call-center internal or lookup type"
    if type_name.endswith(SKIP_SUFFIXES):
        return "proactive (city-initiated) variant of a resident type"
    if not entry.due_hours:
        return "no row with both dates usable, so no SLA can be derived"
    return SKIPPED.get(type_name)


def choose_types(stats: dict[str, TypeStats]) -> list[str]:
    """The SERVICE_COUNT most frequent resident-request types, plus any tied with the last one."""
    ranked = sorted(stats, key=lambda name: (-stats[name].count, name))
    eligible = [name for name in ranked if skip_reason(name, stats[name]) is None]
    if len(eligible) <= SERVICE_COUNT:
        return eligible
    cutoff = stats[eligible[SERVICE_COUNT - 1]].count
    return [name for name in eligible if stats[name].count >= cutoff]


def main_agency(entry: TypeStats) -> str:
    return min(entry.agencies, key=lambda agency: (-entry.agencies[agency], agency))


def derive_sla(type_name: str, hours: list[float]) -> Sla:
    median = statistics.median(hours)
    if WATER_LEAK.search(type_name) or median < ROUND_THE_CLOCK_BELOW_HOURS:
        target = max(1.0, round(median, 1))
        return {"target_hours": target, "calendar": "24x7", "pauses_on_hold": False}
    business_days = max(1, round(median / 24 * 5 / 7))
    target = float(HOURS_PER_BUSINESS_DAY * business_days)
    return {"target_hours": target, "calendar": "business", "pauses_on_hold": True}


def build_attributes(specs: tuple[AttributeSpec, ...]) -> list[Attribute]:
    return [
        {
            "code": spec.code,
            "datatype": spec.datatype,
            "variable": spec.variable,
            "required": spec.required,
            "description": spec.description,
            "datatype_description": spec.datatype_description,
            "order": order,
            "values": [{"key": key, "name": name} for key, name in spec.values],
        }
        for order, spec in enumerate(specs, start=1)
    ]


def build_service(type_name: str, entry: TypeStats) -> Service:
    content = CONTENT[type_name]
    return {
        "code": slug(type_name),
        "type_name": type_name,
        "name": content.name,
        "description": content.description,
        "group": content.group,
        "keywords": list(content.keywords),
        "department": slug(main_agency(entry)),
        "active": True,
        "sla": derive_sla(type_name, entry.due_hours),
        "attributes": build_attributes(content.attributes),
    }


def build_departments(agencies: Iterable[str]) -> list[Department]:
    names = {*agencies, ALWAYS_KEPT_DEPARTMENT}
    departments: list[Department] = [
        {"code": slug(name), "name": name, "email": None, "phone": None} for name in names
    ]
    return sorted(departments, key=lambda department: department["code"])


def check_content(chosen: list[str]) -> None:
    missing = [name for name in chosen if name not in CONTENT]
    if missing:
        raise SystemExit(f"no sample content for chosen types: {missing}")
    for name in sorted(set(CONTENT) - set(chosen)):
        print(f"warning: content for {name!r} is not used", file=sys.stderr)


def build_catalog(data_dir: Path) -> Catalog:
    total, stats = collect_stats(read_rows(data_dir / SAMPLE_PATH))
    chosen = choose_types(stats)
    check_content(chosen)
    known = read_known_types(data_dir / REQUEST_TYPES_PATH)
    for name in chosen:
        if name not in known:
            print(f"note: {name!r} is not in the request-type list", file=sys.stderr)
    services = sorted(
        (build_service(name, stats[name]) for name in chosen), key=lambda s: s["code"]
    )
    agencies = [main_agency(stats[name]) for name in chosen]
    return {
        "source": SOURCE.format(rows=total),
        "departments": build_departments(agencies),
        "services": services,
    }


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT_DATA_DIR)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    catalog = build_catalog(args.data_dir)
    text = json.dumps(catalog, indent=2, ensure_ascii=False) + "\n"
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(
        f"wrote {args.output}: {len(catalog['services'])} services, "
        f"{len(catalog['departments'])} departments"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
