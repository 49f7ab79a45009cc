#!/usr/bin/env bash
# Set everything up and run the whole test suite (SQLite and a private PostgreSQL server, Qt offscreen).
#   bash scripts/test.sh [pytest arguments]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
apt_install "${RUNTIME_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
setup_venv test
export QT_QPA_PLATFORM=offscreen
cd "$ROOT"
"$VENV/bin/ruff" check officer_desk tests bench
"$VENV/bin/mypy" officer_desk
exec "$VENV/bin/python" -m pytest -q -p no:cacheprovider "$@"
