"""Acceptance on the real public layers in ../shared/data (see its README).

- Baltimore's 311 sample: its CouncilDistrict agrees with the resolver exactly as often as a
  direct shapely scan of the 2012 council districts does.
- The demo-like setup (Baltimore City served, the other Maryland counties a refer layer with
  contacts): points in Baltimore County are referred to the county.
- Montgomery County served, its incorporated municipalities (classfp C1) a refer layer and
  every Maryland Census place an info layer: Rockville refers, Bethesda (a CDP) is ours.
"""

import csv
import gzip
import io
import json
from functools import cache
from typing import Any
from uuid import UUID

import shapely
from shapely.geometry import Point, shape
from shapely.geometry.base import BaseGeometry
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.read_models.jurisdictions import JurisdictionReadModel
from adapters.db.unit_of_work import SqlUnitOfWorkFactory
from adapters.geo.live import LiveJurisdictions
from domain.directory.permissions import Principal
from domain.directory.users import Role
from domain.jurisdictions.importing import parse_collection
from domain.jurisdictions.model import Contact, LayerRole, ResponsibleKind
from domain.jurisdictions.resolver import ServiceFacts
from domain.jurisdictions.use_cases import ImportLayer, import_layer, update_area_contact
from tests.shared_data import SHARED_DATA
from tests.unit.wiring import context_of

DATA = SHARED_DATA
BOUNDARIES = DATA / "boundaries"
SAMPLE = DATA / "service_requests" / "baltimore_311_sample_2014_2019.csv.gz"
PLACEHOLDERS = {"(39.0, -77.0)", "(39.0, -76.0)"}  # GeoLocation of rows without a real point

ADMIN = Principal(UUID(int=1), "Ada Admin", Role.ADMIN)
POTHOLE = ServiceFacts(
    "trm-pothole-repair", "Pothole", "Streets", "transportation", "Transportation"
)
ROCKVILLE_CITY_HALL = (39.0840, -77.1528)
BETHESDA = (38.9847, -77.0947)  # Bethesda Metro, in the Bethesda CDP
TOWSON = (39.4015, -76.6019)  # the Baltimore County seat


@cache
def read(relative: str) -> dict[str, Any]:
    path = BOUNDARIES / relative
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def subset(relative: str, keep: Any) -> dict[str, Any]:
    features = [f for f in read(relative)["features"] if keep(f["properties"])]
    return {"type": "FeatureCollection", "features": features}


def geometries(collection: dict[str, Any], code: str) -> list[tuple[str, BaseGeometry]]:
    """(code, prepared shapely geometry) straight from the file, for the direct scan."""
    found = [(f["properties"][code], shape(f["geometry"])) for f in collection["features"]]
    for _, geometry in found:
        shapely.prepare(geometry)
    return found


@cache
def sample_rows() -> list[dict[str, str]]:
    """The 311 rows with usable coordinates: no empty lat/long and no placeholder."""
    with gzip.open(SAMPLE, "rt", encoding="utf-8") as handle:
        rows = list(csv.DictReader(io.StringIO(handle.read())))
    assert len(rows) == 10_000
    return [
        r for r in rows if r["Latitude"] and r["Longitude"] and r["GeoLocation"] not in PLACEHOLDERS
    ]


def point_of(row: dict[str, str]) -> tuple[float, float]:
    return float(row["Latitude"]), float(row["Longitude"])


async def load(
    engine: AsyncEngine,
    slug: str,
    collection: dict[str, Any],
    code: str,
    name: str,
    role: LayerRole,
    kind: str,
) -> None:
    areas = parse_collection(collection, code, name)
    command = ImportLayer(slug, areas, role, kind)
    outcome = await import_layer(context_of(SqlUnitOfWorkFactory(engine)), command, ADMIN)
    codes = {str(f["properties"][code]) for f in collection["features"]}
    assert outcome.imported == len(codes)  # a code repeated across features is one area


async def give_contacts(engine: AsyncEngine, slug: str, contact_of: Any) -> dict[str, Contact]:
    """Sets each area's contact from its name; returns the contacts by area code."""
    given: dict[str, Contact] = {}
    for record in await JurisdictionReadModel(engine).areas(slug, 1000, 0):
        contact: Contact = contact_of(record.ref.name)
        await update_area_contact(
            context_of(SqlUnitOfWorkFactory(engine)), record.ref.id, contact, ADMIN
        )
        given[record.ref.code] = contact
    return given


def live(engine: AsyncEngine) -> LiveJurisdictions:
    return LiveJurisdictions(JurisdictionReadModel(engine), check_every=0)


# --- Baltimore council districts agree with the 311 sample -------------------------------------


async def test_council_districts_agree_with_the_sample_as_often_as_shapely_does(
    seeded: AsyncEngine,
) -> None:
    districts = read("baltimore/council_districts_2012.geojson")
    await load(seeded, "council-districts", districts, "id", "name", LayerRole.INFO, "district")
    rows = [r for r in sample_rows() if r["CouncilDistrict"].strip()]
    assert (len(sample_rows()), len(rows)) == (8518, 8243)

    direct_polygons = geometries(districts, "id")
    direct = [
        {code for code, polygon in direct_polygons if polygon.covers(Point(long, lat))}
        for lat, long in map(point_of, rows)
    ]
    resolutions = await live(seeded).resolve_many([(*point_of(r), None) for r in rows])
    resolved = [
        {a.code for a in resolution.areas if a.layer == "council-districts"}
        for resolution in resolutions
    ]
    recorded = [r["CouncilDistrict"].strip() for r in rows]

    direct_agree = sum(code in found for code, found in zip(recorded, direct, strict=True))
    resolver_agree = sum(code in found for code, found in zip(recorded, resolved, strict=True))
    direct_rate, resolver_rate = direct_agree / len(rows), resolver_agree / len(rows)
    print(f"council districts: direct {direct_rate:.4%}, resolver {resolver_rate:.4%}")
    assert resolved == direct  # point by point, not only in total
    assert resolver_rate == direct_rate
    assert resolver_rate >= 0.99
    assert (resolver_agree, len(rows)) == (8205, 8243)


# --- the demo-like setup: Baltimore City served, the counties refer ----------------------------


def county_contact(namelsad: str) -> Contact:
    if namelsad == "Baltimore County":
        return Contact(f"{namelsad} government", url="https://www.baltimorecountymd.gov")
    return Contact(f"{namelsad} government")


async def test_points_in_baltimore_county_are_referred_to_the_county(
    seeded: AsyncEngine,
) -> None:
    city = read("baltimore/city_boundary.geojson")
    await load(seeded, "baltimore-city", city, "geoid", "name", LayerRole.SERVED, "city")
    await load(
        seeded,
        "council-districts",
        read("baltimore/council_districts_2012.geojson"),
        "id",
        "name",
        LayerRole.INFO,
        "council district",
    )
    counties = subset("maryland/md_counties.geojson.gz", lambda p: p["geoid"] != "24510")
    await load(seeded, "md-counties", counties, "geoid", "namelsad", LayerRole.REFER, "county")
    contacts = await give_contacts(seeded, "md-counties", county_contact)
    assert len(contacts) == 23

    rows = sample_rows()
    city_polygon = geometries(city, "geoid")[0][1]
    county_polygons = geometries(counties, "geoid")
    expected: list[Contact | None] = []
    for lat, long in map(point_of, rows):
        point = Point(long, lat)
        if city_polygon.covers(point):
            expected.append(None)
            continue
        (county,) = [code for code, polygon in county_polygons if polygon.covers(point)]
        expected.append(contacts[county])
    baltimore_county = contacts["24005"]
    assert expected.count(None) == 8331
    assert expected.count(baltimore_county) == 186
    assert expected.count(contacts["24013"]) == 1  # Carroll County

    resolutions = await live(seeded).resolve_many([(*point_of(r), POTHOLE) for r in rows])
    for row, want, resolution in zip(rows, expected, resolutions, strict=True):
        responsible = resolution.responsible
        if want is None:
            assert responsible.kind is ResponsibleKind.DEPARTMENT, row["SRRecordID"]
            assert responsible.department == "transportation"
        else:
            assert responsible.kind is ResponsibleKind.REFERRAL, row["SRRecordID"]
            assert responsible.referral == want

    towson = await live(seeded).resolve(*TOWSON, POTHOLE)
    assert towson.responsible.referral == Contact(
        "Baltimore County government", url="https://www.baltimorecountymd.gov"
    )
    assert towson.explanation == (
        "The point lies in Baltimore County (county), which handles its own requests: "
        "refer the caller to Baltimore County government."
    )
    assert [(a.layer, a.code) for a in towson.areas] == [("md-counties", "24005")]


# --- Montgomery County: municipality or unincorporated county land? ----------------------------


def municipal_contact(namelsad: str, name: str) -> Contact:
    """ "Rockville city" -> "City of Rockville", "Kensington town" -> "Town of Kensington"."""
    kind = namelsad.removeprefix(name).strip()
    return Contact(f"{kind.title()} of {name}")


@cache
def montgomery_municipalities() -> dict[str, Any]:
    return subset(
        "maryland/md_census_places.geojson.gz",
        lambda p: p["classfp"] == "C1" and p["countyfp"] == "031",
    )


async def montgomery(engine: AsyncEngine) -> dict[str, Contact]:
    county = subset("maryland/md_counties.geojson.gz", lambda p: p["name"] == "Montgomery")
    await load(engine, "montgomery", county, "geoid", "namelsad", LayerRole.SERVED, "county")
    places = read("maryland/md_census_places.geojson.gz")
    await load(engine, "md-places", places, "geoid", "namelsad", LayerRole.INFO, "census place")
    towns = montgomery_municipalities()
    await load(
        engine, "montgomery-towns", towns, "geoid", "namelsad", LayerRole.REFER, "municipality"
    )
    names = {f["properties"]["namelsad"]: f["properties"]["name"] for f in towns["features"]}
    return await give_contacts(
        engine, "montgomery-towns", lambda namelsad: municipal_contact(namelsad, names[namelsad])
    )


async def test_rockville_refers_to_the_city_and_bethesda_is_the_countys(
    seeded: AsyncEngine,
) -> None:
    contacts = await montgomery(seeded)
    assert len(contacts) == 19
    assert contacts["2467675"] == Contact("City of Rockville")
    assert contacts["2443500"] == Contact("Town of Kensington")
    resolver = live(seeded)

    rockville = await resolver.resolve(*ROCKVILLE_CITY_HALL, POTHOLE)
    assert rockville.responsible.kind is ResponsibleKind.REFERRAL
    assert rockville.responsible.referral == Contact("City of Rockville")
    assert rockville.explanation == (
        "The point lies in Rockville city (municipality), which handles its own requests: "
        "refer the caller to City of Rockville."
    )
    assert [(a.layer, a.name) for a in rockville.areas] == [
        ("md-places", "Rockville city"),
        ("montgomery", "Montgomery County"),
        ("montgomery-towns", "Rockville city"),
    ]

    bethesda = await resolver.resolve(*BETHESDA, POTHOLE)
    assert bethesda.responsible.kind is ResponsibleKind.DEPARTMENT
    assert bethesda.responsible.department == "transportation"
    assert bethesda.explanation == (
        "The point lies in Montgomery County (county), which we serve; "
        "Pothole is handled by Transportation."
    )
    assert [(a.layer, a.name) for a in bethesda.areas] == [
        ("md-places", "Bethesda CDP"),
        ("montgomery", "Montgomery County"),
    ]

    # Outside Montgomery nothing is served and the places carry no contact. The places file
    # repeats a place once per county it is listed with (Baltimore city 3 times): one area.
    baltimore = await resolver.resolve(39.2904, -76.6122, POTHOLE)
    assert baltimore.responsible.kind is ResponsibleKind.NONE
    assert [(a.layer, a.code, a.name) for a in baltimore.areas] == [
        ("md-places", "2404000", "Baltimore city")
    ]


async def test_every_montgomery_place_resolves_as_a_direct_scan_says(
    seeded: AsyncEngine,
) -> None:
    """Each place listed with countyfp 031: a town refers, a CDP is the county's.

    Nine CDPs listed with Montgomery (Adelphi, Beltsville, ...) lie wholly outside it.
    """
    contacts = await montgomery(seeded)
    county = geometries(
        subset("maryland/md_counties.geojson.gz", lambda p: p["name"] == "Montgomery"), "geoid"
    )[0][1]
    towns = geometries(montgomery_municipalities(), "geoid")
    places = [
        f
        for f in read("maryland/md_census_places.geojson.gz")["features"]
        if f["properties"]["countyfp"] == "031"
    ]
    points = [shape(f["geometry"]).representative_point() for f in places]
    resolutions = await live(seeded).resolve_many([(p.y, p.x, POTHOLE) for p in points])
    kinds = {"C1": 0, "CDP": 0, "outside": 0}
    for place, point, resolution in zip(places, points, resolutions, strict=True):
        in_towns = [code for code, polygon in towns if polygon.covers(point)]
        responsible = resolution.responsible
        if in_towns:
            kinds["C1"] += 1
            assert responsible.referral == contacts[in_towns[0]], place["properties"]["name"]
        elif county.covers(point):
            kinds["CDP"] += 1
            assert responsible.kind is ResponsibleKind.DEPARTMENT, place["properties"]["name"]
        else:
            kinds["outside"] += 1
            assert responsible.kind is ResponsibleKind.NONE, place["properties"]["name"]
    assert kinds == {"C1": 19, "CDP": 40, "outside": 9}
