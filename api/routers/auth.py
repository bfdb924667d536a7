from typing import Annotated

from fastapi import APIRouter, Form

from api.deps import ContainerDep, PrincipalDep
from api.problems import problem_responses
from api.schemas.directory import Me, TokenOut
from domain.directory.use_cases import authenticate

router = APIRouter(prefix="/api/v1", tags=["auth"])


@router.post(
    "/auth/token", response_model=TokenOut, responses=problem_responses(400, 401, 413, 422)
)
async def issue_token(
    container: ContainerDep,
    username: Annotated[str, Form(max_length=254)],
    password: Annotated[str, Form(max_length=256)],
) -> TokenOut:
    """OAuth2 password flow: trade an email and password for a bearer token."""
    user = await authenticate(container.context, username, password, hasher=container.hasher)
    token = container.tokens.issue(user, container.clock.now())
    return TokenOut(access_token=token, expires_in=int(container.tokens.lifetime.total_seconds()))


@router.get("/me", response_model=Me, responses=problem_responses(401, 403))
async def who_am_i(principal: PrincipalDep, container: ContainerDep) -> Me:
    """The caller's role, department and tier: the SPA builds its navigation from this."""
    principal.require_person()
    user = await container.catalog.user(principal.user_id)
    assert user is not None
    return Me(
        id=user.id,
        email=user.email,
        display_name=user.display_name,
        role=user.role,
        department=user.department_code,
        tier=user.tier,
    )
