"""Residents opt out of email with one click: a signed token in every resident email names the
address it was sent to, and presenting the token puts that address on the suppression list.

A token is `<address>.<mac>`, both base64url without padding: the address (normalised, so
'Rosa@Example.net ' and 'rosa@example.net' share one token) and an HMAC-SHA256 of it under a
key derived from the server secret with its own label, so the key signs nothing else. Tokens do
not expire (an old email's link must keep working); changing the server secret voids them all.
A token names one address only: the MAC covers the whole address, and it is checked in constant
time. The address is readable in the token; only its owner receives it.
"""

import base64
import hashlib
import hmac
import logging
from enum import StrEnum
from uuid import UUID

from domain.directory.permissions import Principal
from domain.notifications.ports import NotificationsUnitOfWork, OptOut, OptOutList
from domain.residents.model import normalise_email
from domain.residents.use_cases import require_resident_access
from domain.shared.clock import Clock
from domain.shared.context import Context
from domain.shared.errors import NotFound, ValidationFailed

log = logging.getLogger("frontdoor.opt_outs")

KEY_LABEL = b"frontdoor email opt-out v1"
MAX_TOKEN_LENGTH = 1024  # an address of 254 bytes makes a token of about 390 characters


class OptOutSource(StrEnum):
    LINK = "link"  # the resident pressed the button on the unsubscribe page
    ONE_CLICK = "one-click"  # the mail client's RFC 8058 one-click POST


def _encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _decode(text: str) -> bytes:
    if not text or not all(c.isascii() and (c.isalnum() or c in "-_") for c in text):
        raise ValueError("not base64url")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _refused() -> ValidationFailed:
    return ValidationFailed.single("token", "is not a valid unsubscribe link; use the one in email")


class OptOutTokens:
    """Issues and reads opt-out tokens with a key derived from the server secret."""

    def __init__(self, secret: str) -> None:
        self._key = hmac.new(secret.encode(), KEY_LABEL, hashlib.sha256).digest()

    def _mac(self, address: str) -> bytes:
        return hmac.new(self._key, address.encode(), hashlib.sha256).digest()

    def issue(self, address: str) -> str:
        normal = normalise_email(address)
        return f"{_encode(normal.encode())}.{_encode(self._mac(normal))}"

    def address_of(self, token: str) -> str:
        """The address the token names; ValidationFailed (field `token`) when it is not ours."""
        if len(token) > MAX_TOKEN_LENGTH:
            raise _refused()
        encoded_address, dot, encoded_mac = token.strip().partition(".")
        if not dot:
            raise _refused()
        try:
            address = _decode(encoded_address).decode("utf-8")
            mac = _decode(encoded_mac)
        except ValueError:  # binascii.Error and UnicodeDecodeError too
            raise _refused() from None
        if not hmac.compare_digest(mac, self._mac(address)) or address != normalise_email(address):
            raise _refused()
        return address


async def opt_out(
    token: str, tokens: OptOutTokens, opt_outs: OptOutList, clock: Clock, source: OptOutSource
) -> None:
    """Stop every resident email to the token's address. Repeating it changes nothing.

    Nothing says whether the address belongs to a resident or a request: the answer is the
    same for every valid token.
    """
    await opt_outs.add(tokens.address_of(token), clock.now(), source)


async def lift_opt_out(
    context: Context[NotificationsUnitOfWork],
    resident_id: UUID,
    address: str,
    by: Principal,
    *,
    opt_outs: OptOutList,
) -> OptOut:
    """At the resident's request, staff turn resident emails back on for one of their addresses.

    The same roles as editing a resident. The address must be one of this resident's and on the
    list; otherwise NotFound, with one message for both cases so that nothing is told about
    other residents' addresses. Who lifted it is logged (residents have no timeline); the
    address itself is not, as logs are not the place for residents' contact details.
    """
    require_resident_access(by)
    async with context.uow() as work:
        resident = await work.residents.get(resident_id)
    if resident is None:
        raise NotFound(f"resident {resident_id} was not found")
    normal = normalise_email(address)
    missing = NotFound("this resident has no such address that stopped emails")
    if normal not in resident.emails:
        raise missing
    lifted = await opt_outs.remove(normal)
    if lifted is None:
        raise missing
    log.info(
        "email opt-out lifted",
        extra={
            "fields": {
                "resident_id": str(resident_id),
                "email_index": resident.emails.index(normal),
                "by_user_id": str(by.user_id),
                "by_role": str(by.role),
                "opted_out_at": lifted.opted_out_at.isoformat(),
                "source": lifted.source,
            }
        },
    )
    return lifted
