"""Guards of the public write path that belong to HTTP: who the client is, and its quota.

The client address is the peer's, unless the peer is one of FRONTDOOR_TRUSTED_PROXIES: then
it is the right-most address of X-Forwarded-For that is not a trusted proxy itself (the
left-most entries are whatever the client chose to send, so they are never believed).
"""

from collections.abc import Awaitable, Callable
from datetime import timedelta
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network, ip_address, ip_network
from typing import Annotated

from fastapi import Depends, Request

from api.bootstrap import Container
from api.deps import ContainerDep
from api.rate_limits import record, refusal

Network = IPv4Network | IPv6Network
HOUR = timedelta(hours=1)


def trusted_networks(setting: str) -> tuple[Network, ...]:
    return tuple(ip_network(c.strip(), strict=False) for c in setting.split(",") if c.strip())


def _address(text: str) -> IPv4Address | IPv6Address | None:
    try:
        return ip_address(text.strip())
    except ValueError:
        return None


def _trusted(address: IPv4Address | IPv6Address | None, proxies: tuple[Network, ...]) -> bool:
    return address is not None and any(address in network for network in proxies)


def client_address(request: Request, proxies: tuple[Network, ...]) -> str:
    peer = request.client.host if request.client else "unknown"
    if not _trusted(_address(peer), proxies):
        return peer
    forwarded = ",".join(request.headers.getlist("x-forwarded-for"))
    for hop in reversed([h.strip() for h in forwarded.split(",") if h.strip()]):
        address = _address(hop)
        if address is None:
            return peer  # a mangled chain: count the proxy, not a made-up client
        if not _trusted(address, proxies):
            return str(address)
    return peer


def _quota(kind: str, share: int) -> Callable[[Request, Container], Awaitable[str]]:
    async def count_attempt(request: Request, container: ContainerDep) -> str:
        settings, now = container.settings, container.clock.now()
        client = client_address(request, trusted_networks(settings.trusted_proxies))
        limit = settings.public_submissions_per_hour * share
        quota = await container.rate_limiter.hit(f"public:{kind}:{client}", limit, HOUR, now)
        record(request, kind, quota)
        if not quota.allowed:
            raise refusal(f"too many {kind} attempts from this address", quota)
        return client

    return count_attempt


# Every attempt counts, before its body is even read, per client address and hour:
# FRONTDOOR_PUBLIC_SUBMISSIONS_PER_HOUR reports (10 by default), as many follows, and five
# photos per report. The value is the client address.
ReportQuota = Annotated[str, Depends(_quota("report", 1))]
FollowQuota = Annotated[str, Depends(_quota("follow", 1))]
PhotoQuota = Annotated[str, Depends(_quota("photo", 5))]
SurveyQuota = Annotated[str, Depends(_quota("survey", 2))]  # a score, then a comment
