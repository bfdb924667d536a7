"""Over TLS, the pinned connection still presents the URL's name (SNI) and checks the
certificate against it, although it connects to the vetted address."""

import asyncio
import ssl
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from adapters.http.ssrf import OutboundPolicy, guarded_client
from tests.integration.http.test_ssrf import ScriptedResolver

NAME = "pinned.test"


def self_signed(directory: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, NAME)])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(hours=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(NAME)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


@pytest.fixture
async def tls_server(tmp_path: Path) -> AsyncIterator[tuple[int, list[str], ssl.SSLContext]]:
    cert, key = self_signed(tmp_path)
    server_side = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_side.load_cert_chain(cert, key)
    names: list[str] = []

    def remember_sni(_socket: ssl.SSLObject, name: str | None, _context: ssl.SSLContext) -> None:
        names.append(name or "")

    server_side.sni_callback = remember_sni  # type: ignore[assignment]

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        host = next(
            line.split(b": ", 1)[1]
            for line in head.split(b"\r\n")
            if line.lower().startswith(b"host:")
        )
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(host), host))
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(answer, "127.0.0.1", 0, ssl=server_side)
    client_side = ssl.create_default_context(cafile=str(cert))
    async with server:
        yield server.sockets[0].getsockname()[1], names, client_side
        server.close()


async def test_tls_names_the_host_while_connecting_to_the_vetted_address(
    tls_server: tuple[int, list[str], ssl.SSLContext],
) -> None:
    port, names, trust = tls_server
    resolver = ScriptedResolver(["127.0.0.1"], ["10.0.0.1"])
    policy = OutboundPolicy(allow_loopback=True, resolver=resolver, tls=trust)
    async with guarded_client(policy) as client:
        answer = await client.get(f"https://{NAME}:{port}/")
    assert answer.status_code == 200
    assert answer.content == f"{NAME}:{port}".encode()
    assert names == [NAME]
    assert resolver.calls == [NAME]


async def test_a_certificate_for_another_name_is_refused(
    tls_server: tuple[int, list[str], ssl.SSLContext],
) -> None:
    port, _, trust = tls_server
    resolver = ScriptedResolver(["127.0.0.1"])
    policy = OutboundPolicy(allow_loopback=True, resolver=resolver, tls=trust)
    async with guarded_client(policy) as client:
        with pytest.raises(httpx.ConnectError, match=r"(?i)certificate"):
            await client.get(f"https://elsewhere.test:{port}/")
