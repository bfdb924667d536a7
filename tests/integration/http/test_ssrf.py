"""The SSRF guard: internal targets are refused, and the vetted address is the one used."""

import ipaddress
from collections.abc import Sequence

import httpx
import pytest

from adapters.http.ssrf import ForbiddenDestination, OutboundPolicy, guarded_client
from tests.integration.http.loopback_server import serving


class ScriptedResolver:
    """Answers from a script, one answer list per call (the last one repeats)."""

    def __init__(self, *answers: Sequence[str]) -> None:
        self._answers = [list(a) for a in answers]
        self.calls: list[str] = []

    async def resolve(self, host: str, port: int) -> list[str]:
        self.calls.append(host)
        return self._answers[min(len(self.calls), len(self._answers)) - 1]


def _routes(path: str) -> tuple[int, dict[str, str], bytes]:
    if path == "/ok":
        return 200, {"Content-Type": "text/plain"}, b"hello"
    if path.startswith("/to/"):
        return 302, {"Location": path.removeprefix("/to/")}, b""
    return 404, {}, b""


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.1.2.3",
        "10.0.0.8",
        "172.16.5.4",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",  # noqa: S104
        "224.0.0.1",
        "255.255.255.255",
        "240.0.0.1",
        "::1",
        "::",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "::ffff:169.254.169.254",
        "fe80::1",
        "fc00::1",
        "ff02::1",
    ],
)
def test_internal_addresses_are_refused_by_default(address: str) -> None:
    assert not OutboundPolicy().permits(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"])
def test_public_addresses_are_permitted(address: str) -> None:
    assert OutboundPolicy().permits(ipaddress.ip_address(address))


def test_configuration_opens_loopback_or_chosen_networks_only() -> None:
    loopback = OutboundPolicy(allow_loopback=True)
    assert loopback.permits(ipaddress.ip_address("127.0.0.1"))
    assert loopback.permits(ipaddress.ip_address("::ffff:127.0.0.1"))
    assert not loopback.permits(ipaddress.ip_address("10.0.0.1"))
    listed = OutboundPolicy(allowed_networks=OutboundPolicy.networks("10.1.0.0/16, fd00::/8"))
    assert listed.permits(ipaddress.ip_address("10.1.2.3"))
    assert listed.permits(ipaddress.ip_address("fd00::5"))
    assert not listed.permits(ipaddress.ip_address("10.2.0.1"))
    with pytest.raises(ValueError):
        OutboundPolicy.networks("10.0.0.0/33")


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:{port}/ok",
        "http://10.0.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:{port}/ok",
        "http://[::ffff:127.0.0.1]:{port}/ok",
        "http://[::ffff:7f00:1]:{port}/ok",
        "http://0.0.0.0:{port}/ok",
    ],
)
async def test_literal_internal_targets_are_refused_before_connecting(url: str) -> None:
    async with serving(_routes) as (port, seen), guarded_client(OutboundPolicy()) as client:
        with pytest.raises(ForbiddenDestination):
            await client.get(url.format(port=port))
    assert seen.connections == 0


async def test_a_name_that_resolves_inside_is_refused() -> None:
    resolver = ScriptedResolver(["10.20.30.40"])
    async with guarded_client(OutboundPolicy(resolver=resolver)) as client:
        with pytest.raises(ForbiddenDestination, match=r"10\.20\.30\.40"):
            await client.get("http://intranet.example/")
    assert resolver.calls == ["intranet.example"]


async def test_one_internal_answer_among_public_ones_is_enough_to_refuse() -> None:
    resolver = ScriptedResolver(["93.184.215.14", "127.0.0.1"])
    async with guarded_client(OutboundPolicy(resolver=resolver)) as client:
        with pytest.raises(ForbiddenDestination):
            await client.get("http://mixed.example/")


async def test_loopback_is_reachable_when_configured() -> None:
    policy = OutboundPolicy(allow_loopback=True)
    async with serving(_routes) as (port, seen), guarded_client(policy) as client:
        answer = await client.get(f"http://127.0.0.1:{port}/ok")
    assert (answer.status_code, answer.content) == (200, b"hello")
    assert seen.paths == ["/ok"]


@pytest.mark.parametrize(
    "target", ["http://10.0.0.1/", "http://169.254.169.254/", "http://[::ffff:10.0.0.1]/"]
)
async def test_a_redirect_to_an_internal_address_is_refused(target: str) -> None:
    policy = OutboundPolicy(allow_loopback=True)
    async with serving(_routes) as (port, seen), guarded_client(policy) as client:
        with pytest.raises(ForbiddenDestination):
            await client.get(f"http://127.0.0.1:{port}/to/{target}")
    assert seen.paths == [f"/to/{target}"]


async def test_a_redirect_through_a_name_is_vetted_on_its_own_hop() -> None:
    resolver = ScriptedResolver(["192.168.0.10"])
    policy = OutboundPolicy(allow_loopback=True, resolver=resolver)
    async with serving(_routes) as (port, _), guarded_client(policy) as client:
        with pytest.raises(ForbiddenDestination):
            await client.get(f"http://127.0.0.1:{port}/to/http://printer.lan/")
    assert resolver.calls == ["printer.lan"]


async def test_the_redirect_limit_holds() -> None:
    policy = OutboundPolicy(allow_loopback=True, max_redirects=2)
    async with serving(_routes) as (port, seen), guarded_client(policy) as client:
        hop = f"http://127.0.0.1:{port}/ok"
        for _ in range(3):
            hop = f"http://127.0.0.1:{port}/to/{hop}"
        with pytest.raises(httpx.TooManyRedirects):
            await client.get(hop)
    assert len(seen.paths) == 3


async def test_the_connection_is_pinned_to_the_vetted_address() -> None:
    # The first answer is vetted (loopback is allowed here); a rebinding DNS server would
    # answer an internal address next time. The client must never ask again for the same
    # connection, and must still send the name as Host.
    resolver = ScriptedResolver(["127.0.0.1"], ["10.0.0.99"])
    policy = OutboundPolicy(allow_loopback=True, resolver=resolver)
    async with serving(_routes) as (port, seen), guarded_client(policy) as client:
        first = await client.get(f"http://rebind.example:{port}/ok")
        second = await client.get(f"http://rebind.example:{port}/ok")
    assert first.status_code == second.status_code == 200
    assert seen.hosts == [f"rebind.example:{port}"] * 2
    assert seen.connections == 1
    assert resolver.calls == ["rebind.example"]


async def test_a_new_connection_is_vetted_again_and_a_rebound_name_is_refused() -> None:
    resolver = ScriptedResolver(["127.0.0.1"], ["10.0.0.99"])
    policy = OutboundPolicy(allow_loopback=True, resolver=resolver)
    async with serving(_routes) as (port, _):
        async with guarded_client(policy) as client:
            assert (await client.get(f"http://rebind.example:{port}/ok")).status_code == 200
        async with guarded_client(policy) as client:
            with pytest.raises(ForbiddenDestination, match=r"10\.0\.0\.99"):
                await client.get(f"http://rebind.example:{port}/ok")
