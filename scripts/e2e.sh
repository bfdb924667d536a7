#!/usr/bin/env bash
# End-to-end tests of the agent SPA: a fresh database on the local PostgreSQL (or
# E2E_DATABASE_SERVER), the real API (`python -m api`, demo data loaded) serving the built SPA
# on a free port, then Playwright driving Debian's chromium. Everything started is stopped, and
# the database dropped, however the run ends.
#
#   scripts/e2e.sh [playwright args...]      (run by `make test-e2e`, after `make spa`)
#
# A whole run (no arguments) ends with Lighthouse on the residents' pages
# (frontend/scripts/lighthouse.mjs: performance >= 90, accessibility >= 95, mobile emulation).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
python="$root/.venv/bin/python"
server="${E2E_DATABASE_SERVER:-postgresql://postgres@127.0.0.1:5432}"
database="frontdoor_e2e_$$_$(date +%s)"
log="$root/frontend/test-results/api.log"
mkdir -p "$root/frontend/test-results"
# The worker's emails (file adapter), read by the opt-out spec; outside test-results, which
# Playwright empties when it starts.
mail_dir="$(mktemp -d)"

admin() {
    "$python" - "$server/postgres" "$1" <<'PY'
import asyncio, sys
import asyncpg
async def main(url: str, statement: str) -> None:
    connection = await asyncpg.connect(url)
    try:
        await connection.execute(statement)
    finally:
        await connection.close()
asyncio.run(main(sys.argv[1], sys.argv[2]))
PY
}

free_port() {
    "$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
port="$(free_port)"
# The API's own SMTP listener, which the Inbox spec sends a resident's email to.
smtp_port="$(free_port)"
api_pid=""

cleanup() {
    if [ -n "$api_pid" ] && kill -0 "$api_pid" 2>/dev/null; then
        kill "$api_pid" 2>/dev/null || true
        wait "$api_pid" 2>/dev/null || true
    fi
    admin "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)" || true
    rm -rf "$mail_dir"
}
trap cleanup EXIT
trap "exit 130" INT TERM

admin "CREATE DATABASE \"$database\""
echo ">> e2e: database $database, API on 127.0.0.1:$port (log: $log)"
(
    cd "$root"
    DATABASE_URL="postgresql+asyncpg://${server#postgresql://}/$database" \
    FRONTDOOR_DEMO_DATA=true \
    FRONTDOOR_HOST=127.0.0.1 \
    FRONTDOOR_PORT="$port" \
    FRONTDOOR_SPA_DIR="$root/frontend/dist" \
    FRONTDOOR_EMAIL_BACKEND=file \
    FRONTDOOR_MAIL_DIR="$mail_dir" \
    FRONTDOOR_SMTP_INBOUND_PORT="$smtp_port" \
    exec "$python" -m api
) >"$log" 2>&1 &
api_pid=$!

for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$api_pid" 2>/dev/null; then
        echo "error: the API exited before it was ready; its log:" >&2
        cat "$log" >&2
        exit 1
    fi
    sleep 0.5
done
curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null

cd "$root/frontend"
E2E_BASE_URL="http://127.0.0.1:$port" E2E_MAIL_DIR="$mail_dir" E2E_SMTP_PORT="$smtp_port" \
    npx playwright test "$@"

# Lighthouse on the residents' pages, after the whole suite only (not for a chosen spec). Its
# performance score comes from a simulated phone, but the simulation starts from a trace taken
# on this machine: a page below the bar is measured once more before it fails the run.
if [ "$#" -eq 0 ]; then
    pages=(/ /report/trm-pothole-repair)
    node scripts/lighthouse.mjs "http://127.0.0.1:$port" "${pages[@]}" \
        || node scripts/lighthouse.mjs "http://127.0.0.1:$port" "${pages[@]}"
fi
