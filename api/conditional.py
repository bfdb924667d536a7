"""Conditional GET for lists: an ETag from the answer's content, and 304 when it is unchanged.

A list has no version of its own, so its ETag is a digest of what it would send: a poller that
sends the last ETag back in If-None-Match gets an empty 304 until something in its view changes.
"""

import hashlib
from typing import Annotated, TypeVar

from fastapi import Depends, Header, Response
from pydantic import BaseModel

Payload = TypeVar("Payload", bound=BaseModel)
KEPT_ON_304 = {"vary", "content-language"}
NOT_MODIFIED: dict[int | str, dict[str, object]] = {304: {"description": "Not modified"}}


def content_etag(payload: BaseModel, variant: str = "") -> str:
    """`variant` names what else the answer depends on (its language): two variants never share
    a tag, even when their bodies are alike."""
    seed = variant.encode() + b"\0" if variant else b""
    digest = hashlib.sha256(seed + payload.model_dump_json().encode()).hexdigest()[:32]
    return f'"{digest}"'


def _matches(etag: str, if_none_match: str) -> bool:
    tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return "*" in tags or etag in tags


class ConditionalGet:
    def __init__(self, response: Response, if_none_match: str | None) -> None:
        self._response = response
        self._if_none_match = if_none_match

    def answer(self, payload: Payload, variant: str = "") -> Payload | Response:
        """The payload with its ETag, or an empty 304 when the caller already has it (with the
        Vary and Content-Language the full answer would carry)."""
        etag = content_etag(payload, variant)
        if self._if_none_match and _matches(etag, self._if_none_match):
            kept = {k: v for k, v in self._response.headers.items() if k.lower() in KEPT_ON_304}
            return Response(status_code=304, headers={**kept, "ETag": etag})
        self._response.headers["ETag"] = etag
        return payload


def conditional_get(
    response: Response,
    if_none_match: Annotated[
        str | None, Header(description="The ETag of the list you last read: 304 if unchanged")
    ] = None,
) -> ConditionalGet:
    return ConditionalGet(response, if_none_match)


ConditionalGetDep = Annotated[ConditionalGet, Depends(conditional_get)]
