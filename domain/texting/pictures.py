"""Pictures that came with a text become photos through the media pipeline; anything else is
listed on the message as refused, with why."""

from domain.inbox.model import Attachment
from domain.media.model import MAX_PHOTO_BYTES, MediaTooLarge, UnsupportedMedia
from domain.media.use_cases import store_upload
from domain.shared.context import Context
from domain.shared.errors import ValidationFailed
from domain.texting.model import TextMedia
from domain.texting.ports import PicturePipeline, TextingUnitOfWork

ONLY_PICTURES = "only pictures are kept"
NOT_FETCHED = "not fetched: fetching pictures is not configured"


def _name(index: int, content_type: str) -> str:
    kind = content_type.partition("/")[2].partition(";")[0].strip() or "bin"
    return f"text-media-{index + 1}.{kind}"


async def attachments_of(
    context: Context[TextingUnitOfWork],
    media: tuple[TextMedia, ...],
    pictures: PicturePipeline | None,
) -> tuple[Attachment, ...]:
    return tuple([await _attachment(context, i, item, pictures) for i, item in enumerate(media)])


async def _attachment(
    context: Context[TextingUnitOfWork],
    index: int,
    item: TextMedia,
    pictures: PicturePipeline | None,
) -> Attachment:
    name, declared = _name(index, item.content_type), item.content_type
    if not declared.startswith("image/"):
        return Attachment(name, declared, 0, refused=ONLY_PICTURES)
    if pictures is None:
        return Attachment(name, declared, 0, refused=NOT_FETCHED)
    try:
        data = await pictures.remote.fetch(item.url, MAX_PHOTO_BYTES)
        kept = await store_upload(
            context, data, declared, store=pictures.store, cleaner=pictures.cleaner
        )
    except (ValidationFailed, UnsupportedMedia, MediaTooLarge) as refused:
        return Attachment(name, declared, 0, refused=refused.detail)
    return Attachment(name, kept.content_type, kept.byte_size, photo_id=kept.id)
