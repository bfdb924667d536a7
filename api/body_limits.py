"""Which body limit each route has: FRONTDOOR_MAX_BODY_BYTES unless named here.

A route that takes uploads or imports declares its larger cap beside itself; a form that only
a webhook sends gets a smaller one. FRONTDOOR_BODY_LIMITS overrides any of them (or adds one)
per path prefix: `/api/v1/jurisdictions/import=104857600,/api/v1/requests/*/photos=5242880`.
"""

from api.body_limit import parse_body_limits
from api.open311 import routes as open311
from api.routers import (
    addresses,
    call_records,
    inbound_texts,
    jurisdictions,
    media,
    public_submissions,
    unsubscribe,
)

UNSUBSCRIBE_MAX_BYTES = 16 * 1024  # a token, in a JSON body or a one-click form


def route_body_limits(overrides: str = "") -> dict[str, int]:
    limits = {
        jurisdictions.IMPORT_PATH: jurisdictions.IMPORT_LIMIT,
        addresses.IMPORT_PATH: addresses.IMPORT_MAX_BYTES,
        call_records.PATH: call_records.MAX_BYTES,
        open311.PREFIX + "/requests": open311.POST_LIMIT,
        media.PHOTOS_PATH: media.UPLOAD_MAX_BYTES,
        public_submissions.PHOTOS_PATH: public_submissions.UPLOAD_MAX_BYTES,
        inbound_texts.TWILIO_PATH: inbound_texts.TWILIO_MAX_BYTES,
        unsubscribe.ONE_CLICK_PATH: UNSUBSCRIBE_MAX_BYTES,
    }
    return limits | parse_body_limits(overrides)
