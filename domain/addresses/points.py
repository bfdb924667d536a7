"""The rules for a row of an address-table import: what is kept, and why a row is refused."""

import math
from collections.abc import Mapping, Sequence

from domain.addresses.model import AddressPoint
from domain.addresses.normalize import ZIP, display_form, parse_address
from domain.shared.errors import ValidationFailed

COLUMNS = ("address", "zip", "lat", "long")
MAX_ADDRESS_LENGTH = 200


def check_header(fields: Sequence[str] | None) -> None:
    """The header must name the four columns (in any order; other columns are ignored)."""
    present = {field.strip().lower() for field in fields or ()}
    missing = [column for column in COLUMNS if column not in present]
    if missing:
        raise ValidationFailed.single(
            "header",
            f"the first line must name the columns {', '.join(COLUMNS)}; "
            f"missing: {', '.join(missing)}",
        )


def read_point(row: Mapping[str, str | None]) -> AddressPoint:
    """One row as an address point; ValueError says what is wrong with it."""
    address = display_form(row.get("address") or "")
    if not address:
        raise ValueError("the address is empty")
    if len(address) > MAX_ADDRESS_LENGTH:
        raise ValueError(f"the address is longer than {MAX_ADDRESS_LENGTH} characters")
    if not parse_address(address).streets:
        raise ValueError("the address names no street")
    return AddressPoint(
        address, _zip(row.get("zip")), _degrees(row, "lat", 90), _degrees(row, "long", 180)
    )


def _zip(value: str | None) -> str | None:
    text = (value or "").strip()
    if not text:
        return None
    match = ZIP.match(text)
    if match is None:
        raise ValueError(f"zip {text[:20]!r} is not a US ZIP code")
    return match.group(1)


def _degrees(row: Mapping[str, str | None], column: str, bound: float) -> float:
    text = (row.get(column) or "").strip()
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"{column} {text[:20]!r} is not a number") from None
    if not math.isfinite(value) or not -bound <= value <= bound:
        raise ValueError(f"{column} must be between -{bound:g} and {bound:g}")
    return value
