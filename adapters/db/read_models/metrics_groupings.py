"""How each series is grouped: the key (and label) of every fact, and the joins that give it.

Single-valued groupings (a request's channel, service, department or area) put each fact in
one series ("none" when it has no value). Multi-valued ones (a contact's tags, the
departments, services or areas it is about) count the fact once in each of its values, and
leave out facts without any.
"""

from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    FromClause,
    Integer,
    Text,
    cast,
    func,
    literal,
    literal_column,
    select,
    true,
    union,
)
from sqlalchemy.dialects.postgresql import JSONPATH

from adapters.db.read_models.metrics_facts import sr
from adapters.db.tables.cases import cases
from adapters.db.tables.metrics import call_records
from adapters.db.tables.surveys import survey_answers
from domain.metrics.series import AREA, GroupBy
from domain.shared.errors import ValidationFailed

NONE = "none"
AREA_PATH = "$[*] ? (@.layer == $layer)"


@dataclass(frozen=True)
class Grouping:
    source: FromClause
    key: ColumnElement[Any]
    label: ColumnElement[Any] | None = None  # an aggregate; None: named in Python


def _text(value: str) -> ColumnElement[str]:
    return literal_column(f"'{value}'", Text)


def area_of(areas: Any, layer: str) -> ColumnElement[Any]:
    """A request's area in one layer, from the areas it was resolved to (JSONB)."""
    return func.jsonb_path_query_first(
        areas, cast(AREA_PATH, JSONPATH), func.jsonb_build_object("layer", layer)
    )


def area_field(area: ColumnElement[Any], name: str) -> ColumnElement[str]:
    return area.op("->>")(_text(name))


def everything(source: FromClause) -> Grouping:
    return Grouping(source, _text("all"))


def request_grouping(group_by: GroupBy) -> Grouping:
    if group_by.kind is None:
        return everything(sr)
    if group_by.kind == AREA:
        area = area_of(sr.c.areas, group_by.layer or "")
        key = func.coalesce(area_field(area, "code"), _text(NONE))
        return Grouping(sr, key, func.max(area_field(area, "name")))
    columns = {
        "channel": sr.c.channel,
        "service": sr.c.service_code,
        "department": sr.c.department_code,
        "status": sr.c.status,
    }
    return Grouping(sr, columns[group_by.kind])


def _linked(*columns: Any) -> Any:
    return select(*columns).where(sr.c.id == func.any(cases.c.request_ids))


def _contacts_by(values: Any) -> FromClause:
    return cases.join(values.lateral("grouped"), true())


def contact_grouping(group_by: GroupBy) -> Grouping:
    kind = group_by.kind
    if kind is None:
        return everything(cases)
    if kind in ("channel", "type"):
        return Grouping(cases, cases.c[kind])
    if kind == "agent":
        key = func.coalesce(cast(cases.c.agent_id, Text), _text(NONE))
        return Grouping(cases, key, func.max(cases.c.agent_name))
    if kind == "tag":
        tags = func.unnest(cases.c.tags).table_valued("value").render_derived(name="grouped")
        return Grouping(cases.join(tags, true()), tags.c.value)
    if kind == "department":
        named = select(cases.c.department_code.label("value")).where(
            cases.c.department_code.is_not(None)
        )
        values = _contacts_by(union(named, _linked(sr.c.department_code.label("value"))))
        return Grouping(values, literal_column("grouped.value", Text))
    if kind == "service":
        values = _contacts_by(_linked(sr.c.service_code.label("value")).distinct())
        return Grouping(values, literal_column("grouped.value", Text))
    area = area_of(sr.c.areas, group_by.layer or "")
    located = _linked(
        area_field(area, "code").label("value"), area_field(area, "name").label("name")
    )
    values = _contacts_by(located.where(area.is_not(None)).distinct())
    label = func.max(literal_column("grouped.name", Text))
    return Grouping(values, literal_column("grouped.value", Text), label)


def call_grouping(group_by: GroupBy, zone: str) -> Grouping:
    c = call_records.c
    if group_by.kind == "queue":
        return Grouping(call_records, c.queue)
    if group_by.kind == "agent":
        return Grouping(call_records, func.coalesce(c.agent, _text(NONE)))
    if group_by.kind == "hour_of_day":
        local = func.timezone(literal(zone, Text), c.offered_at)
        hour = cast(func.extract("hour", local), Integer)
        return Grouping(call_records, cast(hour, Text))
    if group_by.kind is None:
        return everything(call_records)
    raise ValidationFailed.single("group_by", "is not a grouping of calls")


def answer_grouping(group_by: GroupBy) -> Grouping:
    """Survey answers, by the department, service and intake channel kept on each."""
    a = survey_answers.c
    if group_by.kind is None:
        return everything(survey_answers)
    columns = {"department": a.department_code, "service": a.service_code, "channel": a.channel}
    return Grouping(survey_answers, columns[group_by.kind])
