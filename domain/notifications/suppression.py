"""The last check before a text leaves: a phone that texted STOP gets nothing, whichever part
of Frontdoor wrote the text (a resident notification, an inbox acknowledgement or reply)."""

import logging

from domain.notifications.ports import OptOutList, SmsSender
from domain.residents.model import phone_digits

log = logging.getLogger("frontdoor.notifications")


class StopRespectingSms:
    """An SmsSender around another. A text to a stopped phone is dropped, not raised: it must
    not be retried, since only the resident's START lifts the stop."""

    def __init__(self, sender: SmsSender, stopped: OptOutList) -> None:
        self._sender = sender
        self._stopped = stopped

    async def send(self, to: str, text: str) -> None:
        if await self._stopped.has(phone_digits(to)):
            log.info("text withheld: the phone texted STOP")  # no number in logs
            return
        await self._sender.send(to, text)
