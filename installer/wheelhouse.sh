#!/bin/sh
# A folder of every wheel egov-modeler needs, for Linux (x86_64, glibc 2.28 or newer) and
# Windows (x64), Python 3.11 and 3.12, so that a PC without internet installs it with pip:
#   sh installer/wheelhouse.sh [FOLDER]      # default dist/wheelhouse
#   python -m pip install --no-index --find-links FOLDER egov-modeler
# Needs the internet (the package registry) on the machine that makes the folder.
# WHEELHOUSE_PLATFORMS / WHEELHOUSE_PYTHONS narrow it (e.g. "linux" / "3.11").
# WHEELHOUSE_GLIBC (default 2.28) is the oldest glibc the Linux wheels must run on: at
# 2.28 pip takes PySide6 6.9 (Debian 10+, Ubuntu 20.04+); at 2.34 the newest PySide6
# (Debian 12+, Ubuntu 22.04+).
set -eu
cd "$(dirname "$0")/.."
out=${1:-dist/wheelhouse}
python=${PYTHON:-.venv/bin/python}
platforms=${WHEELHOUSE_PLATFORMS:-linux windows}
glibc=$(echo "${WHEELHOUSE_GLIBC:-2.28}" | tr . _)
pythons=${WHEELHOUSE_PYTHONS:-3.11 3.12}
mkdir -p "$out"

# The program itself: one pure-Python wheel for every platform.
rm -f "$out"/egov_modeler-*.whl
"$python" -m pip wheel --quiet --no-deps --wheel-dir "$out" .
wheel=$(ls "$out"/egov_modeler-*.whl)

for platform in $platforms; do
    case $platform in
        # pip also takes the older manylinux wheels (manylinux2014 = 2.17) for this tag
        linux) tags="--platform manylinux_${glibc}_x86_64 --platform manylinux2014_x86_64" ;;
        windows) tags="--platform win_amd64" ;;
        *) echo "unknown platform $platform (linux, windows)" >&2; exit 2 ;;
    esac
    for version in $pythons; do
        echo "== $platform, Python $version"
        # shellcheck disable=SC2086 # $tags is a list of options
        "$python" -m pip download --quiet --only-binary=:all: $tags \
            --python-version "$version" --implementation cp --dest "$out" "$wheel"
    done
done
echo "$out: $(ls "$out" | wc -l) wheels, $(du -sh "$out" | cut -f1)"
