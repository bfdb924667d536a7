"""Bodies of the address search, reverse look-up and import endpoints."""

from pydantic import BaseModel, Field

from domain.addresses.csv_import import ImportResult
from domain.addresses.model import AddressCandidate


class AddressOut(BaseModel):
    address: str
    zip: str | None
    lat: float
    long: float
    score: float = Field(
        description="How well the address answers the question, from 0 to 1 (search: 1 is "
        "an exact match; reverse: 1 on the spot, falling to 0 at 100 m)"
    )

    @classmethod
    def of(cls, candidate: AddressCandidate) -> "AddressOut":
        return cls(
            address=candidate.address,
            zip=candidate.zip,
            lat=candidate.lat,
            long=candidate.long,
            score=candidate.score,
        )


class AddressList(BaseModel):
    items: list[AddressOut]


class RejectedRowOut(BaseModel):
    line: int
    reason: str


class AddressImportOut(BaseModel):
    imported: int = Field(description="Rows accepted (repeats of one address and zip update it)")
    skipped: int = Field(description="Rows refused")
    rejected: list[RejectedRowOut] = Field(description="The first 20 refused rows, and why")

    @classmethod
    def of(cls, result: ImportResult) -> "AddressImportOut":
        return cls(
            imported=result.imported,
            skipped=result.skipped,
            rejected=[RejectedRowOut(line=r.line, reason=r.reason) for r in result.rejected],
        )
