"""The demo address table, derived from the addresses of the Baltimore 311 sample.

`addresses.csv` is written by scripts/derive_demo_addresses.py from `sample_points` below; the
geocoder's accuracy test and benchmark derive the same points from the sample directly.

The rules: rows without coordinates, or with the sample's placeholder (whole degrees, such as
39, -77), are left out. One point per address key, which is house number + street in standard
spelling + zip (the city part varies: "BALTIMORE", "BALTIMORE CITY", "BC" or nothing). Its
position is the median of the rows' positions, its spelling the most frequent one. A row
without a zip joins the most frequent zip of its address, when there is one.
"""

import csv
import gzip
import io
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import IO, Any

from adapters.db.repositories.addresses import address_rows
from domain.addresses.model import AddressPoint
from domain.addresses.normalize import display_form, parse_address
from domain.addresses.points import read_point

SAMPLE = Path("service_requests") / "baltimore_311_sample_2014_2019.csv.gz"
ADDRESSES = Path(__file__).with_name("addresses.csv")
DECIMALS = 6  # about 0.1 m

Sighting = tuple[str, float, float]  # spelling, lat, long


def sample_points(sample: Path) -> list[AddressPoint]:
    """The canonical address points of the sample, sorted by address key and zip."""
    with gzip.open(sample, "rt", encoding="utf-8", newline="") as handle:
        grouped = _group(csv.DictReader(handle))
    points = []
    for key in sorted(grouped):
        by_zip = _adopt_missing_zip(grouped[key])
        for zip_code in sorted(by_zip, key=lambda z: z or ""):
            points.append(_merge(by_zip[zip_code], zip_code))
    return points


@cache
def demo_address_rows() -> list[dict[str, Any]]:
    """The rows of addresses.csv, ready for insert_address_rows (parsed once per process)."""
    with ADDRESSES.open(encoding="utf-8", newline="") as handle:
        return address_rows(read_point(row) for row in csv.DictReader(handle))


def write_csv(points: Iterable[AddressPoint], handle: IO[str]) -> None:
    """The points as an import file: header address,zip,lat,long."""
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(["address", "zip", "lat", "long"])
    for p in points:
        writer.writerow([p.address, p.zip or "", f"{p.lat:.{DECIMALS}f}", f"{p.long:.{DECIMALS}f}"])


def csv_text(points: Iterable[AddressPoint]) -> str:
    text = io.StringIO()
    write_csv(points, text)
    return text.getvalue()


def _group(rows: Iterable[dict[str, str]]) -> dict[str, dict[str | None, list[Sighting]]]:
    grouped: defaultdict[str, defaultdict[str | None, list[Sighting]]]
    grouped = defaultdict(lambda: defaultdict(list))
    for row in rows:
        position = _position(row.get("Latitude", ""), row.get("Longitude", ""))
        parsed = parse_address(row.get("Address", ""))
        if position is None or not parsed.streets:
            continue
        zip_code = parsed.zip or _zip_column(row.get("ZipCode", ""))
        grouped[parsed.key][zip_code].append((display_form(row["Address"]), *position))
    return {key: dict(by_zip) for key, by_zip in grouped.items()}


def _position(lat: str, long: str) -> tuple[float, float] | None:
    try:
        position = float(lat), float(long)
    except ValueError:
        return None
    if all(value.is_integer() for value in position):
        return None  # the sample's placeholder for "not geocoded"
    return position


def _zip_column(value: str) -> str | None:
    digits = re.sub(r"\D", "", value)  # some rows hold two zips run together
    return digits[:5] if len(digits) >= 5 else None


def _adopt_missing_zip(
    by_zip: dict[str | None, list[Sighting]],
) -> dict[str | None, list[Sighting]]:
    known = [z for z in by_zip if z is not None]
    if None not in by_zip or not known:
        return by_zip
    adopted = dict(by_zip)
    most = max(known, key=lambda z: (len(by_zip[z]), z))
    adopted[most] = adopted[most] + adopted.pop(None)
    return adopted


def _merge(sightings: list[Sighting], zip_code: str | None) -> AddressPoint:
    spellings = Counter(spelling for spelling, _, _ in sightings)
    spelling = min(spellings, key=lambda s: (-spellings[s], s))
    lat = statistics.median(lat for _, lat, _ in sightings)
    long = statistics.median(long for _, _, long in sightings)
    return AddressPoint(spelling, zip_code, round(lat, DECIMALS), round(long, DECIMALS))
