"""What taking in a text needs: the inbox and media slices of the unit of work, and the
pictures' pipeline."""

from dataclasses import dataclass
from typing import Protocol

from domain.inbox.ports import InboxUnitOfWork
from domain.media.ports import ImageCleaner, MediaStore, MediaUnitOfWork, RemoteFiles
from domain.requests.ports import RequestRepository


class TextingUnitOfWork(InboxUnitOfWork, MediaUnitOfWork, Protocol):
    requests: RequestRepository


@dataclass(frozen=True)
class PicturePipeline:
    """Pictures sent with a text: fetched from the provider, cleaned and kept as photos."""

    remote: RemoteFiles  # the provider's media URLs, with its credentials
    store: MediaStore
    cleaner: ImageCleaner
