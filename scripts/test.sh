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
# Dead code: 60 % also reports unused functions, methods and fields; the whitelist names the ones a
# framework calls or that are data, each group with its reason.
"$VENV/bin/vulture" officer_desk tests bench scripts/vulture_whitelist.py --min-confidence 60 \
    --exclude officer_desk/models/migrations
# The whole suite runs on two pytest-xdist workers (CI has 2 cores and a 10-minute budget; each worker has
# its own PostgreSQL server, CUPS queue and temporary folders). OFFICER_DESK_TEST_WORKERS=0 runs it in
# one process; pytest arguments (a file, -k, ...) run in one process unless they name -n themselves.
if [ "$#" -eq 0 ]; then
  set -- -n "${OFFICER_DESK_TEST_WORKERS:-2}"
fi
exec "$VENV/bin/python" -m pytest -q -p no:cacheprovider "$@"
