"""Photo use cases: upload (to a request, or loose for Open311), fetch a URL, read."""

import hashlib
from dataclasses import dataclass
from uuid import UUID, uuid4

from domain.directory.permissions import Principal
from domain.media.model import MAX_PHOTO_BYTES, MediaRef, MediaTooLarge, Photo, UnsupportedMedia
from domain.media.ports import ImageCleaner, MediaStore, MediaUnitOfWork, RemoteFiles, RequestInWork
from domain.shared.clock import Clock
from domain.shared.errors import NotFound
from domain.shared.transaction import UnitOfWorkFactory
from domain.shared.vocabulary import Visibility


@dataclass(frozen=True)
class MediaDesk:
    uow: UnitOfWorkFactory[MediaUnitOfWork]
    clock: Clock
    store: MediaStore
    cleaner: ImageCleaner
    remote: RemoteFiles


async def _new_photo(
    desk: MediaDesk,
    data: bytes,
    request_id: str | None,
    visibility: Visibility,
    uploader: UUID | None,
) -> Photo:
    """Clean the image and keep its bytes; the caller records the Photo in its transaction."""
    if len(data) > MAX_PHOTO_BYTES:
        raise MediaTooLarge(f"a photo may be at most {MAX_PHOTO_BYTES} bytes")
    if not data:
        raise UnsupportedMedia("the file is empty")
    image = await desk.cleaner.clean(data)
    key = await desk.store.put(image.data)
    return Photo(
        id=uuid4(),
        request_id=request_id,
        visibility=visibility,
        content_type=image.content_type,
        byte_size=len(image.data),
        width=image.width,
        height=image.height,
        sha256=hashlib.sha256(image.data).hexdigest(),
        storage_key=key,
        uploaded_by=uploader,
        created_at=desk.clock.now(),
    )


async def store_upload(
    desk: MediaDesk, data: bytes, content_type: str | None = None, uploader: UUID | None = None
) -> MediaRef:
    """Keep an uploaded photo not yet linked to a request (Open311 `media`).

    - `content_type` is what the client declared; it is not trusted: the type is read from the
      bytes, and only JPEG, PNG, WebP and GIF (kept as PNG) are accepted.
    - EXIF, GPS, text chunks and colour profiles are removed by encoding the pixels again.
    - The photo is public once attached to a request (PhotoRepository.attach).
    """
    photo = await _new_photo(desk, data, None, Visibility.PUBLIC, uploader)
    async with desk.uow() as uow:
        await uow.photos.add(photo)
        await uow.commit()
    return MediaRef.of(photo)


async def prepare_photo(desk: MediaDesk, data: bytes) -> Photo:
    """Clean and keep a public photo's bytes for a request still being created: the caller
    records it (`uow.photos.add`, with the new request's id) in the transaction that creates
    the request, so a refused request leaves no photo row behind."""
    return await _new_photo(desk, data, None, Visibility.PUBLIC, None)


async def fetch_remote_photo(desk: MediaDesk, url: str) -> Photo:
    """`prepare_photo` for a photo fetched through the SSRF guard (Open311 `media_url`)."""
    return await prepare_photo(desk, await desk.remote.fetch(url, MAX_PHOTO_BYTES))


async def fetch_media_url(desk: MediaDesk, url: str, uploader: UUID | None = None) -> MediaRef:
    """Fetch a photo from a URL a client gave (Open311 `media_url`) and keep it as an upload.

    The fetch goes through the SSRF guard (no internal addresses, pinned, redirects checked),
    with a timeout and the same 10 MiB cap as an upload.
    """
    data = await desk.remote.fetch(url, MAX_PHOTO_BYTES)
    return await store_upload(desk, data, None, uploader)


@dataclass(frozen=True)
class AttachPhoto:
    request_id: str
    data: bytes
    visibility: Visibility = Visibility.PUBLIC


async def _workable(uow: MediaUnitOfWork, request_id: str, principal: Principal) -> RequestInWork:
    request = await uow.requests.get(request_id)
    if request is None:
        raise NotFound(f"service request {request_id} was not found")
    principal.require_work(request.department_code, request.id)
    return request


async def attach_photo(desk: MediaDesk, command: AttachPhoto, principal: Principal) -> Photo:
    """Add a photo to a request: who may comment on it may add photos. A public photo is
    shown to residents; an internal one only to staff who may see the request."""
    async with desk.uow() as uow:
        await _workable(uow, command.request_id, principal)
    photo = await _new_photo(
        desk, command.data, command.request_id, command.visibility, principal.user_id
    )
    async with desk.uow() as uow:
        await uow.photos.add(photo)
        await uow.commit()
    return photo


async def photos_of_request(desk: MediaDesk, request_id: str, principal: Principal) -> list[Photo]:
    """The request's photos the caller may see, oldest first."""
    async with desk.uow() as uow:
        request = await uow.requests.get(request_id)
        if request is None:
            raise NotFound(f"service request {request_id} was not found")
        principal.require_see(request.department_code, request_id)
        return await uow.photos.of_request(request_id)


async def open_photo(
    desk: MediaDesk, photo_id: UUID, principal: Principal | None
) -> tuple[Photo, bytes]:
    """A photo and its bytes. Public photos of a request are public; internal ones are for
    staff who may see the request; a loose upload is for signed-in users only."""
    async with desk.uow() as uow:
        photo = await uow.photos.get(photo_id)
        if photo is None or not await _may_see(uow, photo, principal):
            raise NotFound(f"media {photo_id} was not found")
    try:
        return photo, await desk.store.get(photo.storage_key)
    except KeyError:
        raise NotFound(f"media {photo_id} was not found") from None


async def _may_see(uow: MediaUnitOfWork, photo: Photo, principal: Principal | None) -> bool:
    if photo.is_public:
        return True
    if principal is None:
        return False
    if photo.request_id is None:
        return True
    request = await uow.requests.get(photo.request_id)
    return request is not None and principal.can_see(request.department_code)
