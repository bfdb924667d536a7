"""JWT access tokens (python-jose). The algorithm is fixed; exp, iat, iss and aud are checked."""

from datetime import datetime, timedelta
from uuid import UUID

from jose import JWTError, jwt

from domain.directory.tokens import TokenClaims
from domain.directory.users import User
from domain.shared.errors import Unauthenticated

ALGORITHM = "HS256"


class JwtTokens:
    def __init__(self, secret: str, issuer: str, audience: str, lifetime: timedelta) -> None:
        self._secret = secret
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
        return str(jwt.encode(claims, self._secret, algorithm=ALGORITHM))

    def verify(self, token: str) -> TokenClaims:
        try:
            claims = jwt.decode(
                token,
                self._secret,
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
            raise Unauthenticated("the access token is invalid or expired") from None
