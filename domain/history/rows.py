"""One source row into one `ImportedRequest`, or a `BadRow` that says why not.

Rules (the README's "History import" repeats them):
- The source's id becomes `external_id`; a row without one, or with one over 200
  characters, is bad.
- The created date must read in one of the mapping's formats; so must a close, due or
  status date when the row has one.
- The status and channel must be in the mapping's tables (or the mapping's default channel).
- A closed row needs a close date (or, failing that, a status date) no earlier than its
  creation. An open row's close date is ignored: the status says it is open.
- A point needs both coordinates, as numbers within range. A placeholder the mapping lists
  (Baltimore writes 39,-77 for "unknown") counts as no point.
- The service: the mapping's own table first, then (with `match: type_name`) the catalog
  service whose type name is the source's type, else the catch-all service. Its department
  is the service's; rows of the catch-all take the department the mapping gives for the
  source's agency, else the catch-all's own.
- A description over 4,000 characters is cut there. With `unescape_html`, `&amp;` and the
  like in the address and description read as the characters they stand for.
"""

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from domain.history.dates import compile_formats
from domain.history.mapping import Mapping, MappingInvalid
from domain.requests.model import MAX_DESCRIPTION, MAX_EXTERNAL_ID, CloseReason, Status
from domain.shared.vocabulary import Channel


@dataclass(frozen=True, slots=True)
class ImportedRequest:
    line: int
    external_id: str
    source_type: str
    service_code: str
    department_code: str  # the home department; routing rules at the point may change it
    status: Status
    close_reason: CloseReason | None
    channel: Channel
    requested_at: datetime
    updated_at: datetime
    closed_at: datetime | None
    expected_at: datetime | None
    on_hold_since: datetime | None
    description: str
    address: str | None
    lat: float | None
    long: float | None


@dataclass(frozen=True, slots=True)
class BadRow:
    line: int
    reason: str


@dataclass(frozen=True)
class CatalogFacts:
    """What the translation needs of our catalog: each service's department, and type names."""

    service_departments: dict[str, str]  # service code -> department code
    type_names: dict[str, str]  # folded type name -> service code
    departments: frozenset[str]

    @staticmethod
    def fold(type_name: str) -> str:
        return " ".join(type_name.split()).casefold()


class RowError(ValueError):
    """Why a row cannot be imported."""


class RowTranslator:
    """Translates the rows of one file. Column positions, the date reader and each source
    type's service are worked out once: the per-row path is what an import's speed is made of.
    """

    def __init__(self, mapping: Mapping, header: Sequence[str], catalog: CatalogFacts) -> None:
        _check_catalog(mapping, catalog)
        self._mapping = mapping
        self._catalog = catalog
        self._width = len(header)
        self._at = at = _positions(mapping, header)
        self._id, self._type, self._status = at["external_id"], at["service"], at["status"]
        self._created = at["created"]
        self._closed, self._due, self._updated = at.get("closed"), at.get("due"), at.get("updated")
        self._lat, self._long = at.get("lat"), at.get("long")
        self._description, self._address = at.get("description"), at.get("address")
        self._channel_at = at.get("channel")
        self._date = compile_formats(mapping.date_formats, mapping.zone)
        self._services: dict[str, tuple[str, str]] = {}

    def translate(self, fields: Sequence[str], line: int) -> ImportedRequest | BadRow:
        if len(fields) != self._width:
            return BadRow(line, f"has {len(fields)} fields where the header has {self._width}")
        try:
            return self._request(fields, line)
        except RowError as error:
            return BadRow(line, str(error))

    def _request(self, fields: Sequence[str], line: int) -> ImportedRequest:
        # The per-row path: the common case is written out here rather than in a call per
        # column (each Python call costs about as much as the work it wraps).
        external_id = fields[self._id].strip()
        if not external_id or len(external_id) > MAX_EXTERNAL_ID:
            raise RowError(self._bad_id(external_id))
        text = fields[self._created]
        requested_at = self._date(text) if text else None
        if requested_at is None:
            if text.strip():
                raise RowError(f"created date {text.strip()!r} is in none of the mapping's formats")
            raise RowError(f"has no created date (column {self._column('created')!r})")
        status_text = fields[self._status].strip()
        translation = self._mapping.statuses.get(status_text)
        if translation is None:
            raise RowError(f"status {status_text!r} is not in the mapping")
        status = translation.status
        updated = self._read(fields, self._updated, "updated")
        closed_at = self._closed_at(fields, status, requested_at, updated)
        source_type = fields[self._type].strip()
        known = self._services.get(source_type)
        if known is None or known[0] == self._mapping.other_service:
            service_code, department = self._service(source_type, fields)
        else:
            service_code, department = known
        lat, long = self._point(fields)
        updated_at = requested_at
        if updated is not None and updated > updated_at:
            updated_at = updated
        if closed_at is not None and closed_at > updated_at:
            updated_at = closed_at
        channel = self._channel(fields)
        expected_at = self._read(fields, self._due, "due")
        at = self._description
        description = "" if at is None else self._cleaned(fields[at])
        at = self._address
        address = None if at is None else (self._cleaned(fields[at]) or None)
        return ImportedRequest(
            line,
            external_id,
            source_type,
            service_code,
            department,
            status,
            translation.close_reason,
            channel,
            requested_at,
            updated_at,
            closed_at,
            expected_at,
            (updated or requested_at) if status is Status.ON_HOLD else None,
            description[:MAX_DESCRIPTION],
            address,
            lat,
            long,
        )

    def _bad_id(self, external_id: str) -> str:
        if not external_id:
            return f"has no id (column {self._mapping.columns.external_id!r})"
        return f"its id is longer than {MAX_EXTERNAL_ID} characters"

    def _read(self, fields: Sequence[str], position: int | None, key: str) -> datetime | None:
        """The date in that column; None when the column is absent or the cell empty."""
        if position is None:
            return None
        text = fields[position]
        if not text:
            return None
        value = self._date(text)
        if value is None and text.strip():
            raise RowError(f"{key} date {text.strip()!r} is in none of the mapping's formats")
        return value

    def _closed_at(
        self,
        fields: Sequence[str],
        status: Status,
        requested_at: datetime,
        updated: datetime | None,
    ) -> datetime | None:
        closed = self._read(fields, self._closed, "closed")
        if status is not Status.CLOSED:
            return None
        closed = closed or updated
        if closed is None:
            raise RowError("is closed but has no close date")
        if closed < requested_at:
            raise RowError(f"was closed ({closed.isoformat()}) before it was created")
        return closed

    def _channel(self, fields: Sequence[str]) -> Channel:
        position = self._channel_at
        text = fields[position].strip() if position is not None else ""
        channel = self._mapping.channels.get(text) or self._mapping.default_channel
        if channel is None:
            raise RowError(f"channel {text!r} is not in the mapping")
        return channel

    def _service(self, source_type: str, fields: Sequence[str]) -> tuple[str, str]:
        known = self._services.get(source_type)
        if known is None:
            known = self._services[source_type] = self._choose_service(source_type)
        code, department = known
        if code != self._mapping.other_service:
            return code, department
        agency = self._text(fields, "department")
        return code, self._mapping.departments.get(agency, department)

    def _choose_service(self, source_type: str) -> tuple[str, str]:
        m, catalog = self._mapping, self._catalog
        code = m.services.get(source_type)
        if code is None and m.match_type_names:
            code = catalog.type_names.get(CatalogFacts.fold(source_type))
        if code is None or code == m.other_service:
            return m.other_service, m.other_department
        return code, catalog.service_departments[code]

    def _point(self, fields: Sequence[str]) -> tuple[float | None, float | None]:
        lat_at, long_at = self._lat, self._long
        if lat_at is None or long_at is None:
            return None, None
        lat_text, long_text = fields[lat_at].strip(), fields[long_at].strip()
        if not lat_text and not long_text:
            return None, None
        try:
            lat, long = float(lat_text), float(long_text)
        except ValueError:
            raise RowError(f"point ({lat_text!r}, {long_text!r}) is not two numbers") from None
        if not (-90 <= lat <= 90 and -180 <= long <= 180):
            raise RowError(f"point ({lat}, {long}) is out of range")
        if (lat, long) in self._mapping.missing_points:
            return None, None
        return lat, long

    def _text(self, fields: Sequence[str], key: str) -> str:
        position = self._at.get(key)
        return "" if position is None else self._cleaned(fields[position])

    def _cleaned(self, text: str) -> str:
        text = text.strip()
        if self._mapping.unescape_html and "&" in text:
            return html.unescape(text)
        return text

    def _column(self, key: str) -> str:
        return self._mapping.columns.named()[key]


def _positions(mapping: Mapping, header: Sequence[str]) -> dict[str, int]:
    where = {name.strip(): index for index, name in reversed(list(enumerate(header)))}
    named = mapping.columns.named()
    missing = [
        f"column {name!r} ({key}) is not in the file's header"
        for key, name in named.items()
        if name not in where
    ]
    if missing:
        raise MappingInvalid(missing)
    return {key: where[name] for key, name in named.items()}


def _check_catalog(mapping: Mapping, catalog: CatalogFacts) -> None:
    services = catalog.service_departments
    problems = [
        f"services.map[{source!r}]: {code!r} is not a service"
        for source, code in mapping.services.items()
        if code not in services
    ]
    problems += [
        f"departments.map[{source!r}]: {code!r} is not a department"
        for source, code in mapping.departments.items()
        if code not in catalog.departments
    ]
    if mapping.other_service not in services:
        problems.append(f"services.other: {mapping.other_service!r} is not a service")
    if mapping.other_department not in catalog.departments:
        problems.append(f"departments.other: {mapping.other_department!r} is not a department")
    if problems:
        raise MappingInvalid(problems)
