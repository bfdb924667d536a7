"""Whose quota a request counts against: the peer, or the client a trusted proxy names."""

import pytest
from starlette.requests import Request

from api.public_guards import client_address, trusted_networks

PROXIES = trusted_networks("10.0.0.0/8, 2001:db8:feed::/48")


def request_from(peer: str, forwarded: str | None = None) -> Request:
    headers = [(b"x-forwarded-for", forwarded.encode())] if forwarded is not None else []
    return Request({"type": "http", "client": (peer, 5000), "headers": headers})


@pytest.mark.parametrize(
    ("peer", "forwarded", "client"),
    [
        ("203.0.113.9", "198.51.100.1", "203.0.113.9"),  # not a proxy: its header is ignored
        ("10.0.0.2", None, "10.0.0.2"),  # a proxy that forwards nobody
        ("10.0.0.2", "198.51.100.1", "198.51.100.1"),
        ("10.0.0.2", "1.2.3.4, 198.51.100.1, 10.9.9.9", "198.51.100.1"),  # right-most untrusted
        ("10.0.0.2", "10.1.1.1, 10.2.2.2", "10.0.0.2"),  # only proxies: the peer
        ("10.0.0.2", "not-an-address, 198.51.100.1", "198.51.100.1"),
        ("10.0.0.2", "198.51.100.1, garbage", "10.0.0.2"),  # mangled at our edge: the proxy
        ("2001:db8:feed::1", "2001:db8:beef::7", "2001:db8:beef::7"),
    ],
)
def test_the_client_address(peer: str, forwarded: str | None, client: str) -> None:
    assert client_address(request_from(peer, forwarded), PROXIES) == client


def test_no_proxies_configured_means_the_peer_always() -> None:
    spoofed = request_from("127.0.0.1", "198.51.100.1")
    assert client_address(spoofed, trusted_networks("")) == "127.0.0.1"
