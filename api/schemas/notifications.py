"""The body of the public unsubscribe endpoint."""

from typing import Annotated

from pydantic import Field

from api.schemas.requests import Strict
from domain.notifications.opt_out import MAX_TOKEN_LENGTH

Token = Annotated[
    str,
    Field(
        min_length=1,
        max_length=MAX_TOKEN_LENGTH,
        description="The opt-out token of the link in a resident email (`?token=`).",
    ),
]


class UnsubscribeIn(Strict):
    token: Token
