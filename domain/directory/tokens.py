"""Access tokens: what one says about its bearer, and the port that issues and checks them."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol
from uuid import UUID

from domain.directory.users import User


@dataclass(frozen=True)
class TokenClaims:
    user_id: UUID
    token_version: int  # a token older than the user's version (a reset, a lock) is refused


class AccessTokens(Protocol):
    @property
    def lifetime(self) -> timedelta: ...

    def issue(self, user: User, now: datetime) -> str: ...

    def verify(self, token: str) -> TokenClaims:
        """The claims of a valid, unexpired token; raises Unauthenticated otherwise."""
        ...
