#!/usr/bin/env bash
# Ensure a command is available, installing its Debian package if it is not.
#
#   scripts/ensure-apt.sh <command> <debian-package> [<debian-package>...]
#
# Exits 0 at once if <command> is already on PATH. Otherwise installs the
# package(s) with apt-get: directly when running as root, through `sudo -n`
# when that works without a password, and fails with a clear message if
# neither is possible. Used by `make lint` (docker-compose) and later by the
# e2e tests (chromium).
set -euo pipefail

if [ "$#" -lt 2 ]; then
    echo "usage: $0 <command> <debian-package> [<debian-package>...]" >&2
    exit 2
fi

cmd="$1"
shift

if command -v "$cmd" >/dev/null 2>&1; then
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
    as_root=(sudo -n)
else
    echo "error: '$cmd' is not installed and this user cannot install it." >&2
    echo "       Install the Debian package(s) yourself: apt-get install $*" >&2
    exit 1
fi

echo ">> '$cmd' not found: installing Debian package(s): $*" >&2
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "$@" >/dev/null

if ! command -v "$cmd" >/dev/null 2>&1; then
    echo "error: installed $* but '$cmd' is still not on PATH." >&2
    exit 1
fi
echo ">> installed: $(command -v "$cmd")" >&2
