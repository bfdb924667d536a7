"""Bodies of the residents' public write path (/api/v1/public): report, photos, follow."""

from datetime import datetime
from typing import Annotated

from pydantic import AwareDatetime, BaseModel, Field, StringConstraints

from api.schemas.requests import AttributeInput, Email, Language, Phone, ShortText, Strict
from domain.guards.errors import Refused
from domain.guards.proof import Proof
from domain.guards.use_cases import FormSubmission
from domain.requests.model import Location
from domain.requests.submission import SubmitServiceRequest
from domain.residents.model import Reporter

Honeypot = Annotated[
    str,
    Field(
        default="",
        max_length=500,
        description="Hidden from people and screen readers: must stay empty (only bots fill it)",
    ),
]
StartedAt = Annotated[
    AwareDatetime,
    Field(description="When the form was opened (ISO 8601 with offset): sent too soon is refused"),
]


class ChallengeOut(BaseModel):
    token: str
    difficulty: int = Field(
        description="Find `nonce` such that sha256(token + ':' + nonce) starts with this many "
        "zero bits; good for 30 minutes, once"
    )


class ProofIn(Strict):
    token: Annotated[str, StringConstraints(min_length=1, max_length=512)]
    nonce: Annotated[str, StringConstraints(min_length=1, max_length=64)]

    def to_domain(self) -> Proof:
        return Proof(self.token, self.nonce)


class ContactIn(Strict):
    first_name: ShortText | None = None
    last_name: ShortText | None = None
    email: Email | None = None
    phone: Phone | None = None


class GuardedForm(Strict):
    """What every public form sends for the bot check."""

    proof: ProofIn | None = None
    website: Honeypot = ""
    started_at: StartedAt

    def form_submission(self) -> FormSubmission:
        proof = self.proof.to_domain() if self.proof else None
        return FormSubmission(proof, self.website, self.started_at)


class PublicRequestIn(GuardedForm):
    service_code: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    attributes: dict[Annotated[str, StringConstraints(max_length=64)], AttributeInput] = Field(
        default_factory=dict, max_length=100
    )
    description: Annotated[str, StringConstraints(max_length=4000)] = Field(
        default="", description="Public, masked: residents read it on the status page"
    )
    lat: float | None = Field(default=None, ge=-90, le=90, allow_inf_nan=False)
    lon: float | None = Field(default=None, ge=-180, le=180, allow_inf_nan=False)
    address: Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)] | None = (
        Field(default=None, description="A typed address: enough on its own (no map needed)")
    )
    contact: ContactIn | None = Field(
        default=None, description="Null only where the service allows anonymous reports"
    )
    language: Language | None = Field(
        default=None, description="Messages and errors follow it (else Accept-Language)"
    )
    consent: bool = Field(description="The resident accepted the privacy text: must be true")

    def to_command(self, language: str) -> SubmitServiceRequest:
        """The command, messages in `language`; Refused (by field) when the form is incomplete."""
        if not self.consent:
            raise Refused("consent", "consent_required", "accept the privacy terms to send")
        if (self.lat is None) != (self.lon is None):
            missing = "lon" if self.lon is None else "lat"
            raise Refused(missing, "point_incomplete", "lat and lon go together")
        if self.lat is None and not self.address:
            raise Refused("address", "location_required", "give an address or a point")
        return SubmitServiceRequest(
            service_code=self.service_code,
            description=self.description,
            location=Location(self.lat, self.lon, self.address or None),
            attributes=dict(self.attributes),
            reporter=self._reporter(language),
        )

    def _reporter(self, language: str) -> Reporter:
        contact = self.contact or ContactIn()
        return Reporter(
            first_name=contact.first_name or None,
            last_name=contact.last_name or None,
            email=contact.email or None,
            phone=contact.phone or None,
            language=language,
        )


class PublicRequestCreated(BaseModel):
    number: str
    expected_at: datetime | None = Field(description="When the city expects to be done")
    follow_url: str = Field(description="The request's public status page")
    upload_token: str = Field(
        description="For `X-Upload-Token` when adding photos to this request, for an hour"
    )


class FollowIn(GuardedForm):
    email: Email
    language: Language | None = None


class FollowAccepted(BaseModel):
    number: str
    confirmed: bool = Field(
        default=False, description="Always false: nothing is sent until the emailed link is used"
    )


class ConfirmIn(Strict):
    token: Annotated[str, StringConstraints(min_length=1, max_length=512)]


class ConfirmedOut(BaseModel):
    number: str
