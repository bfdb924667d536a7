"""Typed dependencies: the container, the caller, and the If-Match version."""

import re
from typing import Annotated

from fastapi import Depends, Header, Request
from fastapi.security import APIKeyHeader, OAuth2PasswordBearer

from adapters.acting import name_actor
from api.bootstrap import Container
from api.rate_limits import count_key_write
from domain.directory.api_keys import KeyRole
from domain.directory.permissions import Principal
from domain.directory.sign_in import sign_in_externally
from domain.directory.tokens import TokenClaims
from domain.directory.users import User
from domain.shared.errors import PreconditionFailed, Unauthenticated, ValidationFailed

bearer = OAuth2PasswordBearer(tokenUrl="/api/v1/auth/token", auto_error=False)
partner_key = APIKeyHeader(
    name="X-API-Key",
    auto_error=False,
    description="A partner system's key (`Authorization: ApiKey <secret>` works too)",
)


def get_container(request: Request) -> Container:
    container: Container = request.app.state.container
    return container


ContainerDep = Annotated[Container, Depends(get_container)]


def _api_key_secret(request: Request, header: str | None) -> str | None:
    scheme, _, secret = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "apikey" and secret.strip():
        return secret.strip()
    return header.strip() if header and header.strip() else None


async def _partner(request: Request, container: Container, secret: str) -> Principal:
    key = await container.api_keys.active_by_secret(secret)
    if key is None or key.role is not KeyRole.PARTNER:
        raise Unauthenticated("the API key is not valid for this API")
    name_actor(key.name)
    await count_key_write(request, container, key.id)
    await container.api_keys.touch(key.id, container.clock.now())
    return Principal.of_partner(key)


async def get_principal(
    request: Request,
    container: ContainerDep,
    token: Annotated[str | None, Depends(bearer)],
    api_key: Annotated[str | None, Depends(partner_key)],
) -> Principal:
    """A valid token of an active user whose tokens were not revoked since it was issued, a
    valid token of the city's single sign-on (its groups give the role), or the key of a
    department's partner system."""
    secret = _api_key_secret(request, api_key)
    if secret is not None and not token:
        return await _partner(request, container, secret)
    if not token:
        raise Unauthenticated("sign in: send an Authorization: Bearer token")
    provider = container.identity_provider
    if provider is not None and provider.issued(token):
        identity = await provider.verify(token)
        name_actor(identity.email)  # the provider vouches for it; first sight makes the account
        return Principal.of(
            await sign_in_externally(container.context, identity, container.group_roles)
        )
    claims = container.tokens.verify(token)
    user = await container.accounts.current(claims.user_id)
    if not _accepts(user, claims):  # a refusal is never from a copy: read the account again
        user = await container.accounts.fresh(claims.user_id)
        if not _accepts(user, claims):
            raise Unauthenticated("the access token is no longer valid")
    assert user is not None
    name_actor(user.email)
    return Principal.of(user)


def _accepts(user: User | None, claims: TokenClaims) -> bool:
    return user is not None and user.active and user.token_version == claims.token_version


PrincipalDep = Annotated[Principal, Depends(get_principal)]


async def get_person(principal: PrincipalDep) -> Principal:
    """A signed-in person's token: a partner system's key gets 403, before the parameters are
    read, on the call center's records (cases), which hold residents' calls and notes."""
    principal.require_person()
    return principal


PersonDep = Annotated[Principal, Depends(get_person)]


async def get_optional_principal(
    request: Request,
    container: ContainerDep,
    token: Annotated[str | None, Depends(bearer)],
    api_key: Annotated[str | None, Depends(partner_key)],
) -> Principal | None:
    """The caller when a token or key is sent (it must then be valid), else None: a resident."""
    if token or _api_key_secret(request, api_key):
        return await get_principal(request, container, token, api_key)
    return None


OptionalPrincipalDep = Annotated[Principal | None, Depends(get_optional_principal)]
# openapi_extra of an operation that takes a token but does not need one (OpenAPI: `{}`).
OPTIONAL_TOKEN: dict[str, object] = {"security": [{}]}


# RFC 9110 section 8.8.3: entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE
ENTITY_TAG = re.compile(r'(W/)?"([\x21\x23-\x7e\x80-\xff]*)"')
ISSUED_TAG = re.compile(r"v([0-9]{1,18})")
# For the OpenAPI document: what a client may send (a tag this API issued, or any other tag).
ENTITY_TAG_PATTERN = r'^(W/)?"[\x21\x23-\x7e]*"$'


def parse_etag(value: str) -> int:
    """The version an If-Match names. A well-formed tag this API never issued names no
    version, so the precondition fails (412, RFC 9110 section 13.1.1); a value that is no
    entity tag at all is bad input (422)."""
    tag = ENTITY_TAG.fullmatch(value.strip())
    if tag is None:
        raise ValidationFailed.single("If-Match", "is not an ETag this API issued")
    version = ISSUED_TAG.fullmatch(tag.group(2))
    if version is None:
        raise PreconditionFailed("If-Match names no version of this resource; read it again")
    return int(version.group(1))


def etag_of(version: int) -> str:
    return f'"v{version}"'


def get_if_match(
    if_match: Annotated[
        str | None,
        Header(
            description="The ETag of the version you read",
            json_schema_extra={"pattern": ENTITY_TAG_PATTERN},
        ),
    ] = None,
) -> int | None:
    return None if if_match is None else parse_etag(if_match)


IfMatchDep = Annotated[int | None, Depends(get_if_match)]
