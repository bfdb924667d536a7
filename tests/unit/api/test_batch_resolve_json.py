"""The batch resolve's hand-built JSON is exactly what the response models would give."""

import json

import pytest
from pydantic import ValidationError

from api.schemas.jurisdictions import BatchResolveOut, ResolutionOut
from domain.jurisdictions.model import (
    AreaRef,
    Contact,
    Resolution,
    Responsible,
    ResponsibleKind,
)

CITY = AreaRef(1, "city", "bal", "Baltimore City")
DISTRICT = AreaRef(7, "council", "7", "District 7 — Westside")
COUNTY = AreaRef(30, "counties", "005", "Baltimore County")
COUNTY_DESK = Contact(" County 311 ", "410-887-5270", None, "311@county.example")


def resolutions() -> list[Resolution]:
    ours = Responsible(ResponsibleKind.DEPARTMENT, "transportation")
    county = Responsible(ResponsibleKind.REFERRAL, None, COUNTY_DESK, COUNTY)
    nobody = Responsible(ResponsibleKind.NONE)
    return [
        Resolution([CITY, DISTRICT], ours, "Baltimore City (city) is served by us."),
        Resolution([COUNTY], county, "Baltimore County handles its own requests.", served=False),
        Resolution([], nobody, "This point is outside the areas we serve."),
        Resolution([CITY, DISTRICT], ours, "Baltimore City (city) is served by us."),
        Resolution([CITY], Responsible(ResponsibleKind.DEPARTMENT), "No department given."),
        Resolution([COUNTY], Responsible(ResponsibleKind.REFERRAL, None, Contact()), "Empty."),
    ]


def modelled(items: list[Resolution]) -> object:
    return BatchResolveOut(results=[ResolutionOut.of(r) for r in items]).model_dump(mode="json")


def test_the_json_equals_the_models_dump() -> None:
    items = resolutions()
    answer = json.loads(BatchResolveOut.json_of(items))
    assert answer == modelled(items)
    assert answer["results"][1]["responsible"]["referral"]["name"] == "County 311"  # stripped
    assert list(answer["results"][0]) == ["areas", "responsible", "explanation"]


def test_an_empty_batch_has_no_results() -> None:
    assert json.loads(BatchResolveOut.json_of([])) == {"results": []}


def test_a_contact_the_models_refuse_is_refused_too() -> None:
    too_long = Contact(name="x" * 201)
    bad = Resolution([COUNTY], Responsible(ResponsibleKind.REFERRAL, None, too_long), "Too long.")
    with pytest.raises(ValidationError):
        modelled([bad])
    with pytest.raises(ValidationError):
        BatchResolveOut.json_of([bad])
