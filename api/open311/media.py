"""Media sent with an Open311 request: a `media_url`, or a multipart `media` image.

Read here; `submit_open311_report` makes either a cleaned photo (type read from the bytes,
EXIF and GPS removed) kept by the media store, a `media_url` fetched through the SSRF guard.
The photo row is written with the request, in its transaction, so a refused request keeps none.
"""

from starlette.datastructures import UploadFile

from api.open311.errors import Open311Error
from domain.media.model import MAX_PHOTO_BYTES
from domain.requests.open311 import SentMedia

MEDIA_LIMIT = MAX_PHOTO_BYTES


async def _upload_bytes(media: UploadFile) -> bytes:
    data = await media.read(MEDIA_LIMIT + 1)
    if len(data) > MEDIA_LIMIT:
        raise Open311Error(400, "media must be at most 10 MiB")
    return data


async def sent_media(media_url: str | None, media: UploadFile | None) -> SentMedia:
    """What the client sent: one file (read here, at most 10 MiB) or one URL, or nothing."""
    if media_url and media is not None:
        raise Open311Error(400, "send media_url or a media file, not both")
    if media is not None:
        return SentMedia(data=await _upload_bytes(media))
    return SentMedia(url=media_url or None)
