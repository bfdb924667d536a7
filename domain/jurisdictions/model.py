"""Boundary layers, their areas, and who is responsible at a point."""

from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from domain.shared.errors import DomainError


class LayerRole(StrEnum):
    SERVED = "served"  # we handle requests inside it
    REFER = "refer"  # callers are sent to the area's own contact
    INFO = "info"  # it only describes a place


class ResponsibleKind(StrEnum):
    DEPARTMENT = "department"
    REFERRAL = "referral"
    NONE = "none"


@dataclass(frozen=True)
class Contact:
    name: str | None = None
    phone: str | None = None
    url: str | None = None
    email: str | None = None

    @property
    def is_empty(self) -> bool:
        return not any((self.name, self.phone, self.url, self.email))


@dataclass
class Layer:
    slug: str
    kind: str
    role: LayerRole = LayerRole.INFO
    name: str = ""
    version: int = 1
    area_count: int = 0


@dataclass(frozen=True)
class AreaRef:
    """What a request keeps of an area: enough to name it even after a re-import."""

    id: int
    layer: str
    code: str
    name: str


@dataclass(frozen=True)
class AreaHit:
    """An area that contains a point, with what the resolver needs to decide."""

    ref: AreaRef
    role: LayerRole
    kind: str
    size: float  # the area in square degrees: smaller means more local
    contact: Contact | None = None


@dataclass(frozen=True)
class RoutingRule:
    """Maps (service or group, layer or area) to a department or a referral, by priority."""

    id: int
    priority: int
    department: str | None = None
    referral: Contact | None = None
    refer_to_area_contact: bool = False
    service_code: str | None = None
    service_group: str | None = None
    layer: str | None = None
    area_id: int | None = None
    description: str = ""

    def matches(self, service_code: str | None, group: str | None, hits: list[AreaHit]) -> bool:
        if self.service_code is not None and self.service_code != service_code:
            return False
        if self.service_group is not None and self.service_group != group:
            return False
        return self.matched_area(hits) is not None or (self.layer is None and self.area_id is None)

    def matched_area(self, hits: list[AreaHit]) -> AreaHit | None:
        for hit in hits:
            if self.area_id is not None and hit.ref.id == self.area_id:
                return hit
            if self.area_id is None and self.layer is not None and hit.ref.layer == self.layer:
                return hit
        return None


@dataclass(frozen=True)
class Responsible:
    kind: ResponsibleKind
    department: str | None = None
    referral: Contact | None = None
    referral_area: AreaRef | None = None  # the area whose own contact the referral is


@dataclass(frozen=True)
class Resolution:
    areas: list[AreaRef]
    responsible: Responsible
    explanation: str
    served: bool = field(default=False)

    @property
    def is_referral(self) -> bool:
        return self.responsible.kind is ResponsibleKind.REFERRAL

    def with_referral_name(self, name: str | None) -> "Resolution":
        """The same resolution, its referral target named in another language."""
        referral = self.responsible.referral
        if name is None or referral is None:
            return self
        responsible = replace(self.responsible, referral=replace(referral, name=name))
        return replace(self, responsible=responsible)


def area_refs_to_json(areas: list[AreaRef]) -> list[dict[str, Any]]:
    return [{"id": a.id, "layer": a.layer, "code": a.code, "name": a.name} for a in areas]


class OutOfJurisdiction(DomainError):
    """The point is someone else's: the resolution says whom the resident should contact."""

    def __init__(self, resolution: Resolution) -> None:
        super().__init__(resolution.explanation)
        self.resolution = resolution


@dataclass(frozen=True)
class AreaRecord:
    """An area as the jurisdiction screens list it (its shape travels beside it, as WKB)."""

    ref: AreaRef
    properties: dict[str, Any]
    contact: Contact | None
    layer_version: int
    current: bool
    size: float
