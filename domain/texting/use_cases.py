"""A text a resident sent to 311's number: a carrier keyword, or a message for the inbox."""

from datetime import timedelta

from domain.inbox.model import InboundMessage, MessageChannel, Outcome
from domain.inbox.use_cases import receive_message
from domain.notifications.ports import OptOutList
from domain.notifications.wording import message_language
from domain.residents.model import phone_digits
from domain.shared.context import Context
from domain.shared.errors import ValidationFailed
from domain.texting.keywords import Keyword, KeywordText, keyword_in
from domain.texting.model import IncomingText, TextAnswer
from domain.texting.pictures import attachments_of
from domain.texting.ports import PicturePipeline, TextingUnitOfWork
from domain.texting.wording import answer_to

KEYWORD_SOURCE = "keyword"  # how a phone came onto the suppression list


async def receive_text(
    context: Context[TextingUnitOfWork],
    text: IncomingText,
    *,
    opt_outs: OptOutList,
    text_window: timedelta,
    pictures: PicturePipeline | None = None,
) -> TextAnswer:
    """A text that is only a carrier keyword is obeyed and answered; any other goes to the
    inbox (see `receive_message`): onto the conversation this phone had within
    `text_window`, else a new text case. Nothing is answered then: the inbox acknowledges.

    - STOP (and its synonyms) puts the phone on the suppression list: no resident text goes
      to it until it texts START, which takes it off. HELP says what this number is. Each
      keyword is answered in its own language, else the resident's, else English.
    - Pictures are fetched from the provider and kept as photos (`pictures`; without it they
      are listed as not fetched); other files are listed as refused.
    - The provider's resend of a message (same id) is stored once and fetches nothing again.
    """
    phone = phone_digits(text.sender)
    if not phone:
        raise ValidationFailed.single("From", "must be a phone number")
    found = keyword_in(text.body)
    if found is not None:
        return await _obey(context, phone, found, opt_outs)
    if await _stored(context, text):
        return TextAnswer(Outcome.DUPLICATE.value)
    inbound = InboundMessage(
        channel=MessageChannel.TEXT,
        sender=phone,
        external_id=text.external_id,
        subject="",
        body=text.body,
        received_at=text.received_at,
        attachments=await attachments_of(context, text.media, pictures),
    )
    received = await receive_message(context, inbound, text_window=text_window)
    return TextAnswer(received.outcome.value)


async def _stored(context: Context[TextingUnitOfWork], text: IncomingText) -> bool:
    async with context.uow() as work:
        return await work.messages.by_external_id(MessageChannel.TEXT, text.external_id) is not None


async def _obey(
    context: Context[TextingUnitOfWork], phone: str, found: KeywordText, opt_outs: OptOutList
) -> TextAnswer:
    if found.keyword is Keyword.STOP:
        await opt_outs.add(phone, context.clock.now(), KEYWORD_SOURCE)
    elif found.keyword is Keyword.START:
        await opt_outs.remove(phone)
    language = found.language or await _language_of(context, phone)
    return TextAnswer(found.keyword.value, answer_to(found.keyword, language))


async def _language_of(context: Context[TextingUnitOfWork], phone: str) -> str:
    async with context.uow() as work:
        resident = await work.residents.find_by_contact([], [phone])
    return message_language(resident.preferred_language if resident else None)
