"""A text a resident sent to 311's number: a carrier keyword, or a message for the inbox."""

from dataclasses import dataclass
from datetime import datetime

from domain.notifications.ports import OptOutList
from domain.notifications.wording import message_language
from domain.residents.model import phone_digits
from domain.residents.ports import ResidentsUnitOfWork
from domain.shared.context import Context
from domain.shared.errors import ValidationFailed
from domain.texting.keywords import Keyword, KeywordText, keyword_in
from domain.texting.wording import answer_to

KEYWORD_SOURCE = "keyword"  # how a phone came onto the suppression list


@dataclass(frozen=True)
class TextMedia:
    """A picture the provider holds for us; its URL needs the provider's credentials."""

    url: str
    content_type: str


@dataclass(frozen=True)
class IncomingText:
    sender: str  # the number as the provider wrote it (+14105550123)
    body: str
    external_id: str  # the provider's id of this message
    received_at: datetime
    media: tuple[TextMedia, ...] = ()


@dataclass(frozen=True)
class TextAnswer:
    """What became of the text, and the text to answer with at once (None: no answer)."""

    outcome: str  # a Keyword value, or the inbox's outcome
    reply: str | None = None


async def receive_text(
    context: Context[ResidentsUnitOfWork], text: IncomingText, *, opt_outs: OptOutList
) -> TextAnswer:
    """STOP (and its synonyms) puts the phone on the suppression list: no resident text goes
    to it, until it texts START, which takes it off. HELP is answered with what this number
    is. Each keyword is answered in the keyword's language, else the resident's, else English.
    """
    phone = phone_digits(text.sender)
    if not phone:
        raise ValidationFailed.single("From", "must be a phone number")
    found = keyword_in(text.body)
    if found is None:
        return TextAnswer("unhandled")
    return await _obey(context, phone, found, opt_outs)


async def _obey(
    context: Context[ResidentsUnitOfWork], phone: str, found: KeywordText, opt_outs: OptOutList
) -> TextAnswer:
    if found.keyword is Keyword.STOP:
        await opt_outs.add(phone, context.clock.now(), KEYWORD_SOURCE)
    elif found.keyword is Keyword.START:
        await opt_outs.remove(phone)
    language = found.language or await _language_of(context, phone)
    return TextAnswer(found.keyword.value, answer_to(found.keyword, language))


async def _language_of(context: Context[ResidentsUnitOfWork], phone: str) -> str:
    async with context.uow() as work:
        resident = await work.residents.find_by_contact([], [phone])
    return message_language(resident.preferred_language if resident else None)
