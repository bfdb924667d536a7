"""Bodies of the agent's Inbox endpoints."""

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

from pydantic import BaseModel, Field, StringConstraints

from api.schemas.addresses import AddressOut
from api.schemas.contacts import CaseOut, ReferralBody
from api.schemas.knowledge import ArticleItem, ServiceSuggestion
from api.schemas.media import media_url
from api.schemas.requests import AttributeInput, LocationIn, Strict
from domain.cases.model import CaseType
from domain.inbox.model import Attachment, Direction, MessageChannel
from domain.inbox.queries import AuthoredMessage, Conversation, InboxItem, InboxPage
from domain.inbox.reply_templates import ReplyTemplate
from domain.inbox.suggestions import FoundAddress, Suggestions
from domain.inbox.threading import case_reference
from domain.requests.model import Priority
from domain.requests.submission import SubmitServiceRequest

REFERENCE = "The case's number for residents, as it appears in the subject of our emails"


class InboxItemOut(BaseModel):
    case_id: UUID
    reference: str = Field(description=REFERENCE)
    channel: MessageChannel
    summary: str
    sender: str | None = Field(description="The address of the latest incoming message")
    resident_id: UUID | None
    resident_name: str | None
    language: str | None
    created_at: datetime
    last_message_at: datetime | None
    unread: int = Field(description="Incoming messages not yet read")
    messages: int = Field(description="Messages in and out")
    version: int

    @classmethod
    def of(cls, item: InboxItem) -> "InboxItemOut":
        return cls(
            case_id=item.case_id,
            reference=case_reference(item.case_id),
            channel=MessageChannel(item.channel),
            summary=item.summary,
            sender=item.sender,
            resident_id=item.resident_id,
            resident_name=item.resident_name,
            language=item.language,
            created_at=item.created_at,
            last_message_at=item.last_message_at,
            unread=item.unread,
            messages=item.messages,
            version=item.version,
        )


class InboxList(BaseModel):
    items: list[InboxItemOut]
    total: int = Field(description="Cases in the Inbox that match the filters")
    unread_total: int = Field(description="Their unread incoming messages")
    limit: int
    offset: int

    @classmethod
    def of(cls, page: InboxPage, limit: int, offset: int) -> "InboxList":
        return cls(
            items=[InboxItemOut.of(i) for i in page.items],
            total=page.total,
            unread_total=page.unread_total,
            limit=limit,
            offset=offset,
        )


class AttachmentOut(BaseModel):
    filename: str
    content_type: str
    byte_size: int
    photo_url: str | None = Field(description="The photo kept from an image (staff only)")
    refused: str | None = Field(description="Why the file was not kept")

    @classmethod
    def of(cls, a: Attachment) -> "AttachmentOut":
        url = media_url(a.photo_id) if a.photo_id else None
        return cls(
            filename=a.filename,
            content_type=a.content_type,
            byte_size=a.byte_size,
            photo_url=url,
            refused=a.refused,
        )


class MessageOut(BaseModel):
    id: UUID
    direction: Direction
    channel: MessageChannel
    address: str = Field(description="The resident's side: who wrote, or to whom we wrote")
    subject: str
    body: str
    at: datetime
    read_at: datetime | None
    sent_at: datetime | None = Field(description="An outgoing one handed to the provider")
    author_name: str | None = Field(description="The staff member who wrote an outgoing one")
    attachments: list[AttachmentOut]

    @classmethod
    def of(cls, said: AuthoredMessage) -> "MessageOut":
        m = said.message
        return cls(
            id=m.id,
            direction=m.direction,
            channel=m.channel,
            address=m.address,
            subject=m.subject,
            body=m.body,
            at=m.at,
            read_at=m.read_at,
            sent_at=m.sent_at,
            author_name=said.author_name,
            attachments=[AttachmentOut.of(a) for a in m.attachments],
        )


class ConversationOut(BaseModel):
    case: CaseOut
    reference: str = Field(description=REFERENCE)
    in_inbox: bool
    resident_name: str | None
    messages: list[MessageOut] = Field(description="Oldest first")

    @classmethod
    def of(cls, c: Conversation) -> "ConversationOut":
        return cls(
            case=CaseOut.of(c.case),
            reference=case_reference(c.case.id),
            in_inbox=c.case.in_inbox,
            resident_name=c.resident_name,
            messages=[MessageOut.of(m) for m in c.messages],
        )


class ReplyTemplateOut(BaseModel):
    key: str
    title: str
    body: str = Field(description="`${reference}` stands for the case's number")

    @classmethod
    def of(cls, t: ReplyTemplate) -> "ReplyTemplateOut":
        return cls(key=t.key, title=t.title, body=t.body)


class ReplyTemplateList(BaseModel):
    items: list[ReplyTemplateOut]


class ReplyIn(Strict):
    body: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=8000)]
    template: Annotated[str, StringConstraints(max_length=64)] | None = Field(
        default=None, description="The key of the reply template the text started from"
    )


class InboxRequestIn(Strict):
    """A request from a message: the reporter and channel come from the case."""

    service_code: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    description: Annotated[str, StringConstraints(max_length=4000)] = Field(
        default="", description="Public: residents read it on the status page"
    )
    internal_note: Annotated[str, StringConstraints(max_length=4000)] = Field(
        default="", description="Staff only, such as the resident's own words"
    )
    location: LocationIn | None = None
    attributes: dict[Annotated[str, StringConstraints(max_length=64)], AttributeInput] = Field(
        default_factory=dict, max_length=100
    )
    priority: Priority = Priority.NORMAL

    def to_command(self) -> SubmitServiceRequest:
        return SubmitServiceRequest(
            service_code=self.service_code,
            description=self.description,
            location=LocationIn.located(self.location),
            attributes=dict(self.attributes),
            priority=self.priority,
            internal_note=self.internal_note,
        )


class TurnedOut(BaseModel):
    case: CaseOut
    request_id: str = Field(description="The new request's number")


class CloseIn(Strict):
    type: Literal[CaseType.INFORMATION, CaseType.REFERRAL, CaseType.OTHER] = CaseType.INFORMATION
    article_ids: list[Annotated[int, Field(ge=1, le=2**31 - 1)]] = Field(
        default_factory=list, max_length=20, description="The articles the answer came from"
    )
    resolved_on_first_contact: bool | None = None
    referral: ReferralBody | None = Field(default=None, description="Where it was referred")


class FoundAddressOut(BaseModel):
    text: str = Field(description="As the resident wrote it")
    candidates: list[AddressOut] = Field(description="Known addresses, best first")

    @classmethod
    def of(cls, found: FoundAddress) -> "FoundAddressOut":
        return cls(text=found.text, candidates=[AddressOut.of(c) for c in found.candidates])


class SuggestionsOut(BaseModel):
    text: str = Field(description="What the resident wrote, the suggestions' source")
    services: list[ServiceSuggestion] = Field(description="Best first")
    articles: list[ArticleItem]
    addresses: list[FoundAddressOut] = Field(description="Addresses found in the text")

    @classmethod
    def of(cls, s: Suggestions) -> "SuggestionsOut":
        return cls(
            text=s.text,
            services=[ServiceSuggestion(service_code=v.code, name=v.name) for v in s.services],
            articles=[ArticleItem.of(a) for a in s.articles],
            addresses=[FoundAddressOut.of(a) for a in s.addresses],
        )
