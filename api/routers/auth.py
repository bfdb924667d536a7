from typing import Annotated

from fastapi import APIRouter, Form, Request

from api.deps import ContainerDep, PrincipalDep
from api.problems import problem_responses
from api.public_guards import client_address, trusted_networks
from api.schemas.directory import Me, TokenOut
from domain.directory.sign_in import sign_in

router = APIRouter(prefix="/api/v1", tags=["auth"])


@router.post(
    "/auth/token", response_model=TokenOut, responses=problem_responses(400, 401, 413, 422, 429)
)
async def issue_token(
    request: Request,
    container: ContainerDep,
    username: Annotated[str, Form(max_length=254)],
    password: Annotated[str, Form(max_length=256)],
) -> TokenOut:
    """OAuth2 password flow: trade an email and password for a bearer token.

    Failed attempts count per email and per client address; past the limit of either, the
    next attempts get 429 with Retry-After until the window ends, even with the right
    password. A sign-in forgets its email's failures."""
    address = client_address(request, trusted_networks(container.settings.trusted_proxies))
    user = await sign_in(
        container.context,
        username,
        password,
        address,
        hasher=container.hasher,
        throttle=container.sign_in_throttle,
    )
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
