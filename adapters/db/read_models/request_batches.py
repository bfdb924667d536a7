"""The request list read in keyset pages, for exports of any size in constant memory."""

from collections.abc import AsyncIterator
from dataclasses import replace

from adapters.db.read_models.requests import RequestReadModel
from domain.requests.model import ServiceRequest
from domain.requests.queries import RequestFilter

EXPORT_BATCH = 1000


async def request_batches(
    requests: RequestReadModel, f: RequestFilter, size: int | None = None
) -> AsyncIterator[list[ServiceRequest]]:
    """The list's rows, newest first, `size` at a time. Each page is its own short query (no
    connection held while the client reads), and the keyset on (requested_at, id) neither
    repeats nor skips a row when requests change meanwhile."""
    limit = size or EXPORT_BATCH
    cursor = f.cursor
    while True:
        page = await requests.page(replace(f, limit=limit, cursor=cursor))
        if page.items:
            yield page.items
        if page.next_cursor is None:
            return
        cursor = page.next_cursor
