"""Outbound HTTP that cannot be pointed at the inside (SSRF guard).

Every connection resolves its host once, refuses it when any address is internal (loopback,
private, link-local, multicast, reserved, unspecified, or an IPv4-mapped IPv6 form of one),
and connects to the vetted address itself: a second resolution (DNS rebinding) never
happens. TLS still verifies, and SNI and Host still name, the host of the URL. Redirects are
followed up to a limit, and every hop's connection is vetted the same way.
"""

import asyncio
import ipaddress
import socket
import ssl
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import httpcore
import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


class ForbiddenDestination(Exception):
    """The target resolves to an address outbound requests may not reach."""


class Resolver(Protocol):
    async def resolve(self, host: str, port: int) -> list[str]: ...


class SystemResolver:
    async def resolve(self, host: str, port: int) -> list[str]:
        loop = asyncio.get_running_loop()
        try:
            answers = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError:  # socket.gaierror: no such name, or no resolver reachable
            return []
        return list(dict.fromkeys(str(sockaddr[0]) for *_, sockaddr in answers))


@dataclass(frozen=True)
class OutboundPolicy:
    allow_loopback: bool = False
    allowed_networks: tuple[IPNetwork, ...] = ()
    timeout_seconds: float = 10.0
    max_redirects: int = 3
    user_agent: str = "Frontdoor/0.1 (+outbound)"
    resolver: Resolver = field(default_factory=SystemResolver)
    tls: ssl.SSLContext | None = None  # None: the certifi trust store

    @staticmethod
    def networks(cidrs: str) -> tuple[IPNetwork, ...]:
        """`10.1.0.0/16, fd00::/8` → networks; a bad entry raises ValueError."""
        return tuple(ipaddress.ip_network(c.strip()) for c in cidrs.split(",") if c.strip())

    def permits(self, address: IPAddress) -> bool:
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            address = address.ipv4_mapped
        if any(address in network for network in self.allowed_networks):
            return True
        if address.is_loopback:
            return self.allow_loopback
        return not _internal(address)


def _internal(address: IPAddress) -> bool:
    return (
        address.is_private
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or address.is_loopback
        or not address.is_global
    )


async def vetted_addresses(policy: OutboundPolicy, host: str, port: int) -> list[str]:
    """The host's addresses, all of which the policy permits; else ForbiddenDestination."""
    literal = _literal(host)
    answers = [host.strip("[]")] if literal else await policy.resolver.resolve(host, port)
    if not answers:
        raise ForbiddenDestination(f"{host} does not resolve")
    for answer in answers:
        address = ipaddress.ip_address(answer.split("%", 1)[0])
        if not policy.permits(address):
            raise ForbiddenDestination(f"{host} resolves to {address}, which is not allowed")
    return answers


def _literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


class PinningBackend(httpcore.AsyncNetworkBackend):
    """Resolves and vets once per connection, then connects to the vetted address."""

    def __init__(self, policy: OutboundPolicy) -> None:
        self._policy = policy
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109 (httpcore's interface)
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        addresses = await vetted_addresses(self._policy, host, port)
        error: Exception | None = None
        for address in addresses:
            try:
                return await self._inner.connect_tcp(
                    address, port, timeout, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as failure:
                error = failure
        assert error is not None
        raise error

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,  # noqa: ASYNC109 (httpcore's interface)
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise ForbiddenDestination("unix sockets are not an outbound destination")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class PinningTransport(httpx.AsyncHTTPTransport):
    """httpx's transport over a connection pool whose every connection is vetted and pinned.
    Proxies from the environment are ignored: a proxy would resolve the name itself."""

    def __init__(self, policy: OutboundPolicy) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=policy.tls or httpx.create_ssl_context(trust_env=False),
            network_backend=PinningBackend(policy),
            max_connections=20,
            keepalive_expiry=5.0,
        )


def guarded_client(
    policy: OutboundPolicy, headers: Sequence[tuple[str, str]] = ()
) -> httpx.AsyncClient:
    """An AsyncClient for URLs that outsiders chose (media URLs, webhooks)."""
    return httpx.AsyncClient(
        transport=PinningTransport(policy),
        timeout=httpx.Timeout(policy.timeout_seconds),
        follow_redirects=True,
        max_redirects=policy.max_redirects,
        trust_env=False,
        headers=[("User-Agent", policy.user_agent), *headers],
    )
