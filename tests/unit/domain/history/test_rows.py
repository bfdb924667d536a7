"""One source row into one request, or a bad row with its reason."""

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from domain.history.mapping import Mapping, MappingInvalid, parse_mapping
from domain.history.rows import BadRow, CatalogFacts, ImportedRequest, RowTranslator
from domain.requests.model import CloseReason, Status
from domain.shared.vocabulary import Channel

NEW_YORK = ZoneInfo("America/New_York")
HEADER = [
    "Id",
    "Type",
    "Agency",
    "Channel",
    "Created",
    "Status",
    "Closed",
    "Due",
    "StatusDate",
    "Address",
    "Lat",
    "Long",
    "Text",
]
MAPPING: dict[str, Any] = {
    "source": "test",
    "columns": {
        "external_id": "Id",
        "service": "Type",
        "department": "Agency",
        "channel": "Channel",
        "created": "Created",
        "status": "Status",
        "closed": "Closed",
        "due": "Due",
        "updated": "StatusDate",
        "address": "Address",
        "lat": "Lat",
        "long": "Long",
        "description": "Text",
    },
    "dates": {"formats": ["%m/%d/%Y %I:%M:%S %p"], "time_zone": "America/New_York"},
    "statuses": {
        "New": "new",
        "Pending": "on_hold",
        "Closed": "closed:resolved",
        "Closed (Duplicate)": "closed:duplicate",
    },
    "channels": {"Phone": "phone", "Mail": "letter"},
    "services": {"map": {"TRM-Potholes": "pothole"}, "other": "other"},
    "departments": {"map": {"Solid Waste": "solid-waste"}, "other": "imported"},
    "missing_points": [[39, -77]],
    "unescape_html": True,
}
CATALOG = CatalogFacts(
    {"pothole": "transportation", "dirty-alley": "solid-waste", "other": "imported"},
    {CatalogFacts.fold("TRM-Pothole Repair"): "pothole", "sw-dirty alley": "dirty-alley"},
    frozenset({"transportation", "solid-waste", "imported"}),
)


def mapping(**changes: Any) -> Mapping:
    return parse_mapping({**MAPPING, **changes})


def row(**cells: str) -> list[str]:
    values = {
        "Id": "18-00000001",
        "Type": "TRM-Pothole Repair",
        "Agency": "Transportation",
        "Channel": "Phone",
        "Created": "04/12/2018 11:11:26 AM",
        "Status": "New",
        "Closed": "",
        "Due": "04/13/2018 11:11:26 AM",
        "StatusDate": "",
        "Address": "100 N HOLLIDAY ST",
        "Lat": "39.2904",
        "Long": "-76.6122",
        "Text": "",
    }
    values.update(cells)
    return [values[name] for name in HEADER]


def translate(fields: list[str], using: Mapping | None = None, line: int = 2) -> Any:
    return RowTranslator(using or mapping(), HEADER, CATALOG).translate(fields, line)


def at(text: str) -> datetime:
    return datetime.strptime(text, "%m/%d/%Y %I:%M:%S %p").replace(tzinfo=NEW_YORK)


def test_a_new_request_keeps_its_id_point_and_dates() -> None:
    request = translate(row())
    assert request == ImportedRequest(
        line=2,
        external_id="18-00000001",
        source_type="TRM-Pothole Repair",
        service_code="pothole",
        department_code="transportation",
        status=Status.NEW,
        close_reason=None,
        channel=Channel.PHONE,
        requested_at=at("04/12/2018 11:11:26 AM"),
        updated_at=at("04/12/2018 11:11:26 AM"),
        closed_at=None,
        expected_at=at("04/13/2018 11:11:26 AM"),
        on_hold_since=None,
        description="",
        address="100 N HOLLIDAY ST",
        lat=39.2904,
        long=-76.6122,
    )


def test_a_closed_request_takes_its_reason_and_close_date() -> None:
    request = translate(
        row(
            Status="Closed (Duplicate)",
            Closed="04/12/2018 12:45:47 PM",
            StatusDate="04/12/2018 12:45:48 PM",
        )
    )
    assert (request.status, request.close_reason) == (Status.CLOSED, CloseReason.DUPLICATE)
    assert request.closed_at == at("04/12/2018 12:45:47 PM")
    assert request.updated_at == at("04/12/2018 12:45:48 PM")


def test_a_closed_request_without_close_date_takes_its_status_date() -> None:
    request = translate(row(Status="Closed", StatusDate="04/14/2018 09:00:00 AM"))
    assert request.closed_at == at("04/14/2018 09:00:00 AM")


def test_an_open_request_ignores_a_close_date_and_on_hold_starts_at_its_status_date() -> None:
    request = translate(
        row(Status="Pending", Closed="04/20/2018 09:00:00 AM", StatusDate="04/14/2018 09:00:00 AM")
    )
    assert (request.status, request.closed_at) == (Status.ON_HOLD, None)
    assert request.on_hold_since == at("04/14/2018 09:00:00 AM")


def test_services_come_from_the_table_then_the_type_name_then_the_catch_all() -> None:
    assert translate(row(Type="TRM-Potholes")).service_code == "pothole"
    assert translate(row(Type="  sw-dirty   ALLEY ")).service_code == "dirty-alley"
    assert translate(row(Type="sw-dirty alley")).department_code == "solid-waste"
    unknown = translate(row(Type="SW-Cleaning", Agency="Solid Waste"))
    assert (unknown.service_code, unknown.department_code) == ("other", "solid-waste")
    assert unknown.source_type == "SW-Cleaning"
    lost = translate(row(Type="FIN-Tax Sale", Agency="Finance"))
    assert (lost.service_code, lost.department_code) == ("other", "imported")


def test_without_type_name_matching_only_the_table_counts() -> None:
    request = translate(row(), mapping(services={"match": None, "other": "other"}))
    assert request.service_code == "other"


def test_a_placeholder_point_or_no_point_means_none() -> None:
    assert translate(row(Lat="39", Long="-77")).lat is None
    assert translate(row(Lat="39.0", Long="-77.000")).long is None
    assert translate(row(Lat="", Long="")).lat is None


def test_html_entities_are_read_when_the_mapping_says_so() -> None:
    request = translate(row(Address="City Sq &amp; Harvard St", Text="Light &quot;out&quot;"))
    assert (request.address, request.description) == ("City Sq & Harvard St", 'Light "out"')
    plain = translate(row(Address="A &amp; B"), mapping(unescape_html=False))
    assert plain.address == "A &amp; B"


def test_a_long_description_is_cut_at_4000_characters() -> None:
    assert len(translate(row(Text="x" * 5000)).description) == 4000


@pytest.mark.parametrize(
    ("cells", "reason"),
    [
        ({"Id": " "}, "has no id (column 'Id')"),
        ({"Id": "x" * 201}, "its id is longer than 200 characters"),
        ({"Created": ""}, "has no created date (column 'Created')"),
        (
            {"Created": "2018-04-12"},
            "created date '2018-04-12' is in none of the mapping's formats",
        ),
        ({"Due": "soon"}, "due date 'soon' is in none of the mapping's formats"),
        ({"Status": "Lost"}, "status 'Lost' is not in the mapping"),
        ({"Channel": "Pigeon"}, "channel 'Pigeon' is not in the mapping"),
        ({"Status": "Closed"}, "is closed but has no close date"),
        (
            {"Status": "Closed", "Closed": "04/11/2018 11:11:26 AM"},
            "was closed (2018-04-11T11:11:26-04:00) before it was created",
        ),
        ({"Lat": "39.29", "Long": ""}, "point ('39.29', '') is not two numbers"),
        ({"Lat": "north", "Long": "-76.6"}, "point ('north', '-76.6') is not two numbers"),
        ({"Lat": "91", "Long": "-76.6"}, "point (91.0, -76.6) is out of range"),
        ({"Lat": "nan", "Long": "-76.6"}, "point (nan, -76.6) is out of range"),
    ],
)
def test_a_bad_row_says_why(cells: dict[str, str], reason: str) -> None:
    assert translate(row(**cells), line=7) == BadRow(7, reason)


def test_a_row_with_the_wrong_number_of_fields_is_bad() -> None:
    assert translate(row()[:-1], line=9) == BadRow(9, "has 12 fields where the header has 13")


def test_a_default_channel_stands_in_for_unknown_ones() -> None:
    request = translate(row(Channel="Pigeon"), mapping(default_channel="internal"))
    assert request.channel is Channel.INTERNAL


def test_columns_missing_from_the_header_refuse_the_file() -> None:
    with pytest.raises(MappingInvalid) as refused:
        RowTranslator(mapping(), [h for h in HEADER if h not in ("Lat", "Due")], CATALOG)
    assert refused.value.problems == [
        "column 'Lat' (lat) is not in the file's header",
        "column 'Due' (due) is not in the file's header",
    ]


def test_codes_the_catalog_lacks_refuse_the_mapping() -> None:
    bad = mapping(
        services={"map": {"A": "nope"}, "other": "gone"},
        departments={"map": {"B": "nowhere"}, "other": "lost"},
    )
    with pytest.raises(MappingInvalid) as refused:
        RowTranslator(bad, HEADER, CATALOG)
    assert refused.value.problems == [
        "services.map['A']: 'nope' is not a service",
        "departments.map['B']: 'nowhere' is not a department",
        "services.other: 'gone' is not a service",
        "departments.other: 'lost' is not a department",
    ]
