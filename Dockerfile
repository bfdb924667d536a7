# Frontdoor API image.
#   docker build -t frontdoor-api .
#   docker run -e DATABASE_URL=postgresql+asyncpg://... -p 8000:8000 frontdoor-api
# Without DATABASE_URL the app starts its embedded PostgreSQL in /app/.data.
# No apt-get: every dependency ships a manylinux wheel for CPython 3.11.

# ---- stage 0: build the agent SPA (frontend/) ---------------------------------
FROM node:20-bookworm-slim AS spa

WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY openapi /src/openapi
COPY frontend ./
RUN npm run build

# ---- stage 1: build a self-contained virtualenv ------------------------------
FROM python:3.11-slim-bookworm AS builder

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1

RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH

WORKDIR /src
COPY pyproject.toml README.md alembic.ini ./
COPY api ./api
COPY domain ./domain
COPY adapters ./adapters
COPY migrations ./migrations
COPY openapi ./openapi
RUN pip install --no-cache-dir .

# ---- stage 2: runtime -----------------------------------------------------------
FROM python:3.11-slim-bookworm AS runtime

LABEL org.opencontainers.image.title="frontdoor-api" \
      org.opencontainers.image.description="Frontdoor: an open-source 311 platform" \
      org.opencontainers.image.licenses="AGPL-3.0-or-later"

ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    HOST=0.0.0.0 \
    PORT=8000

# Fixed UID/GID so volume ownership is predictable across rebuilds.
RUN groupadd --system --gid 10001 frontdoor \
    && useradd --system --uid 10001 --gid frontdoor --home-dir /app \
       --no-create-home --shell /usr/sbin/nologin frontdoor

WORKDIR /app
COPY --from=builder /opt/venv /opt/venv
# The app's source stays root-owned (read-only for the app user); alembic.ini
# and migrations/ are read from the working directory, openapi/ is not an
# installed package.
COPY pyproject.toml README.md alembic.ini ./
COPY api ./api
COPY domain ./domain
COPY adapters ./adapters
COPY migrations ./migrations
COPY openapi ./openapi
# The built SPA, served at / (FRONTDOOR_SPA_DIR defaults to frontend/dist).
COPY --from=spa /src/frontend/dist ./frontend/dist
# Writable state: the embedded PostgreSQL's data (used only without
# DATABASE_URL) and uploaded media.
RUN mkdir -p /app/.data /app/.media \
    && chown frontdoor:frontdoor /app/.data /app/.media

# Numeric form of the frontdoor user, so runtimes (e.g. Kubernetes runAsNonRoot)
# can verify it is not root without reading /etc/passwd.
USER 10001:10001
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('PORT', '8000'), timeout=4)"]

# Same start script as `make run`: migrations, demo data (once), uvicorn.
ENTRYPOINT ["python", "-m", "api"]
