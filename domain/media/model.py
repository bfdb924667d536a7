"""Photos attached to service requests and their comments."""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from domain.shared.errors import DomainError
from domain.shared.vocabulary import Visibility

MAX_PHOTO_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000  # a 40-megapixel photo; larger images are refused before decoding
MAX_PHOTOS_PER_COMMENT = 10
IMAGE_TYPES = frozenset({"image/jpeg", "image/png", "image/webp"})


class UnsupportedMedia(DomainError):
    """The bytes are not an image we accept (JPEG, PNG, WebP, GIF), whatever they claim."""


class MediaTooLarge(DomainError):
    """Too many bytes or too many pixels."""


@dataclass(frozen=True)
class CleanImage:
    """An image decoded and encoded again: pixels only, no EXIF, GPS, text or ICC data."""

    content_type: str
    data: bytes
    width: int
    height: int


@dataclass(frozen=True)
class Photo:
    id: UUID
    request_id: str | None  # None until an upload (Open311 `media`) is attached
    visibility: Visibility
    content_type: str
    byte_size: int
    width: int
    height: int
    sha256: str
    storage_key: str
    uploaded_by: UUID | None
    created_at: datetime

    @property
    def is_public(self) -> bool:
        return self.request_id is not None and self.visibility is Visibility.PUBLIC


@dataclass(frozen=True)
class MediaRef:
    """What an upload gives back: enough to link to the photo and describe it."""

    id: UUID
    content_type: str
    byte_size: int
    width: int
    height: int

    @classmethod
    def of(cls, photo: Photo) -> "MediaRef":
        return cls(photo.id, photo.content_type, photo.byte_size, photo.width, photo.height)
