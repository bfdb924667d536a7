"""Real Open311 client libraries from PyPI against `make run`'s server (`python -m api`).

- `civicbot` (its `civicbot.open311.Open311Client`): lists services, reads a definition,
  checks the form against it and posts a request with attributes, a multivaluelist included.
- `georeport` (`GeoReport`): reads services, a definition and the request back, in JSON and
  in XML (through xmltodict, which needs the XML wrappers GeoReport prescribes).
"""

import asyncio
import os
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from civicbot.http import HttpTransport, RateLimiter
from civicbot.open311 import Open311Client
from civicbot.registry import Endpoint
from georeport import GeoReport
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.server import free_port, wait_ready
from tests.api.open311.open311_support import DEMO_KEY, V2, validate
from tests.shared_data import REPO

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture
def server(seeded: AsyncEngine, database_url: str) -> Iterator[str]:
    """`make run`'s start script on the seeded test database and a free port."""
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "PORT": str(port),
        "FRONTDOOR_LOG_LEVEL": "WARNING",
        "FRONTDOOR_INDEX_CHECK_SECONDS": "0",
    }
    process = subprocess.Popen([sys.executable, "-m", "api"], env=env, cwd=REPO)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_ready(base, process)
        yield base + V2
    finally:
        process.terminate()
        process.wait(timeout=30)


def civicbot_client(root: str) -> Open311Client:
    endpoint = Endpoint(id="frontdoor", name="Frontdoor", base_url=root, write=True)
    transport = HttpTransport(rate_limiter=RateLimiter(min_interval=0))
    return Open311Client(endpoint, transport=transport)


def post_with_civicbot(root: str, service_code: str, attributes: dict[str, Any]) -> Any:
    prepared = civicbot_client(root).create_request(
        service_code,
        dry_run=False,
        confirm="SEND",
        api_key=DEMO_KEY,
        validate_remote=True,  # fetches the service list and the definition, checks the form
        lat=39.2904,
        lng=-76.6122,
        description="Reported through an Open311 client library",
        attributes=attributes,
        email="client@example.net",
    )
    return prepared.response


async def test_civicbot_lists_reads_a_definition_and_posts(server: str) -> None:
    client = civicbot_client(server)
    services = await asyncio.to_thread(client.list_services)
    validate("services.json", services)
    assert "trm-pothole-repair" in {s["service_code"] for s in services}
    definition = await asyncio.to_thread(client.get_service_definition, "trm-pothole-repair")
    validate("service-definition.json", definition)
    attributes = {"pothole_size": "large", "position": "travel-lane", "depth_inches": "3"}
    created = await asyncio.to_thread(post_with_civicbot, server, "trm-pothole-repair", attributes)
    request_id = created[0]["service_request_id"]
    read = await asyncio.to_thread(client.get_request, request_id)
    validate("request.json", read)
    assert read["service_code"] == "trm-pothole-repair" and read["status"] == "open"
    token = await asyncio.to_thread(client.get_token, created[0]["token"])
    assert token[0]["service_request_id"] == request_id
    dumping = {"materials": ["tires", "furniture"]}
    many = await asyncio.to_thread(post_with_civicbot, server, "hcd-illegal-dumping", dumping)
    assert many[0]["service_request_id"] != request_id


async def test_georeport_reads_back_in_json_and_xml(server: str) -> None:
    attributes = {"pothole_size": "medium"}
    created = await asyncio.to_thread(post_with_civicbot, server, "trm-pothole-repair", attributes)
    request_id = created[0]["service_request_id"]
    as_json = GeoReport(server, output_format="json")
    as_xml = GeoReport(server, output_format="xml")

    json_request = await asyncio.to_thread(as_json.get_service_request, request_id)
    xml_request = await asyncio.to_thread(as_xml.get_service_request, request_id)
    validate("request.json", json_request)
    assert xml_request["service_request_id"] == json_request["service_request_id"] == request_id
    assert xml_request["service_code"] == "trm-pothole-repair"
    assert xml_request["requested_datetime"] == json_request["requested_datetime"]
    assert "client@example.net" not in str(xml_request) + str(json_request)

    xml_services = await asyncio.to_thread(as_xml.get_service_list)
    json_services = await asyncio.to_thread(as_json.get_service_list)
    assert [s["service_code"] for s in xml_services] == [s["service_code"] for s in json_services]
    xml_definition = await asyncio.to_thread(as_xml.get_service_definition, "trm-pothole-repair")
    codes = [a["code"] for a in xml_definition["attributes"]["attribute"]]
    assert codes == ["pothole_size", "position", "depth_inches"]
    listed = await asyncio.to_thread(as_json.get_service_requests, service_request_id=request_id)
    assert [r["service_request_id"] for r in listed] == [request_id]
