"""What a series measures, how it is grouped, and how counted rows become chart series."""

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from domain.metrics.rates import rate
from domain.shared.errors import ValidationFailed


class Family(StrEnum):
    CONTACTS = "contacts"
    REQUESTS = "requests"
    SLA = "sla"
    CALLS = "calls"
    CSAT = "csat"  # satisfaction survey answers


class Combine(StrEnum):
    """How a bucket's value comes from its row: a count, a ratio of two sums, or a value the
    SQL computed (a percentile)."""

    COUNT = "count"
    RATIO = "ratio"
    VALUE = "value"


@dataclass(frozen=True)
class Measure:
    name: str
    combine: Combine


MEASURES: dict[Family, tuple[Measure, ...]] = {
    Family.CONTACTS: (
        Measure("count", Combine.COUNT),
        Measure("fcr_rate", Combine.RATIO),
        Measure("average_handle_seconds", Combine.RATIO),
    ),
    Family.REQUESTS: (Measure("opened", Combine.COUNT), Measure("closed", Combine.COUNT)),
    Family.SLA: (
        Measure("on_time_rate", Combine.RATIO),
        Measure("hours_to_close_p50", Combine.VALUE),
        Measure("hours_to_close_p90", Combine.VALUE),
    ),
    Family.CALLS: (
        Measure("answered_within_threshold_rate", Combine.RATIO),
        Measure("offered", Combine.COUNT),
        Measure("answered", Combine.COUNT),
        Measure("abandoned", Combine.COUNT),
        Measure("abandonment_rate", Combine.RATIO),
        Measure("average_speed_of_answer_s", Combine.RATIO),
        Measure("fcr_rate", Combine.RATIO),
        Measure("average_handle_seconds", Combine.RATIO),
    ),
    Family.CSAT: (
        Measure("average_score", Combine.RATIO),
        Measure("satisfied_rate", Combine.RATIO),
        Measure("answered", Combine.COUNT),
    ),
}

GROUPINGS: dict[Family, frozenset[str]] = {
    Family.CONTACTS: frozenset({"channel", "type", "department", "agent", "tag", "service"}),
    Family.REQUESTS: frozenset({"channel", "service", "department", "status"}),
    Family.SLA: frozenset({"department", "service"}),
    Family.CALLS: frozenset({"queue", "hour_of_day", "agent"}),
    Family.CSAT: frozenset({"department", "service", "channel"}),
}
AREA = "area"  # area:<layer>, for contacts (through their requests) and requests


@dataclass(frozen=True)
class GroupBy:
    kind: str | None  # None: one series of everything
    layer: str | None = None

    @property
    def text(self) -> str | None:
        return f"{AREA}:{self.layer}" if self.layer else self.kind


def measure_of(family: Family, name: str | None) -> Measure:
    choices = MEASURES[family]
    if name is None:
        return choices[0]
    for measure in choices:
        if measure.name == name:
            return measure
    allowed = ", ".join(m.name for m in choices)
    raise ValidationFailed.single("measure", f"must be one of {allowed}")


def group_by_of(family: Family, text: str | None) -> GroupBy:
    if text is None or not text.strip():
        return GroupBy(None)
    kind, _, layer = text.strip().partition(":")
    if kind == AREA and layer and family in (Family.CONTACTS, Family.REQUESTS):
        return GroupBy(AREA, layer)
    if kind in GROUPINGS[family] and not layer:
        return GroupBy(kind)
    allowed = sorted(GROUPINGS[family])
    if family in (Family.CONTACTS, Family.REQUESTS):
        allowed.append("area:<layer>")
    raise ValidationFailed.single("group_by", f"must be one of {', '.join(allowed)}")


@dataclass(frozen=True)
class Counted:
    """One SQL row: a bucket (0-based), a group key and label, and the measure's parts.
    `weight` (how many facts) orders the series."""

    bucket: int
    key: str
    label: str
    numerator: float | None
    denominator: float | None
    weight: int


@dataclass(frozen=True)
class Line:
    key: str
    label: str
    values: list[float | None]


def value_of(combine: Combine, numerator: float | None, denominator: float | None) -> float | None:
    if combine is Combine.RATIO:
        return None if numerator is None else rate(numerator, denominator or 0)
    return numerator


def build_lines(
    rows: Iterable[Counted],
    buckets: int,
    combine: Combine,
    fixed: Iterable[tuple[str, str]] = (),
) -> list[Line]:
    """Dense series, one value per bucket (0 for an empty count, None for an empty rate),
    heaviest first; `fixed` (key, label) series come in their order even when empty (the
    hours of the day)."""
    empty: float | None = 0 if combine is Combine.COUNT else None
    lines: dict[str, Line] = {key: Line(key, label, [empty] * buckets) for key, label in fixed}
    ordered = bool(lines)
    weights: dict[str, int] = dict.fromkeys(lines, 0)
    for row in rows:
        line = lines.setdefault(row.key, Line(row.key, row.label, [empty] * buckets))
        line.values[row.bucket] = value_of(combine, row.numerator, row.denominator)
        weights[row.key] = weights.get(row.key, 0) + row.weight
    if ordered:
        return list(lines.values())
    return sorted(lines.values(), key=lambda line: (-weights[line.key], line.key))
