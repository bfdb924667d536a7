from collections.abc import Sequence
from typing import Protocol
from uuid import UUID

from domain.media.model import CleanImage, Photo
from domain.shared.transaction import Transaction


class MediaStore(Protocol):
    """Where the bytes of media live. Keys are chosen by the store, never by the uploader."""

    async def put(self, data: bytes) -> str:
        """Store the bytes; returns their key."""
        ...

    async def get(self, key: str) -> bytes:
        """The stored bytes; KeyError when there are none."""
        ...


class ImageCleaner(Protocol):
    async def clean(self, data: bytes) -> CleanImage:
        """Sniff the type from the bytes, check the size, and encode the pixels again without
        metadata. Raises UnsupportedMedia or MediaTooLarge."""
        ...


class RemoteFiles(Protocol):
    async def fetch(self, url: str, max_bytes: int) -> bytes:
        """GET a URL an outsider gave, through the SSRF guard; ValidationFailed on failure."""
        ...


class PhotoRepository(Protocol):
    async def add(self, photo: Photo) -> None: ...

    async def get(self, photo_id: UUID) -> Photo | None: ...

    async def get_many(self, photo_ids: Sequence[UUID]) -> list[Photo]: ...

    async def of_request(self, request_id: str) -> list[Photo]:
        """Oldest first."""
        ...

    async def attach(self, photo_id: UUID, request_id: str) -> None:
        """Link an unattached upload to the request it came with."""
        ...


class RequestInWork(Protocol):
    """What media asks of a service request: its number and who works on it."""

    @property
    def id(self) -> str: ...

    @property
    def department_code(self) -> str: ...


class RequestLookup(Protocol):
    async def get(self, request_id: str) -> RequestInWork | None: ...


class MediaUnitOfWork(Transaction, Protocol):
    photos: PhotoRepository

    @property
    def requests(self) -> RequestLookup: ...
