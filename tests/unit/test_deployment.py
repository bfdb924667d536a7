"""docker-compose.yml scales: `--scale api=N` needs an API with no host port of its own, a
balancer that finds every replica, and workers apart from the API."""

import re
from pathlib import Path

import yaml  # type: ignore[import-untyped]  # PyYAML comes with the dev tools, untyped

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
HAPROXY = (ROOT / "deploy" / "haproxy.cfg").read_text()
SERVICES = COMPOSE["services"]


def test_api_replicas_publish_no_host_port() -> None:
    api = SERVICES["api"]
    assert "ports" not in api, "a fixed host port lets only one replica bind"
    assert api["expose"] == ["8000"]


def test_the_balancer_is_the_one_published_port_and_finds_every_replica() -> None:
    published = [name for name, service in SERVICES.items() if service.get("ports")]
    assert published == ["balancer"]
    assert (
        "./deploy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro"
        in (SERVICES["balancer"]["volumes"])
    )
    template = re.search(r"server-template \w+ (\d+) (\w+):(\d+)", HAPROXY)
    assert template is not None
    slots, service, port = template.groups()
    assert (service, port) == ("api", SERVICES["api"]["expose"][0])
    assert int(slots) >= 8
    assert "option httpchk GET /healthz" in HAPROXY
    assert "resolvers docker" in HAPROXY and "nameserver dns 127.0.0.11:53" in HAPROXY


def test_workers_run_apart_from_the_api_replicas() -> None:
    assert SERVICES["api"]["environment"]["FRONTDOOR_RUN_WORKER"] == "false"
    worker = SERVICES["worker"]
    assert worker["command"] == ["worker"]
    assert worker["image"] == SERVICES["api"]["image"]
    assert "ports" not in worker and "expose" not in worker


def test_replicas_share_no_volume_and_one_database() -> None:
    for name in ("api", "worker"):
        service = SERVICES[name]
        assert "volumes" not in service
        assert service["environment"]["FRONTDOOR_MEDIA_BACKEND"] == "postgres"
        assert "@postgres:5432/" in service["environment"]["DATABASE_URL"]
