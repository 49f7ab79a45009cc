#!/usr/bin/env bash
# Shared set-up for scripts/run-desk.sh and scripts/test.sh (sourced, not run).
# Installs the Debian packages a purpose needs (only those missing), the virtual environment and
# the compiled translations. Works on a fresh Debian 12 machine with Python 3.11.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"

# Qt's runtime libraries (xcb + offscreen platforms) and fonts.
RUNTIME_PACKAGES=(libegl1 libgl1 libglib2.0-0 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0
  libxcb-xinerama0 libxcb-xkb1 libnss3 libcups2 fonts-dejavu-core xvfb xauth
  tesseract-ocr tesseract-ocr-vie  # the desk reads scans offline (officer_desk/ocr)
  libsane1 sane-utils  # scanners on the desk's PC through SANE (officer_desk/ocr/sane_capture.py)
  libsane-dev gcc libc6-dev python3-dev)  # to build python-sane, the SANE binding (it has no wheel)
# What the test suite drives for real: PostgreSQL, pdfsig/pdftoppm, NSS certutil, SoftHSM2, CUPS.
TEST_PACKAGES=(postgresql poppler-utils libnss3-tools softhsm2 opensc cups cups-client cups-bsd
  printer-driver-cups-pdf)

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo ">> installing Debian packages: ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

find_python() {
  for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
      echo "$candidate"; return 0
    fi
  done
  echo "Python 3.11 or newer is required" >&2
  return 1
}

setup_venv() {
  local extras="$1"
  local python
  python="$(find_python)"
  if [ ! -x "$VENV/bin/python" ]; then
    if ! "$python" -m venv "$VENV" 2>/dev/null; then
      apt_install python3-venv
      rm -rf "$VENV"
      "$python" -m venv "$VENV"
    fi
  fi
  local stamp="$VENV/.installed-$extras"
  if [ ! -f "$stamp" ] || [ "$ROOT/pyproject.toml" -nt "$stamp" ]; then
    echo ">> installing Python packages ($extras)" >&2
    "$VENV/bin/python" -m pip install -q --upgrade pip >&2
    if [ "$extras" = "app" ]; then
      "$VENV/bin/python" -m pip install -q -e "$ROOT" >&2
    else
      "$VENV/bin/python" -m pip install -q -e "$ROOT[$extras]" >&2
    fi
    touch "$stamp"
  fi
  "$VENV/bin/python" "$ROOT/scripts/build_translations.py" >&2
}
