"""Bodies of the personal-data check."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

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
