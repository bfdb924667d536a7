# Frontdoor developer entry points. Run `make` (or `make help`) for the list.
#
# The first target that needs Python creates .venv and installs the project
# with its dev extras; the stamp file .venv/.installed makes later runs
# instant until pyproject.toml changes.

PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PYTHON := $(BIN)/python
PIP := $(BIN)/pip
PYTEST := $(BIN)/pytest
RUFF := $(BIN)/ruff
MYPY := $(BIN)/mypy
LINT_IMPORTS := $(BIN)/lint-imports
HADOLINT := $(BIN)/hadolint
ALEMBIC := $(BIN)/alembic
STAMP := $(VENV)/.installed
# pytest-xdist workers; each copies the run's template database (tests/templates.py).
TEST_WORKERS ?= auto

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

.PHONY: help run worker mail-in lint test test-all test-fast openapi migration bench clean backup restore
.PHONY: chaos
.PHONY: help run lint test test-all test-fast openapi migration bench clean spa client test-frontend test-e2e

help: ## List the targets
	@echo "Frontdoor make targets:"
	@grep -E '^[a-zA-Z0-9_-]+:.*## ' $(MAKEFILE_LIST) \
		| awk 'BEGIN {FS = ":.*## "}; {printf "  %-13s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	test -x $(PIP) || $(PY) -m venv --clear $(VENV)
	$(PIP) install --upgrade pip
	$(PIP) install -e '.[dev]'
	touch $@

# ---- the agent SPA (frontend/) ----
FRONTEND := frontend
NPM_STAMP := $(FRONTEND)/node_modules/.installed
SPA_BUILD := $(FRONTEND)/dist/index.html
SPA_SOURCES := $(shell find $(FRONTEND)/src $(FRONTEND)/public -type f 2>/dev/null) \
	$(shell find $(FRONTEND)/vite-plugins -type f 2>/dev/null) \
	$(addprefix $(FRONTEND)/,index.html vite.config.ts tsconfig.json package-lock.json)

$(NPM_STAMP): $(FRONTEND)/package-lock.json
	cd $(FRONTEND) && npm ci --no-audit --no-fund
	touch $@

# Rebuilt only when a source changed; the build reports the initial JavaScript (gzipped).
$(SPA_BUILD): $(NPM_STAMP) $(SPA_SOURCES)
	cd $(FRONTEND) && npm run build

spa: $(SPA_BUILD) ## Build the agent SPA into frontend/dist (only when its sources changed)

client: $(NPM_STAMP) ## Regenerate the SPA's typed API client from openapi/openapi.json
	cd $(FRONTEND) && npm run client

test-frontend: $(NPM_STAMP) ## SPA: client drift, ESLint, types, Vitest with coverage, build + bundle budget
	cd $(FRONTEND) && npm run check-client && npm run lint && npm run typecheck && npm test
	$(MAKE) spa
	cd $(FRONTEND) && node scripts/bundle-size.mjs

test-e2e: $(STAMP) $(SPA_BUILD) ## Playwright on Debian's chromium against the real API + PostgreSQL
	bash scripts/ensure-apt.sh chromium chromium
	bash scripts/e2e.sh

run: $(STAMP) $(SPA_BUILD) ## Start the product (embedded PostgreSQL in .data/ unless DATABASE_URL is set)
	exec $(PYTHON) -m api

worker: $(STAMP) ## One more background worker (jobs, webhooks, escalation) on DATABASE_URL
	exec $(PYTHON) -m api worker

mail-in: $(STAMP) ## Receive mail (SMTP listener, IMAP poller) on DATABASE_URL, where workers run apart
	exec $(PYTHON) -m api mail-in

# Both work on DATABASE_URL, else the embedded PostgreSQL of `make run` (see README, "Backups
# and restore"); the media directory goes with the database when FRONTDOOR_MEDIA_BACKEND=disk.
backup: $(STAMP) ## Back up the database (pg_dump -Fc) and the photos: BACKUP_DIR=... (default .data/backups)
	$(PYTHON) -m api.cli backup $(if $(BACKUP_DIR),--output "$(BACKUP_DIR)")

restore: $(STAMP) ## Restore BACKUP=folder into an empty database (FORCE=1 to restore over tables)
	@if [ -z "$(BACKUP)" ]; then \
		echo "usage: make restore BACKUP=path/to/frontdoor-<database>-<time> [FORCE=1]" >&2; \
		exit 2; \
	fi
	$(PYTHON) -m api.cli restore "$(BACKUP)" $(if $(FORCE),--force)

# Every check runs even when an earlier one fails; the target fails if any did.
lint: $(STAMP) ## ruff, ruff format --check, mypy, import-linter, hadolint, compose and haproxy config
	@failed=""; \
	step() { echo ">> $$*"; if ! "$$@"; then failed="$$failed\n   $$*"; return 1; fi; }; \
	step $(RUFF) check . || true; \
	step $(RUFF) format --check . || true; \
	step $(MYPY) || true; \
	step $(LINT_IMPORTS) || true; \
	step $(HADOLINT) Dockerfile || true; \
	if step bash scripts/ensure-apt.sh docker-compose docker-compose; then \
		step docker-compose -f docker-compose.yml config -q || true; \
	fi; \
	if step bash scripts/ensure-apt.sh haproxy haproxy; then \
		step haproxy -c -q -f deploy/haproxy.cfg || true; \
	fi; \
	if [ -n "$$failed" ]; then echo -e "lint FAILED:$$failed" >&2; exit 1; fi; \
	echo "lint OK"

test: ## lint, the test suites, the SPA's tests and the e2e tests: every step runs, any failure fails
	@failed=""; \
	for step in lint test-all test-frontend test-e2e; do \
		$(MAKE) $$step || failed="$$failed $$step"; \
	done; \
	if [ -n "$$failed" ]; then echo "test FAILED:$$failed" >&2; exit 1; fi; \
	echo "test OK"

# pytest exits 5 when it collects no test: that is a failure here, in both passes.
test-all: $(STAMP) ## pytest tests in parallel (PostgreSQL at 127.0.0.1:5432 or TEST_DATABASE_URL) + embedded smoke pass
	@bash scripts/ensure-apt.sh dovecot dovecot-imapd  # the IMAP poller's tests run a real dovecot
	@echo ">> pytest tests -q -n $(TEST_WORKERS)   (database: $${TEST_DATABASE_URL:-127.0.0.1:5432})"
	@rc=0; $(PYTEST) tests -q -n $(TEST_WORKERS) || rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "error: pytest collected no tests in tests/" >&2; exit 1; fi; \
	exit $$rc
	@echo ">> FRONTDOOR_TEST_EMBEDDED=1 pytest tests/api -m smoke -q   (embedded PostgreSQL)"
	@rc=0; FRONTDOOR_TEST_EMBEDDED=1 $(PYTEST) tests/api -m smoke -q || rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "error: no smoke tests collected in tests/api" >&2; exit 1; fi; \
	exit $$rc

# The whole-API sweeps (marker `sweep`: schemathesis, the authorization matrix) take half of the
# API tests' time; `make test` runs them.
test-fast: $(STAMP) ## Unit + API tests in parallel but the whole-API sweeps, stop at the first failure
	@rc=0; $(PYTEST) tests/unit tests/api -q -x -n $(TEST_WORKERS) -m "not sweep" || rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "error: pytest collected no tests" >&2; exit 1; fi; \
	exit $$rc

openapi: $(STAMP) ## Regenerate openapi/openapi.json
	$(PYTHON) -m openapi.export

migration: ## New alembic revision: make migration m=short_slug
	@if [ -z "$(m)" ]; then \
		echo "usage: make migration m=short_slug" >&2; \
		echo "       creates migrations/versions/<YYYYMMDD_HHMMSS>_<short_slug>.py" >&2; \
		exit 2; \
	fi
	@$(MAKE) $(STAMP)
	$(ALEMBIC) revision -m "$(m)" --rev-id $$(date +%Y%m%d_%H%M%S)

# A private PostgreSQL cluster of its own (tests/private_postgres.py): never the shared server.
chaos: $(STAMP) ## Fault test, full form (minutes): restarts, kill -9, a partner down, under load
	$(PYTHON) -m tests.chaos

# BENCH_SCALE=full (default: 1M requests, 2M cases; long) | small (~10x smaller, <10 min) | tiny.
bench: $(STAMP) ## Benchmark vs a bare FastAPI app under wrk (BENCH_SCALE=small; BENCH_MODE=scale-out)
	bash scripts/ensure-apt.sh wrk wrk
	BENCH_SCALE=$${BENCH_SCALE:-full} $(PYTHON) -m bench $(BENCH_MODE)

clean: ## Remove .venv and caches (keeps .data/)
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist *.egg-info
	rm -rf $(FRONTEND)/node_modules $(FRONTEND)/dist $(FRONTEND)/coverage
	find . -name __pycache__ -type d -not -path './.data/*' -not -path './node_modules/*' -prune -exec rm -rf {} +
