#!/usr/bin/env bash
# Prepare a fresh machine: system libraries Qt and the export checks need (Debian/Ubuntu),
# then a virtual environment in .venv with Policy Editor installed from this folder.
# Safe to run again: it only installs what is missing and re-installs the app itself.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  # Qt (PySide6) at run time, also offscreen
  libegl1 libgl1 libopengl0 libglx0 libfontconfig1 libfreetype6 libxkbcommon0 libxkbcommon-x11-0
  libglib2.0-0 libdbus-1-3 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0
  # Qt's Wayland platform (most Linux desktops): the bundle links these, the .deb depends on them
  libwayland-client0 libwayland-cursor0 libwayland-egl1
  # fonts for the PDF export and readable screenshots
  fonts-dejavu-core fonts-liberation2 fonts-crosextra-carlito
  # opening exported DOCX and PDF in LibreOffice (tests) and turning PDFs into PNGs for a look
  libreoffice-writer-nogui libreoffice-draw-nogui poppler-utils
  # building the bundle and the .deb (readelf/strip, dpkg-deb)
  binutils
)

if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    echo "Installing system packages: ${missing[*]}"
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
# Non-editable on purpose: tests then run against the installed package, so a data folder
# missing from the wheel fails here and not on a user's machine.
.venv/bin/python -m pip install -q --force-reinstall --no-deps . 
.venv/bin/python -m pip install -q ".[test,build]"

cat <<'NEXT'

Policy Editor is installed in .venv. Next:
  .venv/bin/policy-editor                  start the app (Help › Getting started explains the first steps)
  .venv/bin/policy-editor --help           the command line (export, check, scan, ...)
  .venv/bin/pytest                         run the tests
  .venv/bin/python installer/build.py      build the installer for this system (into dist/)
NEXT
