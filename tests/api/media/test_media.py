"""Photos: uploads are sniffed and stripped of metadata, sized, stored safely, and shown only
to those who may see them."""

import io
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from PIL import Image, PngImagePlugin
from sqlalchemy import select

from adapters.db.tables.media import media_blobs
from api.app import create_app
from api.bootstrap import Container, build_container
from api.settings import MediaBackend, Settings
from tests.api.conftest import pothole_body

pytestmark = pytest.mark.smoke

GPS_IFD = 0x8825
MAKE = 0x010F
ORIENTATION = 0x0112
MiB = 1024 * 1024


@pytest.fixture(params=list(MediaBackend))
async def container(
    settings: Settings, tmp_path: Path, request: pytest.FixtureRequest
) -> AsyncIterator[Container]:
    """The suite's container, with media kept in a directory of this test's own: every test
    here runs with each media backend (the postgres one must leave the directory empty)."""
    backend = MediaBackend(request.param)
    container = build_container(
        settings.model_copy(update={"media_dir": str(tmp_path / "m"), "media_backend": backend})
    )
    yield container
    await container.close()


def jpeg_with_gps() -> bytes:
    exif = Image.Exif()
    exif[MAKE] = "SpyCam 3000"
    exif[ORIENTATION] = 6  # rotated: the cleaned image must come back upright (30 x 40)
    exif[GPS_IFD] = {1: "N", 2: (39.0, 17.0, 25.0), 3: "W", 4: (76.0, 36.0, 44.0)}
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(out, "JPEG", exif=exif)
    return out.getvalue()


def png_with_text() -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Rosa Parks, 100 N Holliday St")
    info.add_itxt("GPS", "39.29,-76.61")
    out = io.BytesIO()
    Image.new("RGBA", (8, 8), (0, 128, 0, 255)).save(out, "PNG", pnginfo=info)
    return out.getvalue()


def stored_files(directory: Path) -> list[Path]:
    return [p for p in directory.rglob("*") if p.is_file()]


async def new_request(client: httpx.AsyncClient, agent: dict[str, str], **overrides: object) -> str:
    created = await client.post("/api/v1/requests", json=pothole_body(**overrides), headers=agent)
    assert created.status_code == 201, created.text
    return str(created.json()["id"])


async def upload(
    client: httpx.AsyncClient,
    headers: dict[str, str],
    request_id: str,
    data: bytes,
    filename: str = "photo.jpg",
    declared: str = "image/jpeg",
    visibility: str = "public",
) -> httpx.Response:
    return await client.post(
        f"/api/v1/requests/{request_id}/photos",
        files={"file": (filename, data, declared)},
        data={"visibility": visibility},
        headers=headers,
    )


async def test_a_jpeg_comes_back_without_exif_or_gps_and_upright(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    request_id = await new_request(client, agent)
    original = jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD)
    answer = await upload(client, agent, request_id, original)
    assert answer.status_code == 201, answer.text
    photo = answer.json()
    assert answer.headers["Location"] == photo["url"] == f"/api/v1/media/{photo['id']}"
    assert (photo["content_type"], photo["width"], photo["height"]) == ("image/jpeg", 30, 40)

    served = await client.get(photo["url"])  # a public photo: no token needed
    assert served.status_code == 200
    assert served.headers["Content-Type"] == "image/jpeg"
    assert served.headers["X-Content-Type-Options"] == "nosniff"
    assert served.headers["Content-Security-Policy"] == "default-src 'none'; sandbox"
    image = Image.open(io.BytesIO(served.content))
    assert image.format == "JPEG"
    assert dict(image.getexif()) == {}
    assert "exif" not in image.info
    assert b"SpyCam" not in served.content and b"Exif" not in served.content
    assert len(served.content) == photo["byte_size"]

    listed = await client.get(f"/api/v1/requests/{request_id}/photos", headers=agent)
    assert [p["id"] for p in listed.json()["items"]] == [photo["id"]]


async def test_png_text_chunks_and_colour_profiles_are_dropped(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    request_id = await new_request(client, agent)
    answer = await upload(client, agent, request_id, png_with_text(), "map.png", "image/png")
    assert answer.status_code == 201, answer.text
    served = await client.get(answer.json()["url"])
    image = Image.open(io.BytesIO(served.content))
    assert image.format == "PNG"
    assert not {"Author", "GPS", "icc_profile", "exif"} & set(image.info)
    assert b"Holliday" not in served.content
    assert image.getpixel((0, 0)) == (0, 128, 0, 255)


@pytest.mark.parametrize(
    ("filename", "data"),
    [
        ("notes.jpg", b"just some text, not a picture\n" * 20),
        ("page.png", b"<html><script>alert(1)</script></html>"),
        ("drawing.svg.jpg", b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'),
        ("empty.jpg", b""),
        ("truncated.jpg", jpeg_with_gps()[:200]),
    ],
)
async def test_what_is_not_an_image_is_refused_whatever_it_claims(
    client: httpx.AsyncClient, agent: dict[str, str], filename: str, data: bytes
) -> None:
    request_id = await new_request(client, agent)
    answer = await upload(client, agent, request_id, data, filename, "image/jpeg")
    assert answer.status_code == 415, answer.text
    assert answer.headers["Content-Type"] == "application/problem+json"
    listed = await client.get(f"/api/v1/requests/{request_id}/photos", headers=agent)
    assert listed.json()["items"] == []


async def test_an_11_mib_upload_is_refused_with_413(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    request_id = await new_request(client, agent)
    answer = await upload(client, agent, request_id, b"\xff\xd8" + b"0" * (11 * MiB))
    assert answer.status_code == 413
    assert answer.headers["Content-Type"] == "application/problem+json"


async def test_a_file_just_over_10_mib_is_refused_even_within_the_route_limit(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    request_id = await new_request(client, agent)
    answer = await upload(client, agent, request_id, b"0" * (10 * MiB + 1))
    assert answer.status_code == 413


async def test_a_decompression_bomb_is_refused_before_decoding(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    out = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(out, "PNG")  # 400 megapixels in a few kilobytes
    assert len(out.getvalue()) < MiB
    request_id = await new_request(client, agent)
    answer = await upload(client, agent, request_id, out.getvalue(), "bomb.png", "image/png")
    assert answer.status_code == 413
    assert "pixels" in answer.json()["detail"]


@pytest.mark.parametrize("container", [MediaBackend.DISK], indirect=True)
@pytest.mark.parametrize(
    "filename", ["../../../../etc/passwd.jpg", "..\\..\\win.ini.jpg", "/var/abs.jpg", "a\x00b.jpg"]
)
async def test_file_names_are_never_used_as_paths(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    container: Container,
    tmp_path: Path,
    filename: str,
) -> None:
    request_id = await new_request(client, agent)
    answer = await upload(client, agent, request_id, jpeg_with_gps(), filename)
    assert answer.status_code == 201, answer.text
    stored = stored_files(tmp_path)
    assert len(stored) == 1
    assert stored[0].parent.parent == tmp_path / "m"
    assert len(stored[0].name) == 64 and stored[0].name.isalnum()
    assert filename not in answer.text


@pytest.mark.parametrize("container", [MediaBackend.POSTGRES], indirect=True)
async def test_the_postgres_backend_keeps_photos_in_the_database_not_on_disk(
    client: httpx.AsyncClient, agent: dict[str, str], container: Container, tmp_path: Path
) -> None:
    request_id = await new_request(client, agent)
    answer = await upload(client, agent, request_id, png_with_text(), "p.png", "image/png")
    assert answer.status_code == 201, answer.text
    photo = answer.json()

    served = await client.get(photo["url"])
    assert served.status_code == 200
    async with container.engine.connect() as db:
        blobs = (await db.execute(select(media_blobs.c.key, media_blobs.c.bytes))).all()
    assert [bytes(data) for _, data in blobs] == [served.content]  # byte-identical
    assert len(served.content) == photo["byte_size"]
    assert not stored_files(tmp_path)

    # The same photo again is stored once.
    again = await upload(client, agent, request_id, png_with_text(), "p.png", "image/png")
    assert again.status_code == 201, again.text
    async with container.engine.connect() as db:
        assert len((await db.execute(select(media_blobs.c.key))).all()) == 1

    # Another API machine (its own container and directory, the same database) serves it.
    other = build_container(
        container.settings.model_copy(update={"media_dir": str(tmp_path / "o")})
    )
    try:
        app = create_app(other.settings, other)
        app.state.container = other
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as second:
            elsewhere = await second.get(photo["url"])
    finally:
        await other.close()
    assert elsewhere.status_code == 200
    assert elsewhere.content == served.content
    assert not stored_files(tmp_path)


async def test_photos_follow_the_permissions_of_comments(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    staff: dict[str, str],
) -> None:
    theirs = await new_request(client, agent, service_code="sw-dirty-alley", attributes={})
    refused = await upload(client, staff, theirs, jpeg_with_gps())
    assert refused.status_code == 404
    listed = await client.get(f"/api/v1/requests/{theirs}/photos", headers=staff)
    assert listed.status_code == 404
    anonymous = await upload(client, {}, theirs, jpeg_with_gps())
    assert anonymous.status_code == 401
    ours = await new_request(client, agent)
    assert (await upload(client, staff, ours, jpeg_with_gps())).status_code == 201
    assert (await upload(client, agent, "24-99999999", jpeg_with_gps())).status_code == 404


async def test_internal_photos_are_for_staff_who_may_see_the_request(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    staff: dict[str, str],
) -> None:
    alley = await new_request(client, agent, service_code="sw-dirty-alley", attributes={})
    internal = await upload(client, agent, alley, jpeg_with_gps(), visibility="internal")
    assert internal.status_code == 201
    url = internal.json()["url"]
    assert (await client.get(url)).status_code == 404
    assert (await client.get(url, headers=staff)).status_code == 404  # another department
    seen = await client.get(url, headers=agent)
    assert seen.status_code == 200
    assert seen.headers["Cache-Control"] == "private, no-store"
    public = await upload(client, agent, alley, jpeg_with_gps())
    assert (await client.get(public.json()["url"])).status_code == 200


async def test_unknown_or_malformed_media_ids(client: httpx.AsyncClient) -> None:
    missing = await client.get("/api/v1/media/00000000-0000-0000-0000-000000000000")
    assert missing.status_code == 404
    assert (await client.get("/api/v1/media/..%2F..%2Fetc%2Fpasswd")).status_code in (404, 422)
    assert (await client.get("/api/v1/media/not-a-uuid")).status_code == 422


async def test_comments_show_photos_of_the_same_visibility(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    request_id = await new_request(client, agent)
    public = (await upload(client, agent, request_id, jpeg_with_gps())).json()
    internal = (
        await upload(client, agent, request_id, jpeg_with_gps(), visibility="internal")
    ).json()
    elsewhere = await new_request(client, agent)
    foreign = (await upload(client, agent, elsewhere, jpeg_with_gps())).json()
    path = f"/api/v1/requests/{request_id}/comments"
    headers = {**agent, "If-Match": '"v1"'}
    for body, field_message in [
        ({"body": "see", "visibility": "public", "photo_ids": [internal["id"]]}, "internal"),
        ({"body": "see", "visibility": "public", "photo_ids": [foreign["id"]]}, "not a photo"),
    ]:
        refused = await client.post(path, json=body, headers=headers)
        assert refused.status_code == 422, refused.text
        assert field_message in refused.json()["detail"]
    done = await client.post(
        path,
        json={"body": "Before the repair", "visibility": "public", "photo_ids": [public["id"]]},
        headers=headers,
    )
    assert done.status_code == 200, done.text
    timeline = (await client.get(f"/api/v1/requests/{request_id}/timeline", headers=agent)).json()
    comment = timeline["items"][-1]
    assert comment["kind"] == "comment"
    assert comment["data"]["photos"] == public["id"]


@pytest.mark.parametrize(
    ("form", "files"),
    [
        ({"visibility": "public"}, None),
        ({"visibility": "secret"}, {"file": ("a.jpg", b"x", "image/jpeg")}),
    ],
)
async def test_a_malformed_upload_form_is_a_validation_error(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    form: dict[str, str],
    files: dict[str, tuple[str, bytes, str]] | None,
) -> None:
    request_id = await new_request(client, agent)
    answer = await client.post(
        f"/api/v1/requests/{request_id}/photos", data=form, files=files, headers=agent
    )
    assert answer.status_code == 422, answer.text
    assert answer.headers["Content-Type"] == "application/problem+json"


async def test_a_json_body_is_not_an_upload(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    request_id = await new_request(client, agent)
    answer = await client.post(
        f"/api/v1/requests/{request_id}/photos", json={"file": "x"}, headers=agent
    )
    assert answer.status_code == 422
