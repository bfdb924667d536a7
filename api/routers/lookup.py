from datetime import timedelta

from fastapi import APIRouter, Request

from api.deps import ContainerDep
from api.problems import problem_responses
from api.schemas.contacts import LookupIn, LookupOut, RequestBrief
from domain.residents.model import normalise_email, phone_digits
from domain.shared.errors import RateLimited

router = APIRouter(prefix="/api/v1/requests", tags=["lookup"])

WINDOW = timedelta(minutes=15)
PER_CLIENT = 30
PER_CONTACT = 10
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
    client = request.client.host if request.client else "unknown"
    contact = normalise_email(body.email) if body.email else phone_digits(body.phone or "")
    now = container.clock.now()
    limiter = container.rate_limiter
    allowed_client = await limiter.allow(f"lookup:client:{client}", PER_CLIENT, WINDOW, now)
    allowed_contact = await limiter.allow(f"lookup:contact:{contact}", PER_CONTACT, WINDOW, now)
    if not (allowed_client and allowed_contact):
        raise RateLimited("too many look-ups; try again in a few minutes", WINDOW)
    found = await container.contacts.requests_of(body.email, body.phone, body.last_name, MAX_ITEMS)
    return LookupOut(items=[RequestBrief.of(r) for r in found])
