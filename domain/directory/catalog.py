"""The service catalog: departments, services, their SLA policy and attribute definitions."""

import math
import re
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from domain.privacy.disclosure import Disclosure
from domain.privacy.public_place import PublicLocation
from domain.shared.errors import FieldError, ValidationFailed
from domain.shared.sla import SlaCalendar

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ATTRIBUTE_CODE = re.compile(r"^[A-Za-z0-9_\-.]{1,64}$")
MAX_RADIUS_M = 2000.0  # the widest duplicate search a service or a caller may ask for


def is_slug(value: str, max_length: int = 64) -> bool:
    return len(value) <= max_length and bool(SLUG.match(value))


@dataclass
class Department:
    code: str
    name: str
    email: str | None = None
    phone: str | None = None


class Datatype(StrEnum):
    STRING = "string"
    NUMBER = "number"
    DATETIME = "datetime"
    TEXT = "text"
    SINGLE = "singlevaluelist"
    MULTI = "multivaluelist"


@dataclass(frozen=True)
class AttributeOption:
    key: str
    name: str


AttributeValue = str | float | list[str]


@dataclass(frozen=True)
class AttributeDefinition:
    code: str
    datatype: Datatype
    description: str
    variable: bool = True
    required: bool = False
    order: int = 0
    datatype_description: str = ""
    values: tuple[AttributeOption, ...] = ()

    def clean(self, raw: object) -> AttributeValue:
        """Return the value normalised for storage, or raise ValueError with a message."""
        if self.datatype is Datatype.NUMBER:
            return _as_number(raw)
        if self.datatype is Datatype.DATETIME:
            return _as_datetime(raw)
        if self.datatype is Datatype.SINGLE:
            return self._as_key(raw)
        if self.datatype is Datatype.MULTI:
            items = raw if isinstance(raw, list) else [raw]
            keys = [self._as_key(item) for item in items]
            return list(dict.fromkeys(keys))
        limit = 4000 if self.datatype is Datatype.TEXT else 500
        return _as_text(raw, limit)

    def _as_key(self, raw: object) -> str:
        key = str(raw) if isinstance(raw, str | int) and not isinstance(raw, bool) else None
        if key is None or key not in {option.key for option in self.values}:
            raise ValueError(f"must be one of: {', '.join(o.key for o in self.values)}")
        return key


def _as_number(raw: object) -> float:
    if isinstance(raw, bool):
        raise ValueError("must be a number")
    try:
        number = Decimal(str(raw).strip()) if isinstance(raw, str | int | float) else None
    except InvalidOperation:
        number = None
    result = float(number) if number is not None and number.is_finite() else math.inf
    if not math.isfinite(result):
        raise ValueError("must be a number")
    return result


def _as_datetime(raw: object) -> str:
    if not isinstance(raw, str):
        raise ValueError("must be an ISO 8601 date-time")
    try:
        parsed = datetime.fromisoformat(raw.strip())
    except ValueError:
        raise ValueError("must be an ISO 8601 date-time") from None
    return parsed.isoformat()


def _as_text(raw: object, limit: int) -> str:
    if not isinstance(raw, str | int | float) or isinstance(raw, bool):
        raise ValueError("must be text")
    text = str(raw).strip()
    if len(text) > limit:
        raise ValueError(f"must be at most {limit} characters")
    return text


@dataclass(frozen=True)
class SlaPolicy:
    target_hours: float
    calendar: SlaCalendar = SlaCalendar.BUSINESS
    pauses_on_hold: bool = True


@dataclass
class Service:
    code: str
    name: str
    department_code: str
    sla: SlaPolicy
    type_name: str = ""
    description: str = ""
    group: str = ""
    keywords: list[str] = field(default_factory=list)
    active: bool = True
    attributes: list[AttributeDefinition] = field(default_factory=list)
    duplicate_radius_m: float | None = None  # None: the duplicate policy's default radius
    mask_personal_data: bool = True  # public outputs mask emails, phones, the reporter's name
    public_location: PublicLocation = PublicLocation.EXACT
    open_data_descriptions: bool = False  # the open-data feed shows descriptions (masked)
    anonymous_allowed: bool = False  # the public web form may send it without contact details

    @property
    def disclosure(self) -> Disclosure:
        return Disclosure(self.mask_personal_data, self.public_location)

    @property
    def has_metadata(self) -> bool:
        return bool(self.attributes)

    def clean_attributes(self, given: dict[str, object]) -> dict[str, AttributeValue]:
        """Validate submitted values against the definitions; unknown codes are refused."""
        errors: list[FieldError] = []
        known = {a.code: a for a in self.attributes if a.variable}
        errors += [
            FieldError(f"attributes.{code}", "is not an attribute of this service")
            for code in given
            if code not in known
        ]
        cleaned: dict[str, AttributeValue] = {}
        for code, definition in known.items():
            raw = given.get(code)
            if _is_blank(raw):
                if definition.required:
                    errors.append(FieldError(f"attributes.{code}", "is required"))
                continue
            try:
                cleaned[code] = definition.clean(raw)
            except ValueError as problem:
                errors.append(FieldError(f"attributes.{code}", str(problem)))
        if errors:
            raise ValidationFailed(errors)
        return cleaned


def _is_blank(raw: object) -> bool:
    if isinstance(raw, str):
        return not raw.strip()
    return raw is None or raw == []


def check_definitions(attributes: list[AttributeDefinition]) -> None:
    """Catalog rule: codes are unique, list types carry values, other types carry none."""
    errors: list[FieldError] = []
    seen: set[str] = set()
    for index, attribute in enumerate(attributes):
        where = f"attributes[{index}]"
        if not ATTRIBUTE_CODE.match(attribute.code):
            errors.append(FieldError(f"{where}.code", "must be 1-64 letters, digits, _ - ."))
        if attribute.code in seen:
            errors.append(FieldError(f"{where}.code", "is repeated"))
        seen.add(attribute.code)
        is_list = attribute.datatype in (Datatype.SINGLE, Datatype.MULTI)
        if is_list and not attribute.values:
            errors.append(FieldError(f"{where}.values", "a list datatype needs values"))
        if not is_list and attribute.values:
            errors.append(FieldError(f"{where}.values", "only list datatypes take values"))
        keys = [option.key for option in attribute.values]
        if len(keys) != len(set(keys)):
            errors.append(FieldError(f"{where}.values", "keys must be unique"))
    if errors:
        raise ValidationFailed(errors)
