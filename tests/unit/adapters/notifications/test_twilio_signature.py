"""X-Twilio-Signature: checked against a signature computed here, independently, from the
algorithm Twilio documents (HMAC-SHA1 over the URL then each sorted name+value, base64)."""

import base64
import hashlib
import hmac

from adapters.notifications.twilio_signature import TwilioSignatures, twilio_signature

TOKEN = "12345"
URL = "https://311.city.example/api/v1/inbound/sms/twilio?tenant=baltimore"
PARAMS = [
    ("To", "+14105550199"),
    ("From", "+14105550123"),
    ("Body", "Pothole on Main St"),
    ("MessageSid", "SM0123456789abcdef0123456789abcdef"),
    ("NumMedia", "0"),
]
# Written out by hand: the URL, then the names in order, each followed by its value.
SIGNED = (
    URL
    + "BodyPothole on Main St"
    + "From+14105550123"
    + "MessageSidSM0123456789abcdef0123456789abcdef"
    + "NumMedia0"
    + "To+14105550199"
)
EXPECTED = base64.b64encode(hmac.new(b"12345", SIGNED.encode(), hashlib.sha1).digest()).decode()


def test_the_signature_is_the_documented_hmac_of_the_url_and_sorted_params() -> None:
    assert twilio_signature(TOKEN, URL, PARAMS) == EXPECTED


def test_the_order_params_arrive_in_does_not_matter() -> None:
    assert twilio_signature(TOKEN, URL, list(reversed(PARAMS))) == EXPECTED


def test_a_matching_signature_passes() -> None:
    assert TwilioSignatures(TOKEN).valid(URL, PARAMS, EXPECTED)


def test_a_changed_param_url_or_token_fails() -> None:
    signatures = TwilioSignatures(TOKEN)
    changed = [*PARAMS[:2], ("Body", "Pothole on Elm St"), *PARAMS[3:]]
    assert not signatures.valid(URL, changed, EXPECTED)
    assert not signatures.valid(URL.replace("https", "http"), PARAMS, EXPECTED)
    assert not TwilioSignatures("54321").valid(URL, PARAMS, EXPECTED)


def test_a_missing_signature_or_token_fails() -> None:
    assert not TwilioSignatures(TOKEN).valid(URL, PARAMS, None)
    assert not TwilioSignatures(TOKEN).valid(URL, PARAMS, "")
    assert not TwilioSignatures(None).valid(URL, PARAMS, EXPECTED)
