"""What an agent is offered to turn a message into a request: a service and an address."""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from domain.addresses.in_text import addresses_in
from domain.addresses.model import AddressCandidate
from domain.addresses.ports import Geocoder
from domain.directory.catalog import Service
from domain.directory.permissions import Principal
from domain.directory.ports import ServiceCatalog
from domain.inbox.language import guess_language
from domain.inbox.model import Direction
from domain.inbox.queries import Conversation, InboxReads
from domain.inbox.queue import conversation_of
from domain.knowledge.queries import ArticleSummary, KnowledgeReads
from domain.knowledge.triaging import TriageQuestion, triage_words
from domain.shared.languages import Languages

ADDRESS_CANDIDATES = 3


@dataclass(frozen=True)
class SuggestionSources:
    """The ports suggestions read: the Inbox, the knowledge base, the catalog, the geocoder."""

    inbox: InboxReads
    knowledge: KnowledgeReads
    catalog: ServiceCatalog
    languages: Languages
    geocoder: Geocoder


@dataclass(frozen=True)
class FoundAddress:
    text: str  # as the resident wrote it
    candidates: list[AddressCandidate]  # what the geocoder knows, best first


@dataclass(frozen=True)
class Suggestions:
    case_id: UUID
    text: str  # what the resident wrote, the source of the rest
    services: list[Service]
    articles: list[ArticleSummary]
    addresses: list[FoundAddress]


def resident_text(conversation: Conversation) -> str:
    """The case's summary and every incoming message's body, in order."""
    parts = [conversation.case.summary]
    parts += [m.message.body for m in conversation.messages if m.message.direction is Direction.IN]
    if len(parts) == 1:
        parts.append(conversation.case.notes)
    return "\n".join(p.strip() for p in parts if p.strip())


async def suggest(
    sources: SuggestionSources,
    case_id: UUID,
    principal: Principal,
    *,
    answer_language: str,
    today: date,
) -> Suggestions:
    """The services (from the catalog's keywords and the articles the text is about, as
    triage finds them) and the addresses written in the text, each looked up in the
    geocoder. The case's language, else the one the text reads in, picks how the words are
    matched."""
    conversation = await conversation_of(sources.inbox, case_id, principal)
    text = resident_text(conversation)
    said = conversation.case.language or guess_language(text) or sources.languages.default
    language = sources.languages.pick([said])
    question = TriageQuestion(text, language, answer_language, today)
    answer = await triage_words(
        sources.knowledge, sources.catalog, sources.languages, question, principal
    )
    found = [
        FoundAddress(phrase, await sources.geocoder.search(phrase, ADDRESS_CANDIDATES))
        for phrase in addresses_in(text)
    ]
    return Suggestions(conversation.case.id, text, answer.services, answer.articles, found)
