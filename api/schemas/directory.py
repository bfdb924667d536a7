"""Bodies of the catalog, department, user and auth endpoints."""

from datetime import datetime
from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from domain.directory.catalog import (
    MAX_RADIUS_M,
    AttributeDefinition,
    AttributeOption,
    Datatype,
    Department,
    Service,
    SlaPolicy,
)
from domain.directory.users import Role, Tier, User
from domain.privacy.public_place import PublicLocation
from domain.shared.sla import SlaCalendar

Slug = Annotated[str, StringConstraints(min_length=1, max_length=64)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Text = Annotated[str, StringConstraints(max_length=4000)]
DuplicateRadius = Annotated[float, Field(gt=0, le=MAX_RADIUS_M, allow_inf_nan=False)]
RADIUS_HELP = "metres within which a new request looks for duplicates; null: the default, 150"
MASK_HELP = (
    "Public outputs (Open311, the status page, residents' emails) mask emails, phone numbers "
    "and the reporter's name in descriptions and public notes; staff keep the original"
)
LOCATION_HELP = (
    "How precisely public outputs show where a request is: `exact`; `block` (the hundred "
    "block, the point moved to a grid cell about 200 m wide); `area` (the neighbourhood and a "
    "point inside it). For services that point at someone's home"
)
ANONYMOUS_HELP = (
    "Residents may send this service from the public web form without contact details; "
    "off by default, as a call-back or a question is often needed"
)
OPEN_DATA_HELP = (
    "The public open-data feed carries this service's descriptions (masked like public text); "
    "off by default, as residents' own words often say who they are"
)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DepartmentBody(Strict):
    code: Slug
    name: Name
    email: (
        Annotated[str, StringConstraints(max_length=254, pattern=r"^[^@\s]+@[^@\s]+$")] | None
    ) = None
    phone: Annotated[str, StringConstraints(max_length=40)] | None = None

    @classmethod
    def of(cls, d: Department) -> "DepartmentBody":
        return cls(code=d.code, name=d.name, email=d.email, phone=d.phone)

    def to_domain(self) -> Department:
        return Department(self.code, self.name, self.email, self.phone)


class DepartmentList(BaseModel):
    items: list[DepartmentBody]


class AttributeOptionBody(Strict):
    key: Annotated[str, StringConstraints(min_length=1, max_length=100)]
    name: Name


class AttributeBody(Strict):
    code: Slug
    datatype: Datatype
    description: Text = ""
    variable: bool = True
    required: bool = False
    order: int = Field(default=0, ge=0, le=10_000)
    datatype_description: Text = ""
    values: list[AttributeOptionBody] = Field(default_factory=list, max_length=500)

    @classmethod
    def of(cls, a: AttributeDefinition) -> "AttributeBody":
        return cls(
            code=a.code,
            datatype=a.datatype,
            description=a.description,
            variable=a.variable,
            required=a.required,
            order=a.order,
            datatype_description=a.datatype_description,
            values=[AttributeOptionBody(key=o.key, name=o.name) for o in a.values],
        )

    def to_domain(self) -> AttributeDefinition:
        return AttributeDefinition(
            code=self.code,
            datatype=self.datatype,
            description=self.description,
            variable=self.variable,
            required=self.required,
            order=self.order,
            datatype_description=self.datatype_description,
            values=tuple(AttributeOption(v.key, v.name) for v in self.values),
        )


class SlaBody(Strict):
    target_hours: float = Field(gt=0, le=24 * 365, allow_inf_nan=False)
    calendar: SlaCalendar = SlaCalendar.BUSINESS
    pauses_on_hold: bool = True

    def to_domain(self) -> SlaPolicy:
        return SlaPolicy(self.target_hours, self.calendar, self.pauses_on_hold)


class ServiceCreate(Strict):
    code: Slug
    name: Name
    department: Slug
    sla: SlaBody
    type_name: Annotated[str, StringConstraints(max_length=200)] = ""
    description: Text = ""
    group: Annotated[str, StringConstraints(max_length=200)] = ""
    keywords: list[Annotated[str, StringConstraints(max_length=100)]] = Field(
        default_factory=list, max_length=50
    )
    active: bool = True
    attributes: list[AttributeBody] = Field(default_factory=list, max_length=100)
    duplicate_radius_m: DuplicateRadius | None = Field(default=None, description=RADIUS_HELP)
    mask_personal_data: bool = Field(default=True, description=MASK_HELP)
    public_location: PublicLocation = Field(default=PublicLocation.EXACT, description=LOCATION_HELP)
    open_data_descriptions: bool = Field(default=False, description=OPEN_DATA_HELP)
    anonymous_allowed: bool = Field(default=False, description=ANONYMOUS_HELP)

    def to_domain(self) -> Service:
        return Service(
            code=self.code,
            name=self.name,
            department_code=self.department,
            sla=self.sla.to_domain(),
            type_name=self.type_name,
            description=self.description,
            group=self.group,
            keywords=list(self.keywords),
            active=self.active,
            attributes=[a.to_domain() for a in self.attributes],
            duplicate_radius_m=self.duplicate_radius_m,
            mask_personal_data=self.mask_personal_data,
            public_location=self.public_location,
            open_data_descriptions=self.open_data_descriptions,
            anonymous_allowed=self.anonymous_allowed,
        )


class ServicePatch(Strict):
    name: Name | None = None
    department: Slug | None = None
    sla: SlaBody | None = None
    type_name: Annotated[str, StringConstraints(max_length=200)] | None = None
    description: Text | None = None
    group: Annotated[str, StringConstraints(max_length=200)] | None = None
    keywords: list[Annotated[str, StringConstraints(max_length=100)]] | None = Field(
        default=None, max_length=50
    )
    active: bool | None = None
    attributes: list[AttributeBody] | None = Field(default=None, max_length=100)
    duplicate_radius_m: DuplicateRadius | None = Field(default=None, description=RADIUS_HELP)
    mask_personal_data: bool | None = Field(default=None, description=MASK_HELP)
    public_location: PublicLocation | None = Field(default=None, description=LOCATION_HELP)
    open_data_descriptions: bool | None = Field(default=None, description=OPEN_DATA_HELP)
    anonymous_allowed: bool | None = Field(default=None, description=ANONYMOUS_HELP)


class SlaOut(BaseModel):
    target_hours: float
    calendar: SlaCalendar
    pauses_on_hold: bool


class ServiceOut(BaseModel):
    code: str
    type_name: str
    name: str
    description: str
    group: str
    keywords: list[str]
    department: str
    active: bool
    metadata: bool
    sla: SlaOut
    attributes: list[AttributeBody]
    duplicate_radius_m: float | None = Field(description=RADIUS_HELP)
    mask_personal_data: bool = Field(description=MASK_HELP)
    public_location: PublicLocation = Field(description=LOCATION_HELP)
    open_data_descriptions: bool = Field(description=OPEN_DATA_HELP)
    anonymous_allowed: bool = Field(description=ANONYMOUS_HELP)

    @classmethod
    def of(cls, s: Service) -> "ServiceOut":
        return cls(
            code=s.code,
            type_name=s.type_name,
            name=s.name,
            description=s.description,
            group=s.group,
            keywords=s.keywords,
            department=s.department_code,
            active=s.active,
            metadata=s.has_metadata,
            sla=SlaOut(**s.sla.__dict__),
            attributes=[AttributeBody.of(a) for a in sorted(s.attributes, key=lambda a: a.order)],
            duplicate_radius_m=s.duplicate_radius_m,
            mask_personal_data=s.mask_personal_data,
            public_location=s.public_location,
            open_data_descriptions=s.open_data_descriptions,
            anonymous_allowed=s.anonymous_allowed,
        )


class ServiceList(BaseModel):
    items: list[ServiceOut]


Password = Annotated[str, StringConstraints(min_length=8, max_length=256)]
EmailIn = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=254, pattern=r"^[^@\s]+@[^@\s]+$")
]


class UserCreate(Strict):
    email: EmailIn
    display_name: Name
    password: Password
    role: Role
    department: Slug | None = None
    tier: Tier | None = None


class UserPatch(Strict):
    display_name: Name | None = None
    role: Role | None = None
    department: Slug | None = None
    tier: Tier | None = None
    active: bool | None = None
    password: Password | None = None


class UserOut(BaseModel):
    id: UUID
    email: str
    display_name: str
    role: Role
    department: str | None
    tier: Tier | None
    active: bool
    created_at: datetime

    @classmethod
    def of(cls, u: User) -> "UserOut":
        return cls(
            id=u.id,
            email=u.email,
            display_name=u.display_name,
            role=u.role,
            department=u.department_code,
            tier=u.tier,
            active=u.active,
            created_at=u.created_at,
        )


class UserList(BaseModel):
    items: list[UserOut]


class Me(BaseModel):
    id: UUID
    email: str
    display_name: str
    role: Role
    department: str | None
    tier: Tier | None


class TokenOut(BaseModel):
    access_token: str
    token_type: str = "bearer"  # noqa: S105 - the OAuth2 token type, not a secret
    expires_in: int
