"""Typed dependencies: the container, the caller, and the If-Match version."""

from typing import Annotated

from fastapi import Depends, Header, Request
from fastapi.security import OAuth2PasswordBearer

from api.bootstrap import Container
from domain.directory.permissions import Principal
from domain.shared.errors import Unauthenticated, ValidationFailed

bearer = OAuth2PasswordBearer(tokenUrl="/api/v1/auth/token", auto_error=False)


def get_container(request: Request) -> Container:
    container: Container = request.app.state.container
    return container


ContainerDep = Annotated[Container, Depends(get_container)]


async def get_principal(
    container: ContainerDep, token: Annotated[str | None, Depends(bearer)]
) -> Principal:
    """A valid token of an active user whose tokens were not revoked since it was issued."""
    if not token:
        raise Unauthenticated("sign in: send an Authorization: Bearer token")
    claims = container.tokens.verify(token)
    user = await container.catalog.user(claims.user_id)
    if user is None or not user.active or user.token_version != claims.token_version:
        raise Unauthenticated("the access token is no longer valid")
    return Principal.of(user)


PrincipalDep = Annotated[Principal, Depends(get_principal)]


async def get_optional_principal(
    container: ContainerDep, token: Annotated[str | None, Depends(bearer)]
) -> Principal | None:
    """The caller when a token is sent (it must then be valid), else None: a resident."""
    return await get_principal(container, token) if token else None


OptionalPrincipalDep = Annotated[Principal | None, Depends(get_optional_principal)]
# openapi_extra of an operation that takes a token but does not need one (OpenAPI: `{}`).
OPTIONAL_TOKEN: dict[str, object] = {"security": [{}]}


def parse_etag(value: str) -> int:
    tag = value.strip()
    if tag.startswith("W/"):
        tag = tag[2:]
    tag = tag.strip('"')
    if not tag.startswith("v") or not tag[1:].isdigit():
        raise ValidationFailed.single("If-Match", "is not an ETag this API issued")
    return int(tag[1:])


def etag_of(version: int) -> str:
    return f'"v{version}"'


def get_if_match(
    if_match: Annotated[str | None, Header(description="The ETag of the version you read")] = None,
) -> int | None:
    return None if if_match is None else parse_etag(if_match)


IfMatchDep = Annotated[int | None, Depends(get_if_match)]
