"""Residents text 311: Twilio posts each text here (its inbound-message webhook)."""

from datetime import timedelta
from typing import Any

from fastapi import APIRouter, Request, Response

from api.deps import ContainerDep
from api.problems import problem_responses
from api.twilio_form import TWIML, incoming_text, signed_url, twiml
from domain.shared.errors import Forbidden
from domain.texting.use_cases import receive_text

router = APIRouter(prefix="/api/v1/inbound", tags=["inbound"])

MAX_FIELDS = 64  # Twilio's form has about 30 fields, and two per picture
TWILIO_PATH = "/api/v1/inbound/sms/twilio"
TWILIO_MAX_BYTES = 64 * 1024  # a text of 1600 characters and its fields is a few KiB

FORM: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/x-www-form-urlencoded": {
                "schema": {
                    "type": "object",
                    "required": ["From", "MessageSid"],
                    "properties": {
                        name: {"type": "string"}
                        for name in ("From", "To", "Body", "MessageSid", "NumMedia",
                                     "MediaUrl0", "MediaContentType0")
                    },
                    "additionalProperties": {"type": "string"},
                }
            }
        },
    },
    "parameters": [
        {
            "name": "X-Twilio-Signature",
            "in": "header",
            "required": True,
            "schema": {"type": "string"},
            "description": "Twilio's HMAC-SHA1 of the URL and the form, with the auth token",
        }
    ],
}  # fmt: skip
RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "TwiML: `<Response/>`, or a `<Message>` texted back (HELP, STOP, START)",
        "content": {TWIML: {"schema": {"type": "string"}}},
    },
    **problem_responses(400, 403, 413, 422),
}


@router.post("/sms/twilio", response_class=Response, responses=RESPONSES, openapi_extra=FORM)
async def receive_twilio_text(request: Request, container: ContainerDep) -> Response:
    """Only Twilio calls this: the `X-Twilio-Signature` of the URL and form must match the
    account's auth token, or the answer is 403 and nothing is written.

    A text that is only a carrier keyword is obeyed and answered: STOP (STOPALL, UNSUBSCRIBE,
    CANCEL, END, QUIT, REVOKE, OPTOUT; PARAR, ALTO, CANCELAR) stops every text to the number,
    START (UNSTOP) turns them back on, HELP (INFO, AYUDA) says what this number is.

    Any other text goes to the Inbox: onto the conversation the same phone had within
    FRONTDOOR_TEXT_THREAD_HOURS, else a new `text` case. Pictures (MediaUrl0…) are fetched
    from Twilio and kept as photos without metadata; other files are listed as refused."""
    form = await request.form(max_files=0, max_fields=MAX_FIELDS)
    params = [(name, value) for name, value in form.multi_items() if isinstance(value, str)]
    url = signed_url(request, container.settings.public_base_url)
    given = request.headers.get("X-Twilio-Signature")
    if not container.text_signatures.valid(url, params, given):
        raise Forbidden("the X-Twilio-Signature does not match this request")
    text = incoming_text(dict(params), container.clock.now())
    answer = await receive_text(
        container.context,
        text,
        opt_outs=container.sms_opt_outs,
        text_window=timedelta(hours=container.settings.text_thread_hours),
        pictures=container.text_pictures,
    )
    return Response(twiml(answer.reply), media_type=TWIML)
