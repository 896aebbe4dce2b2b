"""``pip install .`` (not editable) must carry every resource the program reads.

Runs a fresh interpreter in isolated mode (``-I``: the checkout is not on ``sys.path``),
so it sees only the installed copy. Skipped where the package is not installed.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

PROBE = r"""
import importlib.util, sys
spec = importlib.util.find_spec("egov_modeler")
if spec is None:
    print("NOT-INSTALLED"); sys.exit(0)
from importlib import resources
root = resources.files("egov_modeler") / "resources"
needed = ["archimate/relationship_table.json", "framework/vn-egov-2.0.json",
          "framework/vn-digital-2025.json", "framework/catalog.schema.json",
          "templates/national-2019.egov", "templates/provincial-2020.egov",
          "templates/provincial-2026.egov", "templates/national-2025.egov",
          "templates/empty-2025.egov", "translations/vi"]
missing = [n for n in needed if not (root / n).is_file() and not (root / n).is_dir()]
print("MISSING:" + ",".join(missing) if missing else "OK " + spec.origin)
"""


def test_installed_package_has_its_resources(tmp_path):
    out = subprocess.run([sys.executable, "-I", "-c", PROBE], capture_output=True, text=True,
                         cwd=tmp_path, check=True).stdout.strip()
    if out == "NOT-INSTALLED":
        pytest.skip("egov_modeler is not installed in this interpreter (pip install .)")
    assert out.startswith("OK"), out


def test_installed_console_script_reports_its_version(tmp_path):
    import shutil

    exe = shutil.which("egov-modeler", path=str(__import__("pathlib").Path(sys.executable).parent))
    if exe is None:
        pytest.skip("the egov-modeler console script is not installed")
    out = subprocess.run([exe, "--version"], capture_output=True, text=True, cwd=tmp_path,
                         check=True).stdout
    assert out.startswith("egov-modeler ")
