"""The functions the Open311 routes use for `media` and `media_url`, on the real database,
the real disk store and a loopback HTTP server."""

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.unit_of_work import SqlUnitOfWorkFactory
from adapters.http.remote_files import GuardedRemoteFiles
from adapters.http.ssrf import OutboundPolicy
from adapters.media.images import PillowImageCleaner
from adapters.media.local_store import LocalMediaStore
from domain.media.model import UnsupportedMedia
from domain.media.use_cases import fetch_media_url, open_photo, store_upload
from domain.shared.clock import FixedClock
from domain.shared.context import Context
from domain.shared.errors import NotFound, ValidationFailed
from tests.api.media.test_media import stored_files
from tests.integration.builders import add_requests, make_request
from tests.integration.http.loopback_server import serving
from tests.unit.wiring import MediaWiring

MiB = 1024 * 1024


def small_png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (3, 2), (1, 2, 3)).save(out, "PNG")
    return out.getvalue()


def gif() -> bytes:
    out = io.BytesIO()
    Image.new("P", (4, 4)).save(out, "GIF")
    return out.getvalue()


def wiring(
    engine: AsyncEngine, tmp_path: Path, policy: OutboundPolicy | None = None
) -> MediaWiring:
    return MediaWiring(
        Context(SqlUnitOfWorkFactory(engine), FixedClock(datetime(2026, 11, 25, 12, tzinfo=UTC))),
        LocalMediaStore(tmp_path),
        PillowImageCleaner(),
        GuardedRemoteFiles(policy or OutboundPolicy()),
    )


def _routes(path: str) -> tuple[int, dict[str, str], bytes]:
    if path == "/photo.png":
        return 200, {"Content-Type": "text/plain"}, small_png()  # the declared type is ignored
    if path == "/huge":
        return 200, {}, b"0" * (11 * MiB)
    if path == "/text":
        return 200, {"Content-Type": "image/jpeg"}, b"hello"
    if path.startswith("/to/"):
        return 302, {"Location": path.removeprefix("/to/")}, b""
    return 404, {}, b""


async def test_an_upload_is_kept_loose_until_attached_then_public(
    seeded: AsyncEngine, tmp_path: Path
) -> None:
    media = wiring(seeded, tmp_path)
    ref = await store_upload(
        media.context, gif(), "image/gif", store=media.store, cleaner=media.cleaner
    )
    assert (ref.content_type, ref.width, ref.height) == ("image/png", 4, 4)
    with pytest.raises(NotFound):
        await open_photo(
            media.context, ref.id, None, store=media.store
        )  # loose uploads are not public
    await add_requests(seeded, make_request("26-00000042"))
    async with media.context.uow() as uow:
        await uow.photos.attach(ref.id, "26-00000042")
        await uow.commit()
    photo, data = await open_photo(media.context, ref.id, None, store=media.store)
    assert photo.request_id == "26-00000042"
    assert Image.open(io.BytesIO(data)).size == (4, 4)


async def test_a_media_url_is_fetched_cleaned_and_kept(seeded: AsyncEngine, tmp_path: Path) -> None:
    media = wiring(seeded, tmp_path, OutboundPolicy(allow_loopback=True))
    async with serving(_routes) as (port, seen):
        ref = await fetch_media_url(
            media.context,
            f"http://127.0.0.1:{port}/photo.png",
            store=media.store,
            cleaner=media.cleaner,
            remote=media.remote,
        )
    assert (ref.content_type, ref.width, ref.height) == ("image/png", 3, 2)
    assert seen.paths == ["/photo.png"]


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/huge", "larger than"),
        ("/missing", "HTTP 404"),
        ("/to/http://10.1.2.3/x.jpg", "address"),
        ("/to/http://169.254.169.254/latest", "address"),
    ],
)
async def test_a_media_url_that_fails_is_a_validation_error(
    seeded: AsyncEngine, tmp_path: Path, path: str, message: str
) -> None:
    media = wiring(seeded, tmp_path, OutboundPolicy(allow_loopback=True))
    async with serving(_routes) as (port, _):
        with pytest.raises(ValidationFailed) as refused:
            await fetch_media_url(
                media.context,
                f"http://127.0.0.1:{port}{path}",
                store=media.store,
                cleaner=media.cleaner,
                remote=media.remote,
            )
    assert refused.value.errors[0].field == "media_url"
    assert message in refused.value.errors[0].message
    assert not stored_files(tmp_path)


async def test_internal_media_urls_are_refused_by_default(
    seeded: AsyncEngine, tmp_path: Path
) -> None:
    media = wiring(seeded, tmp_path)
    async with serving(_routes) as (port, seen):
        for url in (
            f"http://127.0.0.1:{port}/photo.png",
            f"http://[::1]:{port}/photo.png",
            "file:///etc/passwd",
            "ftp://example.org/a.jpg",
            "not a url",
        ):
            with pytest.raises(ValidationFailed):
                await fetch_media_url(
                    media.context,
                    url,
                    store=media.store,
                    cleaner=media.cleaner,
                    remote=media.remote,
                )
    assert seen.connections == 0


async def test_a_fetched_file_that_is_not_an_image_is_refused(
    seeded: AsyncEngine, tmp_path: Path
) -> None:
    media = wiring(seeded, tmp_path, OutboundPolicy(allow_loopback=True))
    async with serving(_routes) as (port, _):
        with pytest.raises(UnsupportedMedia):
            await fetch_media_url(
                media.context,
                f"http://127.0.0.1:{port}/text",
                store=media.store,
                cleaner=media.cleaner,
                remote=media.remote,
            )
