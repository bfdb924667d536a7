"""A mapping: which source column is which, how its dates are written, how its values translate.

A mapping is written as JSON (see the README's "History import" and the shipped
adapters/history/mappings/*.json); `parse_mapping` checks it whole and names every mistake.
"""

from collections.abc import Callable
from collections.abc import Mapping as Map
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from domain.requests.model import CloseReason, Status
from domain.shared.errors import DomainError
from domain.shared.vocabulary import Channel

REQUIRED_COLUMNS = ("external_id", "service", "created", "status")
OPTIONAL_COLUMNS = (
    "channel",
    "description",
    "address",
    "lat",
    "long",
    "closed",
    "due",
    "updated",
    "department",
)
T = TypeVar("T")
E = TypeVar("E", bound=StrEnum)

KEYS = {
    "source",
    "notes",
    "columns",
    "dates",
    "statuses",
    "channels",
    "default_channel",
    "services",
    "departments",
    "missing_points",
    "unescape_html",
}


class MappingInvalid(DomainError):
    """The mapping file cannot be used; `problems` lists every mistake found."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("the mapping is not valid: " + "; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Columns:
    """Source column names; None: the source has no such column."""

    external_id: str
    service: str
    created: str
    status: str
    channel: str | None = None
    description: str | None = None
    address: str | None = None
    lat: str | None = None
    long: str | None = None
    closed: str | None = None
    due: str | None = None
    updated: str | None = None  # when the status last changed: on hold since, closed if no date
    department: str | None = None  # the source's agency: the department of unknown types

    def named(self) -> dict[str, str]:
        names = {key: getattr(self, key) for key in (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS)}
        return {key: name for key, name in names.items() if name is not None}


@dataclass(frozen=True)
class StatusTranslation:
    status: Status
    close_reason: CloseReason | None = None


@dataclass(frozen=True)
class Mapping:
    source: str  # the provenance key: ids are unique within a source
    columns: Columns
    date_formats: tuple[str, ...]
    time_zone: str
    statuses: dict[str, StatusTranslation]
    channels: dict[str, Channel]
    default_channel: Channel | None
    services: dict[str, str]  # the source's type -> our service code
    match_type_names: bool  # else-branch: a service whose type_name is the source's type
    other_service: str  # the catch-all for every other type
    departments: dict[str, str]  # the source's agency -> our department (catch-all rows only)
    other_department: str  # the catch-all service's department
    missing_points: frozenset[tuple[float, float]]  # placeholders that mean "no point"
    unescape_html: bool = False

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)


def parse_mapping(data: object) -> Mapping:
    """The mapping a JSON document describes, or MappingInvalid listing all its mistakes."""
    problems: list[str] = []
    if not isinstance(data, dict):
        raise MappingInvalid(["the mapping must be a JSON object"])
    problems += [f"unknown key {key!r}" for key in sorted(set(data) - KEYS)]
    source = _text(data, "source", problems)
    columns = _columns(data.get("columns"), problems)
    formats, zone = _dates(data.get("dates"), problems)
    statuses = _statuses(data.get("statuses"), problems)
    channels = _table(data, "channels", problems, Channel)
    default = data.get("default_channel")
    default_channel = _enum(Channel, default, "default_channel", problems) if default else None
    services, match, other_service = _services(data.get("services"), problems)
    departments, other_department = _departments(data.get("departments"), problems)
    missing = _points(data.get("missing_points", []), problems)
    if columns is not None and columns.channel is None and default_channel is None:
        problems.append("without a channel column, default_channel says every row's channel")
    if problems or columns is None:
        raise MappingInvalid(problems)
    return Mapping(
        source=source,
        columns=columns,
        date_formats=formats,
        time_zone=zone,
        statuses=statuses,
        channels=channels,
        default_channel=default_channel,
        services=services,
        match_type_names=match,
        other_service=other_service,
        departments=departments,
        other_department=other_department,
        missing_points=missing,
        unescape_html=bool(data.get("unescape_html", False)),
    )


def _text(data: Map[str, Any], key: str, problems: list[str], where: str = "") -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        problems.append(f"{where}{key} must be a non-empty string")
        return ""
    return value.strip()


def _columns(data: object, problems: list[str]) -> Columns | None:
    if not isinstance(data, dict):
        problems.append("columns must be an object naming the source's columns")
        return None
    unknown = set(data) - {*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS}
    problems += [f"columns: unknown key {key!r}" for key in sorted(unknown)]
    names = {key: _text(data, key, problems, "columns.") for key in REQUIRED_COLUMNS}
    for key in OPTIONAL_COLUMNS:
        if data.get(key) is not None:
            names[key] = _text(data, key, problems, "columns.")
    if ("lat" in names) != ("long" in names):
        problems.append("columns: lat and long go together")
    return Columns(**names)


def _dates(data: object, problems: list[str]) -> tuple[tuple[str, ...], str]:
    if not isinstance(data, dict):
        problems.append("dates must be an object with formats and time_zone")
        return (), "UTC"
    formats = data.get("formats")
    if (
        not isinstance(formats, list)
        or not formats
        or not all(isinstance(f, str) and f for f in formats)
    ):
        problems.append("dates.formats must be a non-empty list of strptime formats or 'iso'")
        formats = []
    zone = data.get("time_zone")
    if not isinstance(zone, str):
        problems.append("dates.time_zone must name an IANA time zone")
        return tuple(formats), "UTC"
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        problems.append(f"dates.time_zone {zone!r} is not a known time zone")
    return tuple(formats), zone


def _statuses(data: object, problems: list[str]) -> dict[str, StatusTranslation]:
    """`"Closed (Duplicate)": "closed:duplicate"`; a closed status needs its reason."""
    if not isinstance(data, dict) or not data:
        problems.append("statuses must map each source status to ours")
        return {}
    translated: dict[str, StatusTranslation] = {}
    for source, ours in data.items():
        if not isinstance(ours, str):
            problems.append(f"statuses[{source!r}] must be a string such as 'closed:resolved'")
            continue
        status_text, _, reason_text = ours.partition(":")
        status = _enum(Status, status_text, f"statuses[{source!r}]", problems)
        reason = _enum(CloseReason, reason_text, f"statuses[{source!r}]", problems)
        if reason_text and status is not Status.CLOSED:
            problems.append(f"statuses[{source!r}]: only a closed status takes a reason")
        if status is Status.CLOSED and not reason_text:
            problems.append(f"statuses[{source!r}]: closed needs a reason, e.g. closed:resolved")
        if status is not None:
            translated[source] = StatusTranslation(status, reason if reason_text else None)
    return translated


def _services(data: object, problems: list[str]) -> tuple[dict[str, str], bool, str]:
    if not isinstance(data, dict):
        problems.append("services must be an object with other (and map, match)")
        return {}, False, ""
    unknown = set(data) - {"map", "match", "other"}
    problems += [f"services: unknown key {key!r}" for key in sorted(unknown)]
    table = _table(data, "map", problems, str, where="services.")
    match = data.get("match", "type_name")
    if match not in ("type_name", None):
        problems.append("services.match must be 'type_name' or null")
    return table, match == "type_name", _text(data, "other", problems, "services.")


def _departments(data: object, problems: list[str]) -> tuple[dict[str, str], str]:
    if not isinstance(data, dict):
        problems.append("departments must be an object with other (and map)")
        return {}, ""
    unknown = set(data) - {"map", "other"}
    problems += [f"departments: unknown key {key!r}" for key in sorted(unknown)]
    table = _table(data, "map", problems, str, where="departments.")
    return table, _text(data, "other", problems, "departments.")


def _table(
    data: Map[str, Any],
    key: str,
    problems: list[str],
    convert: Callable[[str], T],
    where: str = "",
) -> dict[str, T]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        problems.append(f"{where}{key} must be an object")
        return {}
    table: dict[str, T] = {}
    for source, ours in value.items():
        try:
            if not isinstance(ours, str) or not ours:
                raise ValueError
            table[source] = convert(ours)
        except ValueError:
            problems.append(f"{where}{key}[{source!r}]: {ours!r} is not a known value")
    return table


def _enum(kind: type[E], value: object, where: str, problems: list[str]) -> E | None:
    if value == "" and kind is CloseReason:
        return None
    try:
        return kind(str(value))
    except ValueError:
        choices = ", ".join(str(v) for v in kind)
        problems.append(f"{where}: {value!r} is not one of {choices}")
        return None


def _points(data: object, problems: list[str]) -> frozenset[tuple[float, float]]:
    """Placeholder coordinates a source writes for "unknown" ([lat, long] pairs)."""
    if not isinstance(data, list):
        problems.append("missing_points must be a list of [lat, long] pairs")
        return frozenset()
    points: set[tuple[float, float]] = set()
    for pair in data:
        if (
            isinstance(pair, list)
            and len(pair) == 2
            and all(isinstance(v, int | float) for v in pair)
        ):
            points.add((float(pair[0]), float(pair[1])))
        else:
            problems.append(f"missing_points: {pair!r} is not a [lat, long] pair")
    return frozenset(points)
