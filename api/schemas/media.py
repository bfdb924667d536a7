"""Bodies of the photo endpoints."""

from datetime import datetime
from uuid import UUID

from pydantic import BaseModel

from domain.media.model import Photo
from domain.shared.vocabulary import Visibility

MEDIA_PATH = "/api/v1/media"


def media_url(photo_id: UUID) -> str:
    """The path a photo is served at; Open311 answers make it absolute."""
    return f"{MEDIA_PATH}/{photo_id}"


class PhotoOut(BaseModel):
    id: UUID
    url: str
    request_id: str | None
    visibility: Visibility
    content_type: str
    byte_size: int
    width: int
    height: int
    created_at: datetime

    @classmethod
    def of(cls, photo: Photo) -> "PhotoOut":
        return cls(
            id=photo.id,
            url=media_url(photo.id),
            request_id=photo.request_id,
            visibility=photo.visibility,
            content_type=photo.content_type,
            byte_size=photo.byte_size,
            width=photo.width,
            height=photo.height,
            created_at=photo.created_at,
        )


class PhotoList(BaseModel):
    items: list[PhotoOut]
