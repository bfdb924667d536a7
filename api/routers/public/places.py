"""Where a resident is: typed addresses as suggestions, and whether we serve a point."""

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import ContainerDep
from api.language import LanguageDep
from api.localized import localized_resolutions
from api.problems import problem_responses
from api.routers.public.paths import MAX_QUERY, PREFIX
from api.schemas.public import AddressSuggestion, LocateOut, ReferralOut
from domain.jurisdictions.model import Resolution, ResponsibleKind
from domain.jurisdictions.referral_note import referral_note
from domain.shared.errors import ValidationFailed

router = APIRouter(prefix=PREFIX, tags=["public"])

Latitude = Annotated[float, Query(ge=-90, le=90, allow_inf_nan=False)]
Longitude = Annotated[float, Query(ge=-180, le=180, allow_inf_nan=False)]
NEAREST_ADDRESS_M = 100.0


@router.get("/addresses", response_model=list[AddressSuggestion], responses=problem_responses(422))
async def suggest_addresses(
    container: ContainerDep,
    q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY, description="A typed address")],
    limit: Annotated[int, Query(ge=1, le=10)] = 5,
) -> list[AddressSuggestion]:
    """Known addresses matching what is typed so far, best first (typos, abbreviations and a
    missing suffix or ZIP code tolerated): a complete way to give a location, no map needed."""
    if not q.strip():
        raise ValidationFailed.single("q", "must not be blank")
    return [AddressSuggestion.of(c) for c in await container.geocoder.search(q, limit)]


def _referral(resolution: Resolution, language: str) -> ReferralOut | None:
    responsible = resolution.responsible
    if responsible.kind is ResponsibleKind.DEPARTMENT:
        return None
    contact = responsible.referral
    name = contact.name if contact else None
    return ReferralOut(
        name=name,
        phone=contact.phone if contact else None,
        url=contact.url if contact else None,
        email=contact.email if contact else None,
        note=referral_note(name, language),
    )


@router.get("/locate", response_model=LocateOut, responses=problem_responses(404, 422))
async def locate_point(
    container: ContainerDep,
    language: LanguageDep,
    lat: Latitude,
    lon: Longitude,
    service_code: Annotated[str | None, Query(min_length=1, max_length=64)] = None,
) -> LocateOut:
    """Whether we take requests at the point (for a service, when given: some are routed
    elsewhere), the nearest known address, and outside the served area whom to contact."""
    facts = await container.catalog.service_facts(service_code) if service_code else None
    if service_code and facts is None:
        raise ValidationFailed.single("service_code", "is not an active service")
    resolution = await container.jurisdictions.resolve(lat, lon, facts)
    [localized] = await localized_resolutions(container, [resolution], language)
    nearest = await container.geocoder.reverse(lat, lon, NEAREST_ADDRESS_M)
    return LocateOut(
        served=localized.responsible.kind is ResponsibleKind.DEPARTMENT,
        address=AddressSuggestion.of(nearest).label if nearest else None,
        referral=_referral(localized, language),
    )
