"""Photo use cases: upload (to a request, or loose for Open311), fetch a URL, read."""

import hashlib
from dataclasses import dataclass
from uuid import UUID, uuid4

from domain.directory.permissions import Principal
from domain.guards.errors import Refused
from domain.media.model import MAX_PHOTO_BYTES, MediaRef, MediaTooLarge, Photo, UnsupportedMedia
from domain.media.ports import ImageCleaner, MediaStore, MediaUnitOfWork, RemoteFiles, RequestInWork
from domain.shared.context import Context
from domain.shared.errors import NotFound
from domain.shared.transaction import Transaction
from domain.shared.vocabulary import Visibility


@dataclass(frozen=True)
class NewPhoto:
    """A photo to clean and keep: its bytes, and where it belongs."""

    data: bytes
    request_id: str | None = None
    visibility: Visibility = Visibility.PUBLIC
    uploader: UUID | None = None


async def _new_photo(
    context: Context[Transaction], new: NewPhoto, store: MediaStore, cleaner: ImageCleaner
) -> Photo:
    """Clean the image and keep its bytes; the caller records the Photo in its transaction."""
    if len(new.data) > MAX_PHOTO_BYTES:
        raise MediaTooLarge(f"a photo may be at most {MAX_PHOTO_BYTES} bytes")
    if not new.data:
        raise UnsupportedMedia("the file is empty")
    image = await cleaner.clean(new.data)
    key = await store.put(image.data)
    return Photo(
        id=uuid4(),
        request_id=new.request_id,
        visibility=new.visibility,
        content_type=image.content_type,
        byte_size=len(image.data),
        width=image.width,
        height=image.height,
        sha256=hashlib.sha256(image.data).hexdigest(),
        storage_key=key,
        uploaded_by=new.uploader,
        created_at=context.clock.now(),
    )


async def store_upload(
    context: Context[MediaUnitOfWork],
    data: bytes,
    content_type: str | None = None,
    uploader: UUID | None = None,
    *,
    store: MediaStore,
    cleaner: ImageCleaner,
) -> MediaRef:
    """Keep an uploaded photo not yet linked to a request (Open311 `media`).

    - `content_type` is what the client declared; it is not trusted: the type is read from the
      bytes, and only JPEG, PNG, WebP and GIF (kept as PNG) are accepted.
    - EXIF, GPS, text chunks and colour profiles are removed by encoding the pixels again.
    - The photo is public once attached to a request (PhotoRepository.attach).
    """
    photo = await _new_photo(context, NewPhoto(data, uploader=uploader), store, cleaner)
    async with context.uow() as uow:
        await uow.photos.add(photo)
        await uow.commit()
    return MediaRef.of(photo)


async def prepare_photo(
    context: Context[Transaction], data: bytes, *, store: MediaStore, cleaner: ImageCleaner
) -> Photo:
    """Clean and keep a public photo's bytes for a request still being created: the caller
    records it (`uow.photos.add`, with the new request's id) in the transaction that creates
    the request, so a refused request leaves no photo row behind."""
    return await _new_photo(context, NewPhoto(data), store, cleaner)


async def fetch_remote_photo(
    context: Context[Transaction],
    url: str,
    *,
    store: MediaStore,
    cleaner: ImageCleaner,
    remote: RemoteFiles,
) -> Photo:
    """`prepare_photo` for a photo fetched through the SSRF guard (Open311 `media_url`)."""
    data = await remote.fetch(url, MAX_PHOTO_BYTES)
    return await prepare_photo(context, data, store=store, cleaner=cleaner)


async def fetch_media_url(
    context: Context[MediaUnitOfWork],
    url: str,
    uploader: UUID | None = None,
    *,
    store: MediaStore,
    cleaner: ImageCleaner,
    remote: RemoteFiles,
) -> MediaRef:
    """Fetch a photo from a URL a client gave (Open311 `media_url`) and keep it as an upload.

    The fetch goes through the SSRF guard (no internal addresses, pinned, redirects checked),
    with a timeout and the same 10 MiB cap as an upload.
    """
    data = await remote.fetch(url, MAX_PHOTO_BYTES)
    return await store_upload(context, data, None, uploader, store=store, cleaner=cleaner)


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


async def attach_photo(
    context: Context[MediaUnitOfWork],
    command: AttachPhoto,
    principal: Principal,
    *,
    store: MediaStore,
    cleaner: ImageCleaner,
) -> Photo:
    """Add a photo to a request: who may comment on it may add photos. A public photo is
    shown to residents; an internal one only to staff who may see the request."""
    async with context.uow() as uow:
        await _workable(uow, command.request_id, principal)
    uploader = principal.actor.user_id  # None for a partner system: it is no user
    new = NewPhoto(command.data, command.request_id, command.visibility, uploader)
    photo = await _new_photo(context, new, store, cleaner)
    async with context.uow() as uow:
        await uow.photos.add(photo)
        await uow.commit()
    return photo


async def photos_of_request(
    context: Context[MediaUnitOfWork], request_id: str, principal: Principal
) -> list[Photo]:
    """The request's photos the caller may see, oldest first."""
    async with context.uow() as uow:
        request = await uow.requests.get(request_id)
        if request is None:
            raise NotFound(f"service request {request_id} was not found")
        principal.require_see(request.department_code, request_id)
        return await uow.photos.of_request(request_id)


async def open_photo(
    context: Context[MediaUnitOfWork],
    photo_id: UUID,
    principal: Principal | None,
    *,
    store: MediaStore,
) -> tuple[Photo, bytes]:
    """A photo and its bytes. Public photos of a request are public; internal ones are for
    staff who may see the request; a loose upload is for signed-in users only."""
    async with context.uow() as uow:
        photo = await uow.photos.get(photo_id)
        if photo is None or not await _may_see(uow, photo, principal):
            raise NotFound(f"media {photo_id} was not found")
    try:
        return photo, await store.get(photo.storage_key)
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


MAX_RESIDENT_PHOTOS = 5


async def add_resident_photo(
    context: Context[MediaUnitOfWork],
    request_id: str,
    data: bytes,
    *,
    store: MediaStore,
    cleaner: ImageCleaner,
) -> Photo:
    """A resident's public photo of the request they just sent from the web (the caller
    checked their upload token): cleaned like every upload, at most five per request."""
    async with context.uow() as uow:
        if await uow.requests.get(request_id) is None:
            raise NotFound(f"service request {request_id} was not found")
        if len(await uow.photos.of_request(request_id)) >= MAX_RESIDENT_PHOTOS:
            message = f"a request takes at most {MAX_RESIDENT_PHOTOS} photos"
            raise Refused("file", "too_many_photos", message)
    photo = await _new_photo(context, NewPhoto(data, request_id), store, cleaner)
    async with context.uow() as uow:
        await uow.photos.add(photo)
        await uow.commit()
    return photo


async def keep_message_photo(
    context: Context[MediaUnitOfWork],
    data: bytes,
    *,
    store: MediaStore,
    cleaner: ImageCleaner,
) -> Photo:
    """A photo a resident sent with a message to the inbox: cleaned like every upload (EXIF
    and GPS removed), internal, and loose until staff attach it to a request."""
    new = NewPhoto(data, visibility=Visibility.INTERNAL)
    photo = await _new_photo(context, new, store, cleaner)
    async with context.uow() as uow:
        await uow.photos.add(photo)
        await uow.commit()
    return photo
