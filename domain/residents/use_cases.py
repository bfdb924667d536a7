"""Residents: staff create and edit them; reporters of requests become residents."""

from dataclasses import dataclass, replace
from datetime import datetime
from uuid import UUID, uuid4

from domain.directory.permissions import CALL_CENTER, Principal
from domain.residents.model import (
    ContactPreference,
    Reporter,
    Resident,
    normalise_email,
    phone_digits,
)
from domain.residents.ports import ResidentsUnitOfWork
from domain.shared.context import Context
from domain.shared.errors import Forbidden, NotFound


def require_resident_access(principal: Principal) -> None:
    """Residents' personal data is for the call center (and admins)."""
    if principal.role not in CALL_CENTER:
        raise Forbidden("only call-center staff work with residents' records")


@dataclass(frozen=True)
class ResidentDetails:
    first_name: str | None = None
    last_name: str | None = None
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    address: str | None = None
    preferred_language: str | None = None
    contact_preference: ContactPreference | None = None  # None: unchanged, email when new

    def build(self, resident_id: UUID, now: datetime) -> Resident:
        return Resident(
            id=resident_id,
            created_at=now,
            updated_at=now,
            first_name=self.first_name,
            last_name=self.last_name,
            phones=list(self.phones),
            emails=list(self.emails),
            address=self.address,
            preferred_language=self.preferred_language,
            contact_preference=self.contact_preference or ContactPreference.EMAIL,
        )


async def find_or_create(
    uow: ResidentsUnitOfWork, details: ResidentDetails, now: datetime
) -> Resident:
    """The resident with the same email or phone, told what is new; otherwise a new one.

    A contact preference the caller states now replaces the stored one.
    """
    candidate = details.build(uuid4(), now)
    existing = await uow.residents.find_by_contact(candidate.emails, candidate.phone_keys)
    if existing is None:
        await uow.residents.add(candidate)
        return candidate
    before = replace(existing)
    existing.absorb(candidate)
    if details.contact_preference is not None:
        existing = replace(existing, contact_preference=details.contact_preference)  # validates
    if existing != before:  # a repeat caller telling nothing new costs no write
        existing.updated_at = now
        await uow.residents.save(existing)
    return existing


async def link_reporter(uow: ResidentsUnitOfWork, reporter: Reporter, now: datetime) -> UUID | None:
    """A request's reporter becomes a resident, or is matched by email or phone."""
    if reporter.is_anonymous:
        return None
    details = ResidentDetails(
        first_name=reporter.first_name,
        last_name=reporter.last_name,
        phones=(reporter.phone,) if reporter.phone else (),
        emails=(normalise_email(reporter.email),) if reporter.email else (),
        preferred_language=reporter.language,
    )
    return (await find_or_create(uow, details, now)).id


async def create_resident(
    context: Context[ResidentsUnitOfWork],
    details: ResidentDetails,
    by: Principal,
) -> Resident:
    require_resident_access(by)
    async with context.uow() as work:
        resident = details.build(uuid4(), context.clock.now())
        await work.residents.add(resident)
        await work.commit()
    return resident


async def update_resident(
    context: Context[ResidentsUnitOfWork],
    resident_id: UUID,
    details: ResidentDetails,
    by: Principal,
) -> Resident:
    """Replaces the contact details given; preferences too. A contact preference left out
    stays as it was, so an edit that does not mention it never undoes an opt-out."""
    require_resident_access(by)
    async with context.uow() as work:
        resident = await work.residents.get(resident_id)
        if resident is None:
            raise NotFound(f"resident {resident_id} was not found")
        if details.contact_preference is None:
            details = replace(details, contact_preference=resident.contact_preference)
        updated = details.build(resident.id, context.clock.now())
        updated.created_at = resident.created_at
        await work.residents.save(updated)
        await work.commit()
    return updated


def search_keys(text: str) -> tuple[str | None, str | None]:
    """(email, phone digits) when the text looks like one, for exact look-ups."""
    if "@" in text:
        return normalise_email(text), None
    digits = phone_digits(text)
    return None, digits if len(digits) >= 7 and len(digits) >= len(text.strip()) // 2 else None
