"""Call records from the phone system: CSV `call_id,queue,offered_at,answered_at,
abandoned_at,ended_at,agent`, times in RFC 3339, and each call answered or abandoned.

Rows are read one at a time, so a file of any size is read in constant memory; a bad row is
reported with its line number and the reason, and the others go on.
"""

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from domain.shared.errors import ValidationFailed

COLUMNS = ("call_id", "queue", "offered_at", "answered_at", "abandoned_at", "ended_at", "agent")
MAX_TEXT = 200


@dataclass(frozen=True)
class CallRecord:
    call_id: str
    queue: str
    offered_at: datetime
    answered_at: datetime | None
    abandoned_at: datetime | None
    ended_at: datetime | None
    agent: str | None

    @property
    def wait_seconds(self) -> float | None:
        if self.answered_at is None:
            return None
        return (self.answered_at - self.offered_at).total_seconds()


@dataclass(frozen=True)
class BadRow:
    line: int
    reason: str


class RowProblem(ValueError):
    pass


def _instant(row: dict[str, str], column: str) -> datetime | None:
    text = (row.get(column) or "").strip()
    if not text:
        return None
    try:
        at = datetime.fromisoformat(text)
    except ValueError:
        raise RowProblem(f"{column} is not an RFC 3339 date-time") from None
    if at.tzinfo is None:
        raise RowProblem(f"{column} needs a UTC offset")
    return at.astimezone(UTC)


def _optional(row: dict[str, str], column: str) -> str | None:
    text = (row.get(column) or "").strip()
    if len(text) > MAX_TEXT:
        raise RowProblem(f"{column} is longer than {MAX_TEXT} characters")
    return text or None


def _required(row: dict[str, str], column: str) -> str:
    text = _optional(row, column)
    if text is None:
        raise RowProblem(f"{column} is missing")
    return text


def _not_before(later: datetime | None, earlier: datetime, message: str) -> None:
    if later is not None and later < earlier:
        raise RowProblem(message)


def call_of(row: dict[str, str]) -> CallRecord:
    """One row as a call, or RowProblem saying what is wrong with it."""
    if None in row:
        raise RowProblem("more fields than the header has")
    offered = _instant(row, "offered_at")
    if offered is None:
        raise RowProblem("offered_at is missing")
    answered, abandoned = _instant(row, "answered_at"), _instant(row, "abandoned_at")
    if (answered is None) == (abandoned is None):
        raise RowProblem("a call has exactly one of answered_at and abandoned_at")
    ended = _instant(row, "ended_at")
    _not_before(answered, offered, "answered_at is before offered_at")
    _not_before(abandoned, offered, "abandoned_at is before offered_at")
    _not_before(ended, answered or abandoned or offered, "ended_at is before the call's end")
    return CallRecord(
        call_id=_required(row, "call_id"),
        queue=_required(row, "queue"),
        offered_at=offered,
        answered_at=answered,
        abandoned_at=abandoned,
        ended_at=ended,
        agent=_optional(row, "agent"),
    )


def read_calls(lines: Iterable[str]) -> Iterator[CallRecord | BadRow]:
    """Each data row as a call or a bad row; line numbers count the header as line 1 (a
    quoted field may span lines: a row's number is its first line). A header without the
    columns refuses the whole file (ValidationFailed)."""
    reader = csv.DictReader(lines)
    header = [name.strip() for name in reader.fieldnames or []]
    if missing := [c for c in COLUMNS if c not in header]:
        raise ValidationFailed.single("header", f"missing column(s): {', '.join(missing)}")
    reader.fieldnames = header
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield BadRow(line, f"not CSV: {error}")
            continue
        try:
            yield call_of(row)
        except RowProblem as problem:
            yield BadRow(line, str(problem))
