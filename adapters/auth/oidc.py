"""Tokens of an external OpenID Connect provider (the city's single sign-on)."""

from dataclasses import dataclass
from typing import Any

from jose import JWTError, jwt

from adapters.auth.jwks import JwksKeys, JwksUnavailable
from domain.directory.single_sign_on import ExternalIdentity
from domain.shared.errors import Unauthenticated

INVALID = "the access token is invalid or expired"


@dataclass(frozen=True)
class OidcClaims:
    issuer: str
    audience: str
    role_claim: str  # a dotted path: "groups", "realm_access.roles"
    email_claim: str
    leeway_seconds: int


class OidcProvider:
    def __init__(self, claims: OidcClaims, keys: JwksKeys) -> None:
        self._claims = claims
        self._keys = keys

    def issued(self, token: str) -> bool:
        try:
            return bool(jwt.get_unverified_claims(token).get("iss") == self._claims.issuer)
        except (JWTError, AttributeError):
            return False

    async def verify(self, token: str) -> ExternalIdentity:
        try:
            claims = await self._verified_claims(token)
            return self._identity(claims)
        except (JWTError, JwksUnavailable, ValueError, KeyError, TypeError):
            raise Unauthenticated(INVALID) from None

    async def _verified_claims(self, token: str) -> dict[str, Any]:
        header = jwt.get_unverified_header(token)
        kid = header.get("kid")
        key = await self._keys.key(kid) if isinstance(kid, str) else None
        if key is None or header.get("alg") != key.algorithm:
            raise Unauthenticated(INVALID)
        expected = self._claims
        claims: dict[str, Any] = jwt.decode(
            token,
            key.key,
            algorithms=[key.algorithm],
            audience=expected.audience,
            issuer=expected.issuer,
            options={
                "require_exp": True,
                "require_sub": True,
                "require_iss": True,
                "require_aud": True,
                "leeway": expected.leeway_seconds,
                "verify_at_hash": False,
            },
        )
        return claims

    def _identity(self, claims: dict[str, Any]) -> ExternalIdentity:
        email = claims.get(self._claims.email_claim)
        if not isinstance(email, str) or "@" not in email:
            raise Unauthenticated("the single sign-on token names no email address")
        if claims.get("email_verified") is False:
            raise Unauthenticated("the single sign-on email address is not verified")
        name = claims.get("name")
        return ExternalIdentity(
            subject=str(claims["sub"]),
            email=email,
            display_name=name if isinstance(name, str) else email,
            groups=_groups(_at_path(claims, self._claims.role_claim)),
        )


def _at_path(claims: dict[str, Any], path: str) -> object:
    value: object = claims
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _groups(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(group for group in value if isinstance(group, str))
    return ()
