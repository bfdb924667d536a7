"""The survey link's token names the request; signed with its own key, good for `lifetime`."""

from datetime import datetime, timedelta

from domain.guards.signing import BadToken, ExpiredToken, TokenSigner
from domain.surveys.errors import SurveyLinkExpired, SurveyLinkInvalid


class SurveyTokens:
    def __init__(self, secret: str, lifetime: timedelta) -> None:
        self._signer = TokenSigner(secret, "survey", lifetime)

    def issue(self, request_id: str, now: datetime) -> str:
        return self._signer.issue(request_id, now)

    def request_of(self, token: str, now: datetime) -> tuple[str, datetime]:
        """The request the token names and when it expires; refused when forged or too old."""
        try:
            return self._signer.read(token, now)
        except ExpiredToken:
            raise SurveyLinkExpired() from None
        except BadToken:
            raise SurveyLinkInvalid() from None
