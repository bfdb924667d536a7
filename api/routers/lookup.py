from datetime import timedelta

from fastapi import APIRouter, Request

from api.deps import ContainerDep
from api.problems import problem_responses
from api.public_guards import client_address, trusted_networks
from api.rate_limits import record, refusal
from api.schemas.contacts import LookupIn, LookupOut, RequestBrief
from domain.residents.model import normalise_email, phone_digits

router = APIRouter(prefix="/api/v1/requests", tags=["lookup"])

MAX_ITEMS = 50


@router.post("/lookup", response_model=LookupOut, responses=problem_responses(400, 413, 422, 429))
async def look_up_requests(
    body: LookupIn,
    request: Request,
    container: ContainerDep,
) -> LookupOut:
    """Public, no token: a resident who lost the reference finds their requests by the email
    or phone they gave and their last name. A wrong name and an unknown email get the same
    answer, and the look-up is rate-limited per client address and per email or phone."""
    settings, now, limiter = container.settings, container.clock.now(), container.rate_limiter
    client = client_address(request, trusted_networks(settings.trusted_proxies))
    contact = normalise_email(body.email) if body.email else phone_digits(body.phone or "")
    window = timedelta(minutes=settings.lookup_window_minutes)
    by_client = await limiter.hit(
        f"lookup:client:{client}", settings.lookup_per_client, window, now
    )
    by_contact = await limiter.hit(
        f"lookup:contact:{contact}", settings.lookup_per_contact, window, now
    )
    record(request, "lookup-client", by_client)
    record(request, "lookup-contact", by_contact)
    if not (by_client.allowed and by_contact.allowed):
        raise refusal("too many look-ups; try again in a few minutes", by_client, by_contact)
    found = await container.contacts.requests_of(body.email, body.phone, body.last_name, MAX_ITEMS)
    return LookupOut(items=[RequestBrief.of(r) for r in found])
