"""Bodies of the residents' portal reads (/api/v1/public): public fields only, nothing of any
resident's. Places come generalized and text masked by the read models (domain.privacy)."""

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from domain.addresses.model import AddressCandidate
from domain.directory.catalog import AttributeDefinition, Service
from domain.knowledge.model import Article
from domain.knowledge.queries import ArticleSummary
from domain.requests.public_reads import PublicNote, PublicRequest

SNIPPET_HELP = "HTML-safe text; the words searched for are wrapped in <mark></mark>"
PLACE_HELP = "As the service's `public_location` says: exact, the block's middle, or the area's"


class ArticleHit(BaseModel):
    id: int
    title: str
    snippet: str = Field(description=SNIPPET_HELP)

    @classmethod
    def of(cls, s: ArticleSummary) -> "ArticleHit":
        return cls(id=s.id, title=s.title, snippet=s.snippet)


class ServiceHit(BaseModel):
    code: str
    name: str
    description: str
    group: str

    @classmethod
    def of(cls, s: Service) -> "ServiceHit":
        return cls(code=s.code, name=s.name, description=s.description, group=s.group)


class SearchOut(BaseModel):
    articles: list[ArticleHit]
    services: list[ServiceHit]


class PublicArticleOut(BaseModel):
    id: int
    title: str
    summary: str
    body: str = Field(description="Markdown")
    language: str
    updated_at: datetime
    service_codes: list[str]

    @classmethod
    def of(cls, a: Article) -> "PublicArticleOut":
        return cls(
            id=a.id,
            title=a.content.title,
            summary=a.content.summary,
            body=a.content.body,
            language=a.labels.language,
            updated_at=a.updated_at,
            service_codes=list(a.labels.services),
        )


class FeedbackIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    helpful: bool


class OptionOut(BaseModel):
    key: str
    name: str


class PublicAttributeOut(BaseModel):
    code: str
    datatype: str = Field(description="Open311: string, number, datetime, text, "
                          "singlevaluelist or multivaluelist")  # fmt: skip
    variable: bool = Field(description="False: a note to show, not a question to answer")
    required: bool
    description: str
    order: int
    datatype_description: str
    values: list[OptionOut]

    @classmethod
    def of(cls, a: AttributeDefinition) -> "PublicAttributeOut":
        return cls(
            code=a.code,
            datatype=a.datatype.value,
            variable=a.variable,
            required=a.required,
            description=a.description,
            order=a.order,
            datatype_description=a.datatype_description,
            values=[OptionOut(key=o.key, name=o.name) for o in a.values],
        )


class PublicServiceOut(BaseModel):
    code: str
    name: str
    description: str
    group: str
    popular_rank: int | None = Field(
        description="1 for the service most requested in the last 90 days; null if unused"
    )
    anonymous_allowed: bool = Field(description="May be reported without contact details")
    attributes: list[PublicAttributeOut]

    @classmethod
    def of(cls, s: Service, rank: int | None) -> "PublicServiceOut":
        ordered = sorted(s.attributes, key=lambda a: (a.order, a.code))
        return cls(
            code=s.code,
            name=s.name,
            description=s.description,
            group=s.group,
            popular_rank=rank,
            anonymous_allowed=anonymous_allowed(s),
            attributes=[PublicAttributeOut.of(a) for a in ordered],
        )


def anonymous_allowed(service: Service) -> bool:
    """The service's `anonymous_allowed` (added by the public write path, branch
    f-portal-write); read loosely until both branches meet, False where it is not yet known."""
    return bool(getattr(service, "anonymous_allowed", False))


class PublicRequestOut(BaseModel):
    number: str
    service_code: str
    service_name: str
    status: str
    requested_at: datetime
    updated_at: datetime
    lat: float | None = Field(description=PLACE_HELP)
    lon: float | None = Field(description=PLACE_HELP)
    address: str | None = Field(description=PLACE_HELP)
    description: str | None = Field(
        description="Masked; null unless the service lets descriptions go public"
    )

    @classmethod
    def fields_of(cls, r: PublicRequest) -> dict[str, object]:
        return {
            "number": r.number,
            "service_code": r.service_code,
            "service_name": r.service_name,
            "status": r.status,
            "requested_at": r.requested_at,
            "updated_at": r.updated_at,
            "lat": r.place.lat,
            "lon": r.place.long,
            "address": r.place.address,
            "description": r.description,
        }

    @classmethod
    def of(cls, r: PublicRequest) -> "PublicRequestOut":
        return cls.model_validate(cls.fields_of(r))


class PublicNoteOut(BaseModel):
    at: datetime
    status: str | None = Field(description="The status it changed to; null for a comment")
    text: str | None = Field(description="The public note or comment, masked")

    @classmethod
    def of(cls, n: PublicNote) -> "PublicNoteOut":
        return cls(at=n.at, status=n.status, text=n.text)


class PublicRequestDetailOut(PublicRequestOut):
    expected_at: datetime | None
    notes: list[PublicNoteOut] = Field(description="Public updates, oldest first")

    @classmethod
    def of(cls, r: PublicRequest) -> "PublicRequestDetailOut":
        notes = [PublicNoteOut.of(n) for n in r.notes]
        return cls.model_validate(
            {**cls.fields_of(r), "expected_at": r.expected_at, "notes": notes}
        )


class AddressSuggestion(BaseModel):
    label: str
    lat: float
    lon: float

    @classmethod
    def of(cls, c: AddressCandidate) -> "AddressSuggestion":
        label = f"{c.address}, {c.zip}" if c.zip else c.address
        return cls(label=label, lat=c.lat, lon=c.long)


class ReferralOut(BaseModel):
    name: str | None
    phone: str | None
    url: str | None
    email: str | None
    note: str = Field(description="What to do, in the visitor's language")


class LocateOut(BaseModel):
    served: bool = Field(description="We take requests at this point")
    address: str | None = Field(description="The known address nearest the point (100 m)")
    referral: ReferralOut | None = Field(description="Outside the served area: whom to contact")
