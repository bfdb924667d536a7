"""Media sent with an Open311 request: a `media_url`, or a multipart `media` image.

STUB, to be rewired to the media store at merge: this checks what it can (an http(s) URL of
sane length; an uploaded file at most 10 MiB whose first bytes are JPEG, PNG, GIF or WebP)
and keeps the URL as given. It neither fetches the URL (the SSRF-guarded fetch belongs to
the media store) nor stores an uploaded file: an upload is accepted and checked, then
dropped, so its request has no media_url until the media store keeps it.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from starlette.datastructures import UploadFile

from api.open311.errors import Open311Error

MEDIA_LIMIT = 10 * 1024 * 1024
MAX_URL = 2000
IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a")


@dataclass(frozen=True)
class AttachedMedia:
    url: str | None


def _is_image(head: bytes) -> bool:
    is_webp = head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    return is_webp or any(head.startswith(magic) for magic in IMAGE_MAGIC)


def _checked_url(url: str) -> str:
    parts = urlsplit(url)
    if len(url) > MAX_URL or parts.scheme not in ("http", "https") or not parts.hostname:
        raise Open311Error(400, "media_url must be an http or https URL")
    return url


async def attach_open311_media(media_url: str | None, media: UploadFile | None) -> AttachedMedia:
    """Check the media before anything is written; return what the request should point to."""
    if media_url and media is not None:
        raise Open311Error(400, "send media_url or a media file, not both")
    if media is not None:
        head = await media.read(16)
        if not _is_image(head):
            raise Open311Error(400, "media must be a JPEG, PNG, GIF or WebP image")
        if media.size is not None and media.size > MEDIA_LIMIT:
            raise Open311Error(400, "media must be at most 10 MiB")
        return AttachedMedia(url=None)
    return AttachedMedia(url=_checked_url(media_url) if media_url else None)
