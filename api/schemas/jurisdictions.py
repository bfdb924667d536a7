"""Bodies of the jurisdiction endpoints."""

from collections.abc import Sequence
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import to_json

from domain.jurisdictions.model import (
    AreaRef,
    Contact,
    Layer,
    LayerRole,
    Resolution,
    Responsible,
    ResponsibleKind,
    RoutingRule,
    area_refs_to_json,
)

Short = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ContactBody(Strict):
    name: Short | None = None
    phone: Annotated[str, StringConstraints(strip_whitespace=True, max_length=40)] | None = None
    url: Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)] | None = None
    email: Annotated[str, StringConstraints(strip_whitespace=True, max_length=254)] | None = None

    @classmethod
    def of(cls, contact: Contact | None) -> "ContactBody | None":
        if contact is None:
            return None
        return cls(name=contact.name, phone=contact.phone, url=contact.url, email=contact.email)

    def to_domain(self) -> Contact:
        return Contact(self.name, self.phone, self.url, self.email)


class ImportResult(BaseModel):
    layer: str
    imported: int
    replaced: int
    repaired: int


class LayerOut(BaseModel):
    slug: str
    kind: str
    role: LayerRole
    name: str
    version: int
    area_count: int

    @classmethod
    def of(cls, layer: Layer) -> "LayerOut":
        return cls(
            slug=layer.slug,
            kind=layer.kind,
            role=layer.role,
            name=layer.name,
            version=layer.version,
            area_count=layer.area_count,
        )


class LayerList(BaseModel):
    items: list[LayerOut]


class LayerPatch(Strict):
    role: LayerRole | None = None
    kind: Annotated[str, StringConstraints(min_length=1, max_length=64)] | None = None
    name: Short | None = None


class AreaRefOut(BaseModel):
    id: int
    layer: str
    code: str
    name: str

    @classmethod
    def of(cls, ref: AreaRef) -> "AreaRefOut":
        return cls(id=ref.id, layer=ref.layer, code=ref.code, name=ref.name)


class AreaOut(AreaRefOut):
    properties: dict[str, Any]
    contact: ContactBody | None


class AreaList(BaseModel):
    items: list[AreaOut]


class AreaPatch(Strict):
    contact: ContactBody | None


class GeometryOut(BaseModel):
    type: Literal["Polygon", "MultiPolygon"]
    coordinates: list[Any]


class FeatureProperties(BaseModel):
    layer: str
    code: str
    name: str
    version: int
    current: bool
    contact: ContactBody | None
    source: dict[str, Any]


class FeatureOut(BaseModel):
    type: Literal["Feature"] = "Feature"
    id: int
    properties: FeatureProperties
    geometry: GeometryOut


class FeatureCollectionOut(BaseModel):
    type: Literal["FeatureCollection"] = "FeatureCollection"
    features: list[FeatureOut]


class ResponsibleOut(BaseModel):
    kind: ResponsibleKind
    department: str | None
    referral: ContactBody | None

    @classmethod
    def of(cls, responsible: Responsible) -> "ResponsibleOut":
        return cls(
            kind=responsible.kind,
            department=responsible.department,
            referral=ContactBody.of(responsible.referral),
        )


class ResolutionOut(BaseModel):
    areas: list[AreaRefOut]
    responsible: ResponsibleOut
    explanation: str

    @classmethod
    def of(cls, resolution: Resolution) -> "ResolutionOut":
        return cls(
            areas=[AreaRefOut.of(a) for a in resolution.areas],
            responsible=ResponsibleOut.of(resolution.responsible),
            explanation=resolution.explanation,
        )


class PointIn(Strict):
    lat: float = Field(ge=-90, le=90, allow_inf_nan=False)
    long: float = Field(ge=-180, le=180, allow_inf_nan=False)
    service_code: Annotated[str, StringConstraints(max_length=64)] | None = None


class BatchResolveIn(Strict):
    points: list[PointIn] = Field(min_length=1, max_length=1000)


class BatchResolveOut(BaseModel):
    results: list[ResolutionOut]

    @staticmethod
    def json_of(resolutions: Sequence[Resolution]) -> bytes:
        """The JSON of `BatchResolveOut(results=[ResolutionOut.of(r) ...])`, without a model
        per point: an area's fields are already an int and strings, and a batch holds few
        distinct responsibles, each validated once (ContactBody strips and bounds) and its dump
        reused; pydantic's Rust encoder writes the whole."""
        responsibles: dict[tuple[object, ...], dict[str, Any]] = {}

        def responsible(of: Responsible) -> dict[str, Any]:
            key = (of.kind, of.department, of.referral)
            dumped = responsibles.get(key)
            if dumped is None:
                dumped = responsibles[key] = ResponsibleOut.of(of).model_dump(mode="json")
            return dumped

        results = [
            {
                "areas": area_refs_to_json(r.areas),
                "responsible": responsible(r.responsible),
                "explanation": r.explanation,
            }
            for r in resolutions
        ]
        return to_json({"results": results})


class RuleBody(Strict):
    priority: int = Field(ge=0, le=1_000_000)
    department: Annotated[str, StringConstraints(max_length=64)] | None = None
    referral: ContactBody | None = None
    refer_to_area_contact: bool = False
    service_code: Annotated[str, StringConstraints(max_length=64)] | None = None
    service_group: Short | None = None
    layer: Annotated[str, StringConstraints(max_length=64)] | None = None
    area_id: int | None = Field(default=None, ge=1, le=2**63 - 1)
    description: Annotated[str, StringConstraints(max_length=1000)] = ""

    def to_domain(self, rule_id: int = 0) -> RoutingRule:
        return RoutingRule(
            id=rule_id,
            priority=self.priority,
            department=self.department,
            referral=self.referral.to_domain() if self.referral else None,
            refer_to_area_contact=self.refer_to_area_contact,
            service_code=self.service_code,
            service_group=self.service_group,
            layer=self.layer,
            area_id=self.area_id,
            description=self.description,
        )


class RuleOut(RuleBody):
    id: int

    @classmethod
    def of(cls, rule: RoutingRule) -> "RuleOut":
        return cls(
            id=rule.id,
            priority=rule.priority,
            department=rule.department,
            referral=ContactBody.of(rule.referral),
            refer_to_area_contact=rule.refer_to_area_contact,
            service_code=rule.service_code,
            service_group=rule.service_group,
            layer=rule.layer,
            area_id=rule.area_id,
            description=rule.description,
        )


class RuleList(BaseModel):
    items: list[RuleOut]
