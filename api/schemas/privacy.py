"""Bodies of the personal-data check and of a resident's erasure."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from domain.privacy.anonymization import Erased
from domain.privacy.personal_data import Finding, Kind

Name = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]


class PersonalDataCheckIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: Annotated[str, StringConstraints(max_length=8000)]
    names: list[Name] = Field(
        default_factory=list,
        max_length=10,
        description="Names the text must not hold, such as the caller's first and last name",
    )


class FindingOut(BaseModel):
    kind: Kind
    start: int = Field(description="Offset of the first character, in code points")
    end: int = Field(description="Offset just past the last character")
    text: str

    @classmethod
    def of(cls, finding: Finding) -> "FindingOut":
        return cls(kind=finding.kind, start=finding.start, end=finding.end, text=finding.text)


class PersonalDataCheckOut(BaseModel):
    findings: list[FindingOut]


class ErasureOut(BaseModel):
    """What a resident's erasure changed, by kind of record: counts only."""

    requests: int = Field(description="Requests whose reporter details and text were scrubbed")
    cases: int = Field(description="Contacts whose summary was scrubbed and notes blanked")
    messages: int = Field(description="Emails and texts blanked (address, subject, body)")
    timeline_entries: int = Field(description="Timeline comments and notes scrubbed")
    followers: int = Field(description="Follows of requests by the resident's emails removed")
    survey_comments: int = Field(description="Survey comments removed (the scores stay)")

    @classmethod
    def of(cls, erased: Erased) -> "ErasureOut":
        return cls(**vars(erased))
