"""Translations of what the catalog shows: services, departments, map layers, referral targets.

The catalog is written in the city's default language. A translation gives one other language's
texts, field by field; what it leaves out is shown in the default language. Codes, keys and
everything that routes or validates a request never change with the language.
"""

from dataclasses import dataclass, field, replace
from enum import StrEnum

from domain.directory.catalog import AttributeDefinition, AttributeOption, Department, Service
from domain.shared.errors import FieldError, ValidationFailed


class Subject(StrEnum):
    SERVICE = "service"
    DEPARTMENT = "department"
    LAYER = "layer"
    REFERRAL = "referral"  # the contact of an area, whom callers are referred to


@dataclass(frozen=True)
class SubjectRef:
    """What a translation belongs to. A referral target is keyed `<layer>/<area code>`, which
    outlives the area's id when the layer is imported again."""

    kind: Subject
    key: str

    @classmethod
    def referral(cls, layer: str, area_code: str) -> "SubjectRef":
        return cls(Subject.REFERRAL, f"{layer}/{area_code}")


@dataclass(frozen=True)
class AttributeTranslation:
    description: str | None = None
    datatype_description: str | None = None
    values: dict[str, str] = field(default_factory=dict)  # option key -> option name


@dataclass(frozen=True)
class ServiceTranslation:
    name: str
    description: str | None = None
    group: str | None = None
    keywords: tuple[str, ...] | None = None
    attributes: dict[str, AttributeTranslation] = field(default_factory=dict)


@dataclass(frozen=True)
class NameTranslation:
    """Departments, layers and referral targets translate their name only."""

    name: str


Translation = ServiceTranslation | NameTranslation


def localize_service(service: Service, text: ServiceTranslation | None) -> Service:
    if text is None:
        return service
    return replace(
        service,
        name=text.name,
        description=text.description or service.description,
        group=text.group or service.group,
        keywords=list(text.keywords) if text.keywords is not None else service.keywords,
        attributes=[
            _localize_attribute(a, text.attributes.get(a.code)) for a in service.attributes
        ],
    )


def _localize_attribute(
    attribute: AttributeDefinition, text: AttributeTranslation | None
) -> AttributeDefinition:
    if text is None:
        return attribute
    return replace(
        attribute,
        description=text.description or attribute.description,
        datatype_description=text.datatype_description or attribute.datatype_description,
        values=tuple(
            AttributeOption(o.key, text.values.get(o.key) or o.name) for o in attribute.values
        ),
    )


def localize_department(department: Department, text: NameTranslation | None) -> Department:
    return department if text is None else replace(department, name=text.name)


def check_service_translation(service: Service, text: ServiceTranslation) -> None:
    """A translation speaks only of the service's own attributes and options."""
    known = {a.code: a for a in service.attributes}
    errors: list[FieldError] = []
    for code, attribute_text in text.attributes.items():
        attribute = known.get(code)
        if attribute is None:
            errors.append(FieldError(f"attributes.{code}", "is not an attribute of this service"))
            continue
        options = {o.key for o in attribute.values}
        errors += [
            FieldError(f"attributes.{code}.values.{key}", "is not an option of this attribute")
            for key in attribute_text.values
            if key not in options
        ]
    if errors:
        raise ValidationFailed(errors)
