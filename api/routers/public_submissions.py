"""The residents' public write path: report a problem, add its photos, follow a request.

No sign-in and no secret in the browser: the web form is a public client whose submissions go
through the same use case as every channel (channel `web`). Guards: a proof of work, a
honeypot and a minimum fill time (domain/guards); a quota per client address
(api/public_guards.py); an Idempotency-Key on submit (api/idempotency.py).
"""

from typing import Annotated

from fastapi import APIRouter, File, Header, Request, Response, UploadFile, status

from api.deps import ContainerDep
from api.language import AcceptLanguage
from api.problems import problem_responses
from api.public_guards import FollowQuota, PhotoQuota, ReportQuota
from api.public_problems import visitor_language
from api.schemas.media import PhotoOut, media_url
from api.schemas.public_submissions import (
    ChallengeOut,
    ConfirmedOut,
    ConfirmIn,
    FollowAccepted,
    FollowIn,
    PublicRequestCreated,
    PublicRequestIn,
)
from domain.media.model import MAX_PHOTO_BYTES, MediaTooLarge
from domain.media.use_cases import add_resident_photo
from domain.notifications.followers import AskToFollow, ask_to_follow, confirm_following
from domain.requests.public import submit_public_request

PREFIX = "/api/v1/public"
PHOTOS_PATH = PREFIX + "/requests/*/photos"
UPLOAD_MAX_BYTES = MAX_PHOTO_BYTES + 64 * 1024  # the photo and its multipart framing
router = APIRouter(prefix=PREFIX, tags=["public"])

IdempotencyKey = Annotated[
    str,
    Header(
        alias="Idempotency-Key",
        min_length=1,
        max_length=257,
        description="Required: a new random key (a UUID) per form; a retry with the same key "
        "and body gets the first answer, so a double click makes one request",
    ),
]
UploadToken = Annotated[
    str | None,
    Header(alias="X-Upload-Token", max_length=512, description="The `upload_token` of the answer"),
]


def _speak(request: Request, language: str | None) -> str:
    """The form's language, else Accept-Language's: errors from here on, and the emails."""
    chosen = visitor_language(request, {"language": language or ""})
    request.state.visitor_language = chosen
    return chosen


@router.get("/challenge", response_model=ChallengeOut)
async def public_challenge(container: ContainerDep, response: Response) -> ChallengeOut:
    """A proof-of-work challenge for one public form: solve it in the browser (no third party,
    nothing asked of the person), then send `proof: {token, nonce}` with the form."""
    response.headers["Cache-Control"] = "no-store"
    challenge = container.bot_check.challenges.issue(container.clock.now())
    return ChallengeOut(token=challenge.token, difficulty=challenge.difficulty)


@router.post(
    "/requests",
    response_model=PublicRequestCreated,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(400, 404, 409, 413, 422, 429),
)
async def submit_public_report(
    body: PublicRequestIn,
    request: Request,
    container: ContainerDep,
    _client: ReportQuota,
    _key: IdempotencyKey,
    accept_language: AcceptLanguage = None,
) -> PublicRequestCreated:
    """A resident reports a problem from the web, without an account (channel `web`).

    The bot check (proof of work, empty `website`, `started_at` at least a few seconds ago),
    consent, a location (an address alone is enough) and, unless the service allows anonymous
    reports, contact details. Refusals are in the form's `language`, each next to its field;
    nothing is written. A confirmation email follows when an email was given, in `language`.
    """
    command = body.to_command(_speak(request, body.language))
    created = await submit_public_request(
        container.context,
        command,
        body.form_submission(),
        bot_check=container.bot_check,
        hours=container.hours,
        jurisdictions=container.jurisdictions,
        geocoder=container.geocoder,
    )
    settings, now = container.settings, container.clock.now()
    return PublicRequestCreated(
        number=created.id,
        expected_at=created.expected_at,
        follow_url=settings.public_status_url.replace("{number}", created.id),
        upload_token=container.upload_tokens.issue(created.id, now),
    )


@router.post(
    "/requests/{number}/photos",
    response_model=PhotoOut,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(404, 413, 415, 422, 429),
)
async def add_public_photo(
    number: str,
    file: Annotated[UploadFile, File(description="A JPEG, PNG, WebP or GIF image, ≤ 10 MiB")],
    container: ContainerDep,
    response: Response,
    _client: PhotoQuota,
    upload_token: UploadToken = None,
) -> PhotoOut:
    """A photo of the request just sent, with its `upload_token` (good for an hour, five
    photos at most). The type is read from the bytes; EXIF, GPS and other metadata are
    removed by encoding the image again. Public: shown on the request's status page."""
    container.upload_tokens.check(upload_token, number[:64], container.clock.now())
    data = await file.read(MAX_PHOTO_BYTES + 1)
    if len(data) > MAX_PHOTO_BYTES:
        raise MediaTooLarge(f"a photo may be at most {MAX_PHOTO_BYTES} bytes")
    photo = await add_resident_photo(
        container.context,
        number,
        data,
        store=container.media_store,
        cleaner=container.image_cleaner,
    )
    response.headers["Location"] = media_url(photo.id)
    return PhotoOut.of(photo)


@router.post(
    "/requests/{number}/followers",
    response_model=FollowAccepted,
    status_code=status.HTTP_202_ACCEPTED,
    responses=problem_responses(400, 404, 413, 422, 429),
)
async def follow_public_request(
    number: str,
    body: FollowIn,
    request: Request,
    container: ContainerDep,
    _client: FollowQuota,
) -> FollowAccepted:
    """Follow a request instead of reporting it again: an email with a confirm link goes to
    the address (in `language`); nothing is sent to it until the link is used (double
    opt-in). Then it hears of status changes and the closure, as the reporter does."""
    command = AskToFollow(number[:64], body.email, _speak(request, body.language))
    follower = await ask_to_follow(
        container.context, command, body.form_submission(), bot_check=container.bot_check
    )
    return FollowAccepted(number=follower.request_id)


@router.post(
    "/followers/confirm",
    response_model=ConfirmedOut,
    responses=problem_responses(400, 413, 422),
)
async def confirm_public_follower(body: ConfirmIn, container: ContainerDep) -> ConfirmedOut:
    """The confirm link of the email (`/follow/confirm?token=...`) posts its token here; it
    works once."""
    follower = await confirm_following(
        container.context, body.token, tokens=container.follow_tokens
    )
    return ConfirmedOut(number=follower.request_id)
