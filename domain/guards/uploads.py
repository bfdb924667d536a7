"""The upload token a new public request hands back: whoever holds it may add a few photos to
that request for an hour (the resident's browser, right after submitting), and nobody else."""

from datetime import datetime, timedelta

from domain.guards.errors import Refused
from domain.guards.signing import BadToken, TokenSigner

UPLOAD_WITHIN = timedelta(hours=1)


class UploadTokens:
    def __init__(self, secret: str) -> None:
        self._signer = TokenSigner(secret, "public upload", UPLOAD_WITHIN)

    def issue(self, request_id: str, now: datetime) -> str:
        return self._signer.issue(request_id, now)

    def check(self, token: str | None, request_id: str, now: datetime) -> None:
        try:
            named, _ = self._signer.read(token or "", now)
        except BadToken:
            named = None
        if named != request_id:
            message = "the upload token is not valid for this request"
            raise Refused("upload_token", "upload_token_invalid", message)
