"""Photos on requests (and, by id, on their comments), and the media they are served from."""

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, File, Form, Response, UploadFile, status

from api.deps import OPTIONAL_TOKEN, ContainerDep, OptionalPrincipalDep, PrincipalDep
from api.problems import problem_responses
from api.schemas.media import MEDIA_PATH, PhotoList, PhotoOut, media_url
from domain.media.model import MAX_PHOTO_BYTES, MediaTooLarge
from domain.media.use_cases import AttachPhoto, attach_photo, open_photo, photos_of_request
from domain.shared.vocabulary import Visibility

router = APIRouter(tags=["media"])

PHOTOS_PATH = "/api/v1/requests/*/photos"
# The photo's bytes plus room for the multipart framing and the form fields.
UPLOAD_MAX_BYTES = MAX_PHOTO_BYTES + 64 * 1024
EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}


@router.post(
    "/api/v1/requests/{request_id}/photos",
    response_model=PhotoOut,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(400, 401, 403, 404, 413, 415, 422),
)
async def upload_photo(
    request_id: str,
    file: Annotated[UploadFile, File(description="A JPEG, PNG, WebP or GIF image, ≤ 10 MiB")],
    container: ContainerDep,
    principal: PrincipalDep,
    response: Response,
    visibility: Annotated[Visibility, Form()] = Visibility.PUBLIC,
) -> PhotoOut:
    """Add a photo to a request; who may comment on the request may add photos.

    The type is read from the bytes (the declared type and file name are ignored), and the
    image is encoded again without EXIF, GPS or other metadata. Public photos are shown to
    residents; internal ones only to staff who may see the request. To show a photo with a
    comment, pass its id in the comment's `photo_ids`.
    """
    data = await file.read(MAX_PHOTO_BYTES + 1)
    if len(data) > MAX_PHOTO_BYTES:
        raise MediaTooLarge(f"a photo may be at most {MAX_PHOTO_BYTES} bytes")
    command = AttachPhoto(request_id, data, visibility)
    photo = await attach_photo(
        container.context,
        command,
        principal,
        store=container.media_store,
        cleaner=container.image_cleaner,
    )
    response.headers["Location"] = media_url(photo.id)
    return PhotoOut.of(photo)


@router.get(
    "/api/v1/requests/{request_id}/photos",
    response_model=PhotoList,
    responses=problem_responses(401, 404, 422),
)
async def list_photos(
    request_id: str, container: ContainerDep, principal: PrincipalDep
) -> PhotoList:
    """The request's photos, public and internal, oldest first."""
    photos = await photos_of_request(container.context, request_id, principal)
    return PhotoList(items=[PhotoOut.of(p) for p in photos])


@router.get(
    f"{MEDIA_PATH}/{{media_id}}",
    response_class=Response,
    responses={
        200: {
            "content": {t: {"schema": {"type": "string", "format": "binary"}} for t in EXTENSIONS},
            "description": "The image",
        },
        **problem_responses(401, 404, 422),
    },
    openapi_extra=OPTIONAL_TOKEN,
)
async def get_media(
    media_id: UUID, container: ContainerDep, principal: OptionalPrincipalDep
) -> Response:
    """A photo's bytes. Public photos of a request need no token; others need a token of
    someone who may see the request."""
    photo, data = await open_photo(
        container.context, media_id, principal, store=container.media_store
    )
    extension = EXTENSIONS.get(photo.content_type, "bin")
    return Response(
        data,
        media_type=photo.content_type,
        headers={
            "ETag": f'"{photo.sha256}"',
            "Cache-Control": "public, max-age=86400" if photo.is_public else "private, no-store",
            "Content-Disposition": f'inline; filename="{photo.id}.{extension}"',
            "X-Content-Type-Options": "nosniff",
            "Content-Security-Policy": "default-src 'none'; sandbox",
        },
    )
