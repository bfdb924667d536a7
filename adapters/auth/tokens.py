"""JWT access tokens (python-jose). HS256 only; exp, iat, iss and aud are checked.

Keys rotate by `kid`: the first key signs, every key verifies. To rotate, put the new key
first and keep the old one until the longest token signed with it has expired.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from jose import JWTError, jwt

from domain.directory.tokens import TokenClaims
from domain.directory.users import User
from domain.shared.errors import Unauthenticated

ALGORITHM = "HS256"
INVALID = "the access token is invalid or expired"


@dataclass(frozen=True)
class SigningKey:
    kid: str
    secret: str


class JwtTokens:
    def __init__(
        self, keys: Sequence[SigningKey], issuer: str, audience: str, lifetime: timedelta
    ) -> None:
        if not keys:
            raise ValueError("at least one signing key")
        self._signing = keys[0]
        self._secrets = {key.kid: key.secret for key in keys}
        self._issuer = issuer
        self._audience = audience
        self.lifetime = lifetime

    def issue(self, user: User, now: datetime) -> str:
        claims = {
            "sub": str(user.id),
            "ver": user.token_version,
            "role": user.role.value,
            "iss": self._issuer,
            "aud": self._audience,
            "iat": int(now.timestamp()),
            "exp": int((now + self.lifetime).timestamp()),
        }
        key = self._signing
        return str(jwt.encode(claims, key.secret, algorithm=ALGORITHM, headers={"kid": key.kid}))

    def verify(self, token: str) -> TokenClaims:
        try:
            claims = jwt.decode(
                token,
                self._secret_of(jwt.get_unverified_header(token)),
                algorithms=[ALGORITHM],
                audience=self._audience,
                issuer=self._issuer,
                options={
                    "require_exp": True,
                    "require_iat": True,
                    "require_sub": True,
                    "require_iss": True,
                    "require_aud": True,
                },
            )
            return TokenClaims(UUID(claims["sub"]), int(claims.get("ver", 0)))
        except (JWTError, ValueError, KeyError, TypeError):
            raise Unauthenticated(INVALID) from None

    def _secret_of(self, header: Mapping[str, Any]) -> str:
        """A token without a kid predates key ids: only the signing key may have made it."""
        kid = header.get("kid")
        if kid is None:
            return self._signing.secret
        secret = self._secrets.get(kid) if isinstance(kid, str) else None
        if secret is None:
            raise Unauthenticated(INVALID)
        return secret
