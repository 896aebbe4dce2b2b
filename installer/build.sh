#!/bin/sh
# Build the frozen program (PyInstaller, one folder) on Linux, then run its own
# `self-test --gui` offscreen: the build fails on any failed check, so a data file, a
# translation, a licence or a Qt plugin left out of the bundle stops it here.
#   sh installer/build.sh              # dist/egov-modeler/
#   sh installer/build.sh --package    # and dist/egov-modeler_<version>_amd64.deb + .tar.gz
# Uses .venv (sh installer/bootstrap.sh --test) unless PYTHON names another interpreter.
# Outputs go to build/ and dist/ (both ignored by git).
set -eu
cd "$(dirname "$0")/.."
python=${PYTHON:-.venv/bin/python}

if ! "$python" -c "import PyInstaller" 2>/dev/null; then
    echo "PyInstaller is missing: $python -m pip install '.[build]'" >&2
    exit 2
fi

echo "== icons"
QT_QPA_PLATFORM=offscreen "$python" -m tools.make_icons build/icons >/dev/null

echo "== PyInstaller"
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller installer/egov-modeler.spec

echo "== self-test of the frozen program"
QT_QPA_PLATFORM=offscreen dist/egov-modeler/egov-modeler self-test --gui
echo "frozen build: dist/egov-modeler ($(du -sh dist/egov-modeler | cut -f1))"

if [ "${1:-}" = "--package" ]; then
    sh installer/linux/package.sh
fi
