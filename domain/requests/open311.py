"""Requests that arrive through the Open311 GeoReport v2 API.

They go through the same `open_request` as every other channel (routing, referral, SLA,
reporter and contact); we add the client's token, its own ids and its media URL.
"""

import secrets
from dataclasses import dataclass, replace
from uuid import UUID

from domain.addresses.ports import Geocoder
from domain.jurisdictions.ports import JurisdictionResolver
from domain.media.model import MediaTooLarge, Photo, UnsupportedMedia
from domain.media.ports import ImageCleaner, MediaStore, RemoteFiles
from domain.media.use_cases import fetch_remote_photo, prepare_photo
from domain.requests.model import ServiceRequest
from domain.requests.ports import RequestsUnitOfWork
from domain.requests.submission import SubmitServiceRequest, open_request
from domain.requests.submissions import Open311Submission
from domain.shared.context import Context
from domain.shared.errors import DomainError, ValidationFailed
from domain.shared.sla import BusinessHours
from domain.shared.transaction import Transaction
from domain.shared.vocabulary import Actor


@dataclass(frozen=True)
class Open311Client:
    """What the client told us about itself; never shown in read output."""

    api_key_id: UUID | None
    device_id: str | None = None
    account_id: str | None = None


async def submit_open311_request(
    context: Context[RequestsUnitOfWork],
    command: SubmitServiceRequest,
    client: Open311Client,
    actor: Actor,
    media_url: str | None = None,
    photo: Photo | None = None,
    *,
    hours: BusinessHours,
    jurisdictions: JurisdictionResolver,
    geocoder: Geocoder,
) -> tuple[ServiceRequest, Open311Submission]:
    """Open the request and record its token (and its photo) in one transaction."""
    async with context.uow() as uow:
        request = await open_request(
            context,
            uow,
            command,
            actor,
            hours=hours,
            jurisdictions=jurisdictions,
            geocoder=geocoder,
        )
        submission = Open311Submission(
            request_id=request.id,
            token=secrets.token_urlsafe(16),
            created_at=request.requested_at,
            api_key_id=client.api_key_id,
            device_id=client.device_id,
            account_id=client.account_id,
            media_url=media_url,
        )
        await uow.open311_submissions.add(submission)
        if photo is not None:
            await uow.photos.add(replace(photo, request_id=request.id))
        await uow.commit()
    return request, submission


@dataclass(frozen=True)
class SentMedia:
    """The photo a client sent with a request: a file's bytes, or a `media_url` to fetch."""

    data: bytes | None = None
    url: str | None = None


class MediaRefused(DomainError):
    """The sent photo cannot be used; the detail names the field first ("media: ...")."""


async def submit_open311_report(
    context: Context[RequestsUnitOfWork],
    command: SubmitServiceRequest,
    client: Open311Client,
    actor: Actor,
    sent: SentMedia,
    *,
    hours: BusinessHours,
    jurisdictions: JurisdictionResolver,
    geocoder: Geocoder,
    store: MediaStore,
    cleaner: ImageCleaner,
    remote: RemoteFiles,
) -> tuple[ServiceRequest, Open311Submission]:
    """Clean and keep the sent photo, if any, then open the request with it (see
    `submit_open311_request`): a photo that cannot be used refuses the request."""
    photo = await _sent_photo(context, sent, store=store, cleaner=cleaner, remote=remote)
    return await submit_open311_request(
        context,
        command,
        client,
        actor,
        hours=hours,
        jurisdictions=jurisdictions,
        geocoder=geocoder,
        photo=photo,
    )


async def _sent_photo(
    context: Context[Transaction],
    sent: SentMedia,
    *,
    store: MediaStore,
    cleaner: ImageCleaner,
    remote: RemoteFiles,
) -> Photo | None:
    try:
        if sent.data is not None:
            return await prepare_photo(context, sent.data, store=store, cleaner=cleaner)
        if sent.url:
            return await fetch_remote_photo(
                context, sent.url, store=store, cleaner=cleaner, remote=remote
            )
    except (UnsupportedMedia, MediaTooLarge) as refused:
        raise MediaRefused(f"media: {refused}") from None
    except ValidationFailed as refused:
        raise MediaRefused(f"media_url: {refused}") from None
    return None
