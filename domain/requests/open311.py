"""Requests that arrive through the Open311 GeoReport v2 API.

They go through the same `open_request` as every other channel (routing, referral, SLA,
reporter and contact); we add the client's token, its own ids and its media URL.
"""

import secrets
from dataclasses import dataclass, replace
from uuid import UUID

from domain.media.model import Photo
from domain.requests.desk import RequestDesk
from domain.requests.model import ServiceRequest
from domain.requests.ports import RequestsUnitOfWork
from domain.requests.submission import SubmitServiceRequest, open_request
from domain.requests.submissions import Open311Submission
from domain.shared.vocabulary import Actor


@dataclass(frozen=True)
class Open311Client:
    """What the client told us about itself; never shown in read output."""

    api_key_id: UUID | None
    device_id: str | None = None
    account_id: str | None = None


async def submit_open311_request(
    desk: RequestDesk[RequestsUnitOfWork],
    command: SubmitServiceRequest,
    client: Open311Client,
    actor: Actor,
    media_url: str | None = None,
    photo: Photo | None = None,
) -> tuple[ServiceRequest, Open311Submission]:
    """Open the request and record its token (and its photo) in one transaction."""
    async with desk.uow() as uow:
        request = await open_request(desk, uow, command, actor)
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
