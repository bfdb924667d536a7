"""Media sent with an Open311 request: a `media_url`, or a multipart `media` image.

Either becomes a cleaned photo (type read from the bytes, EXIF and GPS removed) kept by the
media store; a `media_url` is fetched through the SSRF guard. The photo row is written with
the request, in its transaction (`submit_open311_request`), so a refused request keeps none.
"""

from starlette.datastructures import UploadFile

from api.open311.errors import Open311Error
from domain.media.model import MAX_PHOTO_BYTES, MediaTooLarge, Photo, UnsupportedMedia
from domain.media.use_cases import MediaDesk, fetch_remote_photo, prepare_photo
from domain.shared.errors import ValidationFailed

MEDIA_LIMIT = MAX_PHOTO_BYTES


async def _upload_bytes(media: UploadFile) -> bytes:
    data = await media.read(MEDIA_LIMIT + 1)
    if len(data) > MEDIA_LIMIT:
        raise Open311Error(400, "media must be at most 10 MiB")
    return data


async def open311_photo(
    desk: MediaDesk, media_url: str | None, media: UploadFile | None
) -> Photo | None:
    """The request's photo, cleaned and stored, before anything is written to the database."""
    if media_url and media is not None:
        raise Open311Error(400, "send media_url or a media file, not both")
    try:
        if media is not None:
            return await prepare_photo(desk, await _upload_bytes(media))
        if media_url:
            return await fetch_remote_photo(desk, media_url)
    except (UnsupportedMedia, MediaTooLarge) as refused:
        raise Open311Error(400, f"media: {refused}") from None
    except ValidationFailed as refused:
        raise Open311Error(400, f"media_url: {refused}") from None
    return None
