"""The personal-data check agents' screens run on text before it goes public."""

from fastapi import APIRouter

from api.deps import PrincipalDep
from api.problems import problem_responses
from api.schemas.privacy import FindingOut, PersonalDataCheckIn, PersonalDataCheckOut
from domain.privacy.personal_data import find_personal_data

router = APIRouter(prefix="/api/v1/personal-data", tags=["privacy"])


@router.post(
    "/check",
    response_model=PersonalDataCheckOut,
    responses=problem_responses(400, 401, 403, 413, 422),
)
async def check_personal_data(
    body: PersonalDataCheckIn, principal: PrincipalDep
) -> PersonalDataCheckOut:
    """Emails, phone numbers and any of `names` in a text that will be public (a request's
    description, a public comment, a status note), so the agent can take them out before
    saving. Public outputs mask the same findings when the service says so. Staff only."""
    principal.require_person()
    findings = find_personal_data(body.text, body.names)
    return PersonalDataCheckOut(findings=[FindingOut.of(f) for f in findings])
