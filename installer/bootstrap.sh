#!/bin/sh
# Install egov-modeler from this checkout into ./.venv, with what Qt and the PDF checks
# need from the system. Used by the README's two commands and by CI.
#   sh installer/bootstrap.sh          # the program
#   sh installer/bootstrap.sh --test   # the program and the test tools
set -eu
cd "$(dirname "$0")/.."

extra=""
[ "${1:-}" = "--test" ] && extra="[test]"

# Qt needs a few shared libraries even offscreen; xcb ones to open a real window;
# poppler-utils gives pdftotext/pdffonts/pdfsig for the PDF and signature checks.
packages="python3-venv libegl1 libgl1 libglib2.0-0 libfontconfig1 libdbus-1-3 libxkbcommon0
libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
libxcb-render-util0 libxcb-image0 libxcb-randr0 libx11-xcb1 poppler-utils"
# The tests also compile the Windows installer script (nsis) and validate the Linux menu
# entry (desktop-file-utils); the frozen build's .deb is made with dpkg-deb.
[ -n "$extra" ] && packages="$packages nsis desktop-file-utils"
# The tests also render the Word dossier with LibreOffice (headless, no GUI packages).
[ "${1:-}" = "--test" ] && packages="$packages libreoffice-writer-nogui"
if command -v apt-get >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
    missing=""
    for p in $packages; do
        dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
    done
    if [ -n "$missing" ]; then
        echo "Installing system packages:$missing"
        $sudo apt-get update -q
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
    fi
else
    echo "apt-get not found: install Qt's runtime libraries and poppler-utils yourself." >&2
fi

python=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q ".$extra"
echo "Installed: $(.venv/bin/egov-modeler --version)"
