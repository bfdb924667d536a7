"""Write the phone numbers and web addresses of the demo's referral targets.

Usage: python scripts/derive_demo_referral_contacts.py

The Maryland counties and incorporated municipalities that the demo refers callers to come
from Census data, which names them but gives no contact. So these contacts are sample
content, in ranges kept for fiction: 555-0100 to 555-0199 in the area code of the target's
county, and an `example.org` web address. A city replaces them with the real ones through
`PATCH /api/v1/jurisdictions/{area_id}`. Deterministic: same layers, same file.
"""

import csv
import gzip
import json
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LAYERS = REPO / "adapters" / "demo" / "layers"
OUT = REPO / "adapters" / "demo" / "referral_contacts.csv"

# Counties of the 301 area (western Maryland and the Washington suburbs); the rest are 410.
AREA_301 = {"Allegany", "Charles", "Frederick", "Garrett", "Montgomery", "Prince George's"}
AREA_301 |= {"St. Mary's", "Washington"}
POOLS = {"301": ["301", "240"], "410": ["410", "443", "667"]}
FICTION = range(100, 200)  # 555-0100 to 555-0199: numbers kept for fiction


def features(slug: str) -> list[dict[str, str]]:
    with gzip.open(LAYERS / f"{slug}.geojson.gz", "rt", encoding="utf-8") as handle:
        return [feature["properties"] for feature in json.load(handle)["features"]]


def slug_of(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower().replace("'", "").replace(".", "")).strip("-")


def targets() -> list[tuple[str, str, str, str]]:
    """(layer, code, area name, county name): counties first, then towns, each by code."""
    rows = [
        ("maryland-counties", p["geoid"], p["namelsad"], p["name"])
        for p in features("maryland-counties")
    ]
    towns: dict[str, tuple[str, str, str, str]] = {}
    for p in features("maryland-municipalities"):
        county = p["county"].removesuffix(" County")
        towns.setdefault(p["geoid"], ("maryland-municipalities", p["geoid"], p["namelsad"], county))
    return sorted(rows) + sorted(towns.values())


def phone_numbers() -> dict[str, list[str]]:
    return {
        pool: [f"{code}-555-{line:04d}" for code in codes for line in FICTION]
        for pool, codes in POOLS.items()
    }


def main() -> None:
    free = phone_numbers()
    seen: set[str] = set()
    with OUT.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["layer", "code", "area", "phone", "url", "sample"])
        for layer, code, area, county in targets():
            slug = slug_of(area)
            if slug in seen:
                slug = f"{slug}-{code}"
            seen.add(slug)
            phone = free["301" if county in AREA_301 else "410"].pop(0)
            url = f"https://www.example.org/maryland/{slug}"
            writer.writerow([layer, code, area, phone, url, "yes"])
    print(f"{OUT.name}: {len(seen)} referral contacts")


if __name__ == "__main__":
    main()
