"""create_app(): the FastAPI application. Nothing is built at import time."""

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.routing import APIRoute
from starlette.middleware.gzip import GZipMiddleware
from starlette.responses import Response
from starlette.types import Scope

from api.body_limit import BodyLimitMiddleware
from api.body_limits import route_body_limits
from api.bootstrap import Container, build_container
from api.cors import install_cors
from api.database_errors import declare_unavailable
from api.docs import mount_docs
from api.errors import install_error_handlers
from api.geojson_schema import declare_geojson_schemas
from api.idempotency import IdempotencyMiddleware, document_idempotency_key
from api.list_bounds import document_list_bounds
from api.observability import RequestContextMiddleware
from api.open311 import routes as open311
from api.open311.errors import install_open311_errors, too_large
from api.problems import Problem
from api.public_guards import trusted_networks
from api.public_problems import is_public
from api.public_problems import too_large as public_too_large
from api.rate_limit_docs import document_rate_limits
from api.rate_limits import RateLimitHeadersMiddleware
from api.request_deadline import RequestDeadlineMiddleware
from api.routers import (
    addresses,
    api_keys,
    articles,
    audit,
    auth,
    call_records,
    cases,
    catalog,
    exports,
    inbound_texts,
    inbox,
    jurisdictions,
    lookup,
    maps,
    media,
    metrics,
    open_data,
    operations,
    privacy,
    public,
    public_submissions,
    public_surveys,
    report_card,
    requests,
    residents,
    site,
    surveys,
    translations,
    triage,
    unsubscribe,
    users,
    webhooks,
)
from api.security_headers import SecurityHeadersMiddleware
from api.settings import Settings
from api.spa import mount_spa
from api.spec_constraints import declare_no_nul, declare_translation_languages

DESCRIPTION = """Frontdoor is an open-source 311 platform: one front door for residents,
the system a city's 311 contact center runs on. Errors are RFC 9457 problem+json."""


def operation_id(route: APIRoute) -> str:
    """Stable operation ids: the route function's name, which the generated client uses."""
    return route.name


def create_app(
    settings: Settings | None = None,
    container: Container | None = None,
    freeze_heap: bool = False,
) -> FastAPI:
    """`freeze_heap` is for a served process (api.main), whose start-up objects never die."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.container = container or build_container(settings)
        if freeze_heap:
            # What is alive now lives as long as the process: out of the collector's sight,
            # the full collections that requests building thousands of objects set off no
            # longer walk it (a batch resolve of 1,000 points: 82 -> 52 ms of CPU).
            gc.freeze()
        try:
            yield
        finally:
            if container is None:
                await app.state.container.close()

    app = FastAPI(
        title="Frontdoor 311 API",
        version="0.1.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        generate_unique_id_function=operation_id,
        separate_input_output_schemas=False,
        docs_url=None,
        redoc_url=None,
        swagger_ui_oauth2_redirect_url=None,
    )
    install_error_handlers(app)
    proxies = trusted_networks(settings.trusted_proxies)
    for module in (
        auth,
        catalog,
        users,
        lookup,
        unsubscribe,
        requests,
        cases,
        inbox,
        residents,
        jurisdictions,
        addresses,
        maps,
        articles,
        triage,
        translations,
        privacy,
        operations,
        api_keys,
        open311,
        webhooks,
        audit,
        media,
        site,
        metrics,
        call_records,
        exports,
        open_data,
        report_card,
        public,
        public_submissions,
        inbound_texts,
        public_surveys,
        surveys,
    ):
        app.include_router(module.router)
    install_open311_errors(app)
    app.add_middleware(IdempotencyMiddleware)  # inside the body limit: bodies are capped first
    app.add_middleware(
        BodyLimitMiddleware,
        default_limit=settings.max_body_bytes,
        limits=route_body_limits(settings.body_limits),
        refusal=_refuse_too_large,
    )
    app.add_middleware(RateLimitHeadersMiddleware)  # outside idempotency: never replayed
    app.add_middleware(
        RequestDeadlineMiddleware,
        seconds=settings.request_timeout_seconds,
        long_seconds=settings.long_request_timeout_seconds,
        long_prefixes=LONG_REQUESTS,
    )
    app.add_middleware(RequestContextMiddleware)
    app.add_middleware(GZipMiddleware, minimum_size=COMPRESS_FROM_BYTES, compresslevel=6)
    install_cors(app, settings.cors_origin_list)
    app.add_middleware(SecurityHeadersMiddleware, trusted_proxies=proxies)  # on every answer
    _declare_problem_schema(app, settings)
    mount_docs(app)
    if (Path(settings.spa_dir) / "index.html").is_file():
        mount_spa(app, Path(settings.spa_dir))  # last: its catch-all must not shadow a route
    return app


# JSON, XML and CSV answers of more than a packet are gzipped for a client that asks: the
# residents' service list is 18 KB as sent and 4 KB gzipped, which a phone on a slow link feels.
# The SPA's files pass through as they are (already compressed at build, Content-Encoding set).
# ETags stay the uncompressed content's digest: every comparison is made before compression.
COMPRESS_FROM_BYTES = 1400


# Exports stream every row, imports load whole files: they get the long deadline.
LONG_REQUESTS = (
    exports.router.prefix,
    open_data.router.prefix,
    jurisdictions.IMPORT_PATH,
    addresses.IMPORT_PATH,
    call_records.PATH,
)


def _refuse_too_large(scope: Scope, limit: int) -> Response | None:
    """The body limit's 413: translated on the public pages, Open311's own form on Open311."""
    path = scope.get("path", "")
    return public_too_large(scope) if is_public(path) else too_large(path, limit)


def _declare_problem_schema(app: FastAPI, settings: Settings) -> None:
    original = app.openapi
    translations = settings.catalog_languages.others

    def openapi() -> dict[str, object]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = original()
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        problem = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
        # Nested models (FieldProblem) become components too, so every $ref resolves.
        for name, nested in problem.pop("$defs", {}).items():
            components.setdefault(name, nested)
        components.setdefault("Problem", problem)
        declare_geojson_schemas(schema)
        document_idempotency_key(schema)
        document_rate_limits(schema)
        document_list_bounds(schema)
        declare_unavailable(schema)
        declare_no_nul(schema)
        declare_translation_languages(schema, translations)
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
