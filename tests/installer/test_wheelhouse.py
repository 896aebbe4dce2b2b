"""The offline install: the wheelhouse installs the program into a new virtual environment
with no index at all, and that installation passes its self-test.

It downloads about 110 MB from the package registry, so it runs only when asked:
``EGOV_WHEELHOUSE_SMOKE=1`` (Linux, this Python's version; the README says which other
combinations have been run).
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv

import pytest

from tests.helpers import paths

pytestmark = pytest.mark.skipif(
    os.environ.get("EGOV_WHEELHOUSE_SMOKE") != "1",
    reason="offline-install smoke test: runs with EGOV_WHEELHOUSE_SMOKE=1 (downloads wheels)")


def test_the_wheelhouse_installs_the_program_with_no_index(tmp_path):
    house = tmp_path / "wheelhouse"
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    made = subprocess.run(
        ["sh", "installer/wheelhouse.sh", str(house)], cwd=paths.REPO,
        env={**os.environ, "PYTHON": sys.executable, "WHEELHOUSE_PLATFORMS": "linux",
             "WHEELHOUSE_PYTHONS": version},
        capture_output=True, text=True, timeout=1800)
    assert made.returncode == 0, made.stdout + made.stderr
    names = {p.name.split("-")[0].lower() for p in house.glob("*.whl")}
    assert {"egov_modeler", "pyside6_essentials", "lxml", "reportlab", "networkx",
            "pillow", "fontpkg_be_vietnam_pro"} <= names

    target = tmp_path / "venv"
    venv.create(target, with_pip=True)
    python = target / "bin" / "python"
    # --isolated: no pip configuration or PIP_* variable may add an index or a folder
    installed = subprocess.run(
        [str(python), "-m", "pip", "--isolated", "install", "--no-index", "--find-links",
         str(house), "egov-modeler"], capture_output=True, text=True, timeout=1800)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    checked = subprocess.run(
        [str(target / "bin" / "egov-modeler"), "--lang", "en", "self-test", "--gui"],
        cwd=tmp_path, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True, text=True, timeout=600)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.splitlines()[-1] == "9 of 9 checks passed"
