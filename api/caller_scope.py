"""Whose idempotency key is it? The caller, as the credential on the request says.

Keys are scoped to the caller so that one caller can never replay another's answer:
- a bearer token: its verified subject (the user id), whatever token of theirs is sent; a
  single sign-on token: its verified email, the account it signs in as;
- an API key (`X-API-Key`, `Authorization: ApiKey ...`, or Open311's `api_key` field in the
  query or the form body): a SHA-256 of the key, never the key itself;
- nobody: the client address. Anonymous callers behind one address share a scope; their keys
  are random (UUIDs), and a clash with a different payload is refused (422), never replayed.

A credential that does not verify gives no scope: the request then runs without idempotency,
and the route refuses it (401) as usual.
"""

import hashlib
from urllib.parse import parse_qs

from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.types import Message, Scope

from domain.directory.single_sign_on import IdentityProvider
from domain.directory.tokens import AccessTokens
from domain.directory.users import normalise_email
from domain.shared.errors import Unauthenticated

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


async def caller_scope(
    scope: Scope,
    body: bytes,
    tokens: AccessTokens,
    provider: IdentityProvider | None = None,
) -> str | None:
    headers = Headers(scope=scope)
    scheme, _, credential = headers.get("authorization", "").strip().partition(" ")
    credential = credential.strip()
    if scheme.lower() == "bearer" and credential:
        try:
            return await _bearer_scope(credential, tokens, provider)
        except Unauthenticated:
            return None
    if scheme.lower() == "apikey" and credential:
        return f"apikey:{_digest(credential)}"
    api_key = headers.get("x-api-key") or await _api_key_field(scope, headers, body)
    if api_key:
        return f"apikey:{_digest(api_key)}"
    client = scope.get("client")
    return f"anonymous:{client[0] if client else 'unknown'}"


async def _bearer_scope(token: str, tokens: AccessTokens, provider: IdentityProvider | None) -> str:
    if provider is not None and provider.issued(token):
        identity = await provider.verify(token)
        return f"sso:{normalise_email(identity.email)}"
    return f"user:{tokens.verify(token).user_id}"


async def _api_key_field(scope: Scope, headers: Headers, body: bytes) -> str | None:
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    if query.get("api_key"):
        return str(query["api_key"][0])
    if not headers.get("content-type", "").startswith(FORM_TYPES):
        return None
    return await _form_field(scope, body, "api_key")


async def _form_field(scope: Scope, body: bytes, name: str) -> str | None:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    request = Request(scope, replay)
    try:
        form = await request.form()
        value = form.get(name)
        await form.close()
    except Exception:  # an unparseable form has no key; the route answers it
        return None
    return value if isinstance(value, str) else None
