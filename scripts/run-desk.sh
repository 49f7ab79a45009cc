#!/usr/bin/env bash
# Set everything up and open the desk with demo data and a demo certificate.
#   bash scripts/run-desk.sh            (a window; without a display it writes a screenshot instead)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
apt_install "${RUNTIME_PACKAGES[@]}"
setup_venv app
export OFFICER_DESK_HOME="${OFFICER_DESK_HOME:-$ROOT/.home}"
if [ ! -f "$OFFICER_DESK_HOME/demo/DEMO_MODE" ]; then
  echo ">> creating the demo desk in $OFFICER_DESK_HOME (demo CA, desk certificate, 500 dossiers)" >&2
  "$VENV/bin/officer-desk" demo --cases 500
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  shot="$ROOT/officer-desk-screenshot.png"
  echo ">> no display: running under Xvfb and saving a screenshot to $shot" >&2
  exec xvfb-run -a -s "-screen 0 1600x1000x24" "$VENV/bin/officer-desk" --screenshot "$shot" --quit-after 8 "$@"
fi
exec "$VENV/bin/officer-desk" "$@"
