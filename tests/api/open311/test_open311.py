"""Open311 GeoReport v2: every JSON answer checked against the published schemas."""

import io
import xml.etree.ElementTree as ET
from typing import Any

import httpx
import pytest
from PIL import Image
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.api.open311.open311_support import DEMO_KEY, V2, counts, validate

POINT = {"lat": "39.2904", "long": "-76.6122"}


def pothole(**overrides: str) -> dict[str, str]:
    form = {
        "api_key": DEMO_KEY,
        "service_code": "trm-pothole-repair",
        **POINT,
        "address_string": "100 N Holliday St, Baltimore, MD 21202",
        "attribute[pothole_size]": "large",
        "attribute[depth_inches]": "4",
        "description": "Deep pothole by the bus stop",
        "email": "rosa@example.net",
        "first_name": "Rosa",
        "last_name": "Parks",
        "phone": "410-555-0100",
    }
    form.update(overrides)
    return form


async def post(
    client: httpx.AsyncClient, form: dict[str, Any], fmt: str = "json"
) -> httpx.Response:
    return await client.post(f"{V2}/requests.{fmt}", data=form)


async def created_id(client: httpx.AsyncClient, **overrides: str) -> str:
    answer = await post(client, pothole(**overrides))
    assert answer.status_code == 200, answer.text
    return str(answer.json()[0]["service_request_id"])


def xml(answer: httpx.Response) -> ET.Element:
    assert answer.headers["content-type"] == "text/xml; charset=utf-8"
    return ET.fromstring(answer.content)  # noqa: S314 - our own answer, under test


async def test_discovery_lists_the_endpoint_in_both_formats(client: httpx.AsyncClient) -> None:
    body = (await client.get(f"{V2}/discovery.json")).json()
    assert body["endpoints"][0]["url"] == f"http://testserver{V2}/"
    assert set(body["endpoints"][0]["formats"]) == {"text/xml", "application/json"}
    root = xml(await client.get(f"{V2}/discovery.xml"))
    assert root.tag == "discovery"
    assert [f.text for f in root.findall("endpoints/endpoint/formats/format")] == [
        "text/xml",
        "application/json",
    ]


async def test_services_fit_the_schema_and_keep_their_xml_wrappers(
    client: httpx.AsyncClient,
) -> None:
    answer = await client.get(f"{V2}/services.json")
    assert answer.headers["content-type"] == "application/json; charset=utf-8"
    services = answer.json()
    validate("services.json", services)
    codes = {s["service_code"] for s in services}
    assert "trm-pothole-repair" in codes and "ww-water-no-water" in codes
    pothole_entry = next(s for s in services if s["service_code"] == "trm-pothole-repair")
    assert pothole_entry["metadata"] is True and pothole_entry["type"] == "realtime"
    assert next(s for s in services if s["service_code"] == "sw-recycling")["metadata"] is False
    root = xml(await client.get(f"{V2}/services.xml"))
    assert root.tag == "services"
    assert len(root.findall("service")) == len(services)
    assert root.find("service/metadata").text in ("true", "false")  # type: ignore[union-attr]


async def test_services_at_a_point_use_the_same_filter_as_the_rest_api(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    rest = await client.get("/api/v1/services", params=POINT, headers=agent)
    ours = (await client.get(f"{V2}/services.json", params=POINT)).json()
    assert [s["service_code"] for s in ours] == [s["code"] for s in rest.json()["items"]]
    bad = await client.get(f"{V2}/services.json", params={"lat": "north", "long": "-76"})
    assert bad.status_code == 400
    validate_errors(bad.json())


def validate_errors(body: Any) -> None:
    assert isinstance(body, list) and body
    for error in body:
        assert set(error) == {"code", "description"}
        assert isinstance(error["code"], int) and isinstance(error["description"], str)


async def test_a_definition_covers_all_six_datatypes_across_the_catalog(
    client: httpx.AsyncClient,
) -> None:
    services = (await client.get(f"{V2}/services.json")).json()
    datatypes: set[str] = set()
    for service in services:
        if not service["metadata"]:
            continue
        body = (await client.get(f"{V2}/services/{service['service_code']}.json")).json()
        validate("service-definition.json", body)
        assert body["service_code"] == service["service_code"]
        for attribute in body["attributes"]:
            datatypes.add(attribute["datatype"])
            assert {"variable", "code", "required", "order", "description", "values"} <= set(
                attribute
            )
    assert datatypes == {
        "string",
        "number",
        "datetime",
        "text",
        "singlevaluelist",
        "multivaluelist",
    }


async def test_a_definition_in_xml_keeps_wrappers_around_a_single_child(
    client: httpx.AsyncClient,
) -> None:
    root = xml(await client.get(f"{V2}/services/trm-pothole-repair.xml"))
    assert root.tag == "service_definition"
    assert root.findtext("service_code") == "trm-pothole-repair"
    first = root.findall("attributes/attribute")[0]
    assert first.findtext("code") == "pothole_size" and first.findtext("required") == "true"
    assert [v.findtext("key") for v in first.findall("values/value")] == [
        "small",
        "medium",
        "large",
    ]
    # A service with exactly one attribute still wraps it in <attributes>.
    single = xml(await client.get(f"{V2}/services/hcd-vacant-building.xml"))
    assert len(single.findall("attributes/attribute")) == 1


async def test_unknown_service_is_404_in_both_formats(client: httpx.AsyncClient) -> None:
    answer = await client.get(f"{V2}/services/no-such-service.json")
    assert answer.status_code == 404
    validate_errors(answer.json())
    root = xml(await client.get(f"{V2}/services/no-such-service.xml"))
    assert root.tag == "errors" and root.findtext("error/code") == "404"


async def test_post_creates_a_request_through_the_shared_use_case(
    client: httpx.AsyncClient, seeded: AsyncEngine, agent: dict[str, str]
) -> None:
    answer = await post(client, pothole())
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert isinstance(body, list) and len(body) == 1
    request_id = body[0]["service_request_id"]
    assert isinstance(request_id, str) and body[0]["token"]
    assert body[0]["service_notice"].startswith("We aim to handle this by")
    stored = (await client.get(f"/api/v1/requests/{request_id}", headers=agent)).json()
    assert stored["channel"] == "api"
    assert stored["department"] == "transportation"
    assert stored["attributes"] == {"pothole_size": "large", "depth_inches": 4.0}
    assert stored["reporter"]["email"] == "rosa@example.net"  # kept for staff, as for REST
    assert stored["resident_id"] is not None and stored["expected_datetime"] is not None
    token = (await client.get(f"{V2}/tokens/{body[0]['token']}.json")).json()
    assert token == [{"service_request_id": request_id, "token": body[0]["token"]}]


async def test_a_device_id_makes_it_a_mobile_request(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    request_id = await created_id(client, device_id="phone-123")
    stored = (await client.get(f"/api/v1/requests/{request_id}", headers=agent)).json()
    assert stored["channel"] == "mobile"


async def test_multivaluelist_attributes_take_the_bracket_form(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    form = [
        ("api_key", DEMO_KEY),
        ("service_code", "hcd-illegal-dumping"),
        ("lat", POINT["lat"]),
        ("long", POINT["long"]),
        ("attribute[materials][]", "tires"),
        ("attribute[materials][]", "furniture"),
        ("attribute[seen_dumping_at]", "2026-11-24T22:15:00-05:00"),
    ]
    answer = await client.post(
        f"{V2}/requests.json",
        content=httpx.QueryParams(form).__str__(),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert answer.status_code == 200, answer.text
    request_id = answer.json()[0]["service_request_id"]
    stored = (await client.get(f"/api/v1/requests/{request_id}", headers=agent)).json()
    assert stored["attributes"]["materials"] == ["tires", "furniture"]


async def test_reading_a_request_back_hides_the_reporter(client: httpx.AsyncClient) -> None:
    request_id = await created_id(client)
    answer = await client.get(f"{V2}/requests/{request_id}.json")
    body = answer.json()
    validate("requests.json", body)
    assert len(body) == 1
    request = body[0]
    assert request["service_request_id"] == request_id and request["status"] == "open"
    assert request["service_name"] == "Pothole"
    assert request["agency_responsible"] == "Transportation"
    assert request["media_url"] is None
    assert request["zipcode"] == "21202"
    assert request["requested_datetime"].endswith(("-05:00", "-04:00"))
    assert request["expected_datetime"] is not None
    text = answer.text
    for secret in ("rosa@example.net", "Rosa", "Parks", "410-555-0100"):
        assert secret not in text
    root = xml(await client.get(f"{V2}/requests/{request_id}.xml"))
    assert root.tag == "service_requests"
    assert [r.findtext("service_request_id") for r in root.findall("request")] == [request_id]
    assert "rosa@example.net" not in ET.tostring(root, encoding="unicode")


async def test_closed_requests_read_closed_with_their_public_note(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    request_id = await created_id(client)
    current = await client.get(f"/api/v1/requests/{request_id}", headers=agent)
    etag = current.headers["ETag"]
    commented = await client.post(
        f"/api/v1/requests/{request_id}/comments",
        json={"body": "Crew scheduled for Monday", "visibility": "public"},
        headers={**agent, "If-Match": etag},
    )
    await client.post(
        f"/api/v1/requests/{request_id}/comments",
        json={"body": "internal: call the contractor", "visibility": "internal"},
        headers={**agent, "If-Match": commented.headers["ETag"]},
    )
    etag = (await client.get(f"/api/v1/requests/{request_id}", headers=agent)).headers["ETag"]
    closed = await client.post(
        f"/api/v1/requests/{request_id}/transitions",
        json={"to": "closed", "reason": "resolved"},
        headers={**agent, "If-Match": etag},
    )
    assert closed.status_code == 200, closed.text
    body = (
        await client.get(f"{V2}/requests/{request_id}.json", params={"extensions": "true"})
    ).json()
    validate("requests.json", body)
    assert body[0]["status"] == "closed"
    assert body[0]["status_notes"] == "Crew scheduled for Monday"
    extended = body[0]["extended_attributes"]
    assert extended["channel"] == "api" and extended["duplicate_of"] is None
    notes = [n["description"] for n in extended["notes"]]
    assert [n["type"] for n in extended["notes"]] == ["opened", "comment", "closed"]
    assert extended["notes"][0]["summary"] == "Request opened"
    assert "Crew scheduled for Monday" in notes
    assert "Status changed to closed (resolved)" in notes
    assert not any("internal" in n for n in notes)
    closed_only = (await client.get(f"{V2}/requests.json", params={"status": "closed"})).json()
    assert [r["service_request_id"] for r in closed_only] == [request_id]
    updates = (await client.get(f"{V2}/servicerequestupdates.json")).json()
    mine = [u for u in updates if u["service_request_id"] == request_id]
    assert [u["description"] for u in mine] == [
        "Crew scheduled for Monday",
        "Status changed to closed (resolved)",
    ]
    assert [u["status"] for u in mine] == ["open", "closed"]
    assert all(isinstance(u["update_id"], str) for u in mine)
    root = xml(await client.get(f"{V2}/servicerequestupdates.xml"))
    assert root.tag == "service_request_updates" and root.findall("request_update")


async def test_request_filters(client: httpx.AsyncClient) -> None:
    first = await created_id(client, description="first one on Holliday")
    second = await created_id(client, description="second one")
    everything = (await client.get(f"{V2}/requests.json")).json()
    validate("requests.json", everything)
    assert [r["service_request_id"] for r in everything] == [second, first]
    by_ids = (
        await client.get(
            f"{V2}/requests.json",
            params={"service_request_id": f"{first},{second}", "service_code": "nothing"},
        )
    ).json()
    assert {r["service_request_id"] for r in by_ids} == {first, second}
    by_code = (
        await client.get(f"{V2}/requests.json", params={"service_code": "sw-recycling,x"})
    ).json()
    assert by_code == []
    by_text = (await client.get(f"{V2}/requests.json", params={"q": "second"})).json()
    assert [r["service_request_id"] for r in by_text] == [second]
    page = (await client.get(f"{V2}/requests.json", params={"page_size": "1", "page": "2"})).json()
    assert [r["service_request_id"] for r in page] == [first]
    boxed = await client.get(f"{V2}/requests.json", params={"bbox": "-76.7,39.2,-76.5,39.4"})
    assert len(boxed.json()) == 2
    away = await client.get(f"{V2}/requests.json", params={"bbox": "-77.7,38.2,-77.5,38.4"})
    assert away.json() == []
    agency = await client.get(
        f"{V2}/requests.json", params={"agency_responsible": "transportation"}
    )
    assert len(agency.json()) == 2
    empty_params = await client.get(
        f"{V2}/requests.json", params={"jurisdiction_id": "", "service_code": "", "status": ""}
    )
    assert len(empty_params.json()) == 2
    old = await client.get(
        f"{V2}/requests.json",
        params={"start_date": "2020-01-01T00:00:00Z", "end_date": "2020-02-01T00:00:00-05:00"},
    )
    assert old.status_code == 200 and old.json() == []


@pytest.mark.parametrize(
    "params",
    [
        {"start_date": "2026-01-01T00:00:00Z", "end_date": "2026-06-01T00:00:00Z"},
        {"start_date": "yesterday"},
        {"start_date": "2026-02-01T00:00:00Z", "end_date": "2026-01-01T00:00:00Z"},
        {"status": "pending"},
        {"page_size": "0"},
        {"page": "-1"},
        {"bbox": "1,2,3"},
        {"extensions": "maybe"},
        {"q": "x" * 201},
    ],
)
async def test_bad_filters_are_400(client: httpx.AsyncClient, params: dict[str, str]) -> None:
    answer = await client.get(f"{V2}/requests.json", params=params)
    assert answer.status_code == 400, answer.text
    validate_errors(answer.json())


async def test_unknown_request_and_token_are_404(client: httpx.AsyncClient) -> None:
    for path in ("requests/26-99999999.json", "tokens/nope.json"):
        answer = await client.get(f"{V2}/{path}")
        assert answer.status_code == 404
        validate_errors(answer.json())
    root = xml(await client.get(f"{V2}/requests/26-99999999.xml"))
    assert root.findtext("error/code") == "404"


async def test_jurisdiction_is_optional_and_an_unknown_one_is_404(
    client: httpx.AsyncClient,
) -> None:
    ours = await client.get(f"{V2}/services.json", params={"jurisdiction_id": "frontdoor"})
    assert ours.status_code == 200
    other = await client.get(f"{V2}/services.json", params={"jurisdiction_id": "sfgov.org"})
    assert other.status_code == 404
    validate_errors(other.json())


INJECTION = "'); DROP TABLE service_requests; --<script>alert(1)</script>"


@pytest.mark.parametrize(
    ("form", "status"),
    [
        (pothole(api_key=""), 403),
        (pothole(api_key="wrong-key"), 403),
        (pothole(api_key="frontdoor-demo-partner-key"), 403),
        ({k: v for k, v in pothole().items() if k != "api_key"}, 403),
        (pothole(service_code="no-such-service"), 404),
        (pothole(service_code=INJECTION), 404),
        ({k: v for k, v in pothole().items() if k != "service_code"}, 400),
        (pothole(**{"attribute[pothole_size]": ""}), 400),
        (pothole(**{"attribute[pothole_size]": "enormous"}), 400),
        (pothole(**{"attribute[depth_inches]": "deep"}), 400),
        (pothole(**{"attribute[unknown]": "x"}), 400),
        (pothole(lat="", long="", address_string=""), 400),
        (pothole(lat="91"), 400),
        (pothole(lat="NaN"), 400),
        (pothole(long=""), 400),
        (pothole(email="not an email"), 400),
        (pothole(description="x" * 4001), 400),
        (pothole(description="nul\x00byte"), 400),
        (pothole(jurisdiction_id="elsewhere"), 404),
        (pothole(media_url="javascript:alert(1)"), 400),
        (pothole(address_id="abc", lat="", long="", address_string=""), 400),
        (pothole(address_id="999999999", lat="", long="", address_string=""), 400),
    ],
)
async def test_bad_posts_are_refused_and_write_nothing(
    client: httpx.AsyncClient, seeded: AsyncEngine, form: dict[str, str], status: int
) -> None:
    before = await counts(seeded)
    answer = await post(client, form)
    assert answer.status_code == status, answer.text
    validate_errors(answer.json())
    assert await counts(seeded) == before
    root = xml(await post(client, form, "xml"))
    assert root.tag == "errors" and root.findtext("error/code") == str(status)


async def test_injection_strings_are_stored_as_text(client: httpx.AsyncClient) -> None:
    request_id = await created_id(client, description=INJECTION)
    body = (await client.get(f"{V2}/requests/{request_id}.json")).json()
    assert body[0]["description"] == INJECTION
    root = xml(await client.get(f"{V2}/requests/{request_id}.xml"))
    assert root.findtext("request/description") == INJECTION


async def test_non_form_errors_keep_the_open311_format(client: httpx.AsyncClient) -> None:
    wrong_method = await client.delete(f"{V2}/services.json")
    assert wrong_method.status_code == 405
    validate_errors(wrong_method.json())
    bad_format = await client.get(f"{V2}/services.html")
    assert bad_format.status_code == 400
    validate_errors(bad_format.json())
    too_big = await client.post(
        f"{V2}/requests.xml",
        content=b"x" * (11 * 1024 * 1024),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert too_big.status_code == 413
    assert xml(too_big).findtext("error/code") == "413"
    unknown_path = await client.get(f"{V2}/nothing-here.json")
    assert unknown_path.status_code == 404
    validate_errors(unknown_path.json())
    rest = await client.get("/api/v1/requests/x")
    assert rest.headers["content-type"].startswith("application/problem+json")


FORM = "application/x-www-form-urlencoded"


def photo_with_gps() -> bytes:
    image = Image.new("RGB", (32, 24), (200, 40, 40))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = {1: "N", 2: (39.0, 17.0, 27.0)}  # GPSInfo: where the resident stood
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


async def test_an_uploaded_photo_is_cleaned_kept_and_linked(client: httpx.AsyncClient) -> None:
    sent = photo_with_gps()
    assert Image.open(io.BytesIO(sent)).getexif()  # the fixture really carries EXIF
    ok = await client.post(
        f"{V2}/requests.json", data=pothole(), files={"media": ("p.jpg", sent, "image/jpeg")}
    )
    assert ok.status_code == 200, ok.text
    request_id = ok.json()[0]["service_request_id"]
    for answer in (
        (await client.get(f"{V2}/requests/{request_id}.json")).json()[0],
        (await client.get(f"{V2}/requests.json", params={"service_request_id": request_id})).json()[
            0
        ],
    ):
        media_url = answer["media_url"]
        assert media_url.startswith("http://") and "/api/v1/media/" in media_url
    photo = await client.get(httpx.URL(media_url).path)  # public: no token
    assert photo.status_code == 200 and photo.headers["content-type"] == "image/jpeg"
    kept = Image.open(io.BytesIO(photo.content))
    assert kept.size == (32, 24) and not kept.getexif()


async def test_a_media_url_to_an_internal_address_is_refused(
    client: httpx.AsyncClient, seeded: AsyncEngine
) -> None:
    before = await counts(seeded)
    for url in ("http://127.0.0.1:9/p.jpg", "http://169.254.169.254/latest/meta-data/"):
        refused = await client.post(f"{V2}/requests.json", data=pothole(media_url=url))
        assert refused.status_code == 400, refused.text
        validate_errors(refused.json())
        assert "media_url" in refused.json()[0]["description"]
    assert await counts(seeded) == before


async def test_media_uploads_are_checked(client: httpx.AsyncClient, seeded: AsyncEngine) -> None:
    before = await counts(seeded)
    not_image = await client.post(
        f"{V2}/requests.json",
        data=pothole(),
        files={"media": ("p.png", b"#!/bin/sh\nrm -rf /", "image/png")},
    )
    assert not_image.status_code == 400
    validate_errors(not_image.json())
    assert await counts(seeded) == before


async def test_an_address_id_locates_the_request(
    client: httpx.AsyncClient, seeded: AsyncEngine
) -> None:
    from sqlalchemy import text

    async with seeded.connect() as db:
        row = (await db.execute(text("SELECT id, address FROM address_points LIMIT 1"))).one()
    request_id = await created_id(
        client, lat="", long="", address_string="", address_id=str(row.id)
    )
    body = (await client.get(f"{V2}/requests/{request_id}.json")).json()
    assert body[0]["address"] == row.address and body[0]["lat"] is not None


@pytest.mark.parametrize(
    ("content", "content_type", "status"),
    [
        (b'{"service_code": "trm-pothole-repair"}', "application/json", 403),  # not a form
        (b"--xyz\r\nContent-Disposition: form-data", "multipart/form-data", 400),
        (b"--xyz\r\ngarbage", "multipart/form-data; boundary=xyz", 403),
        ("&".join(f"f{i}=x" for i in range(400)).encode(), FORM, 400),
        (b"api_key=frontdoor-demo-key&service_code=%FF%FE&lat=1&long=1", FORM, 404),
    ],
)
async def test_malformed_bodies_are_open311_errors(
    client: httpx.AsyncClient,
    seeded: AsyncEngine,
    content: bytes,
    content_type: str,
    status: int,
) -> None:
    before = await counts(seeded)
    answer = await client.post(
        f"{V2}/requests.json", content=content, headers={"Content-Type": content_type}
    )
    assert answer.status_code == status, answer.text
    validate_errors(answer.json())
    assert await counts(seeded) == before


async def test_odd_request_ids_are_404_not_500(client: httpx.AsyncClient) -> None:
    for request_id in ("x" * 65, "26-0000%00001", "%27%20OR%201=1--"):
        answer = await client.get(f"{V2}/requests/{request_id}.json")
        assert answer.status_code == 404, answer.text
        validate_errors(answer.json())
    token = await client.get(f"{V2}/tokens/ab%00cd.json")
    assert token.status_code == 404, token.text
    validate_errors(token.json())
