"""The frozen program: built with PyInstaller from installer/egov-modeler.spec, it passes its
own ``self-test --gui``, runs every subcommand, carries its licences, and packs into a .deb
and a tar.gz with the menu entry, the icon and the .egov type.

This is the smoke test that catches a data file, a subcommand or a Qt plugin left out of
the bundle. It builds for about half a minute on two cores, so it runs in CI (``CI=true``,
as ``.ci/run`` sets it) or when ``EGOV_FROZEN_SMOKE=1``, and is skipped otherwise.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys

import pytest

from tests.helpers import paths

REQUESTED = os.environ.get("CI") == "true" or os.environ.get("EGOV_FROZEN_SMOKE") == "1"
BUNDLE = paths.REPO / "dist" / "egov-modeler"
PROGRAM = BUNDLE / "egov-modeler"

pytestmark = [
    pytest.mark.frozen,
    pytest.mark.skipif(not REQUESTED, reason="frozen build smoke test: runs with CI=true or "
                                             "EGOV_FROZEN_SMOKE=1 (sh installer/build.sh)"),
]


def _environment() -> dict[str, str]:
    return {**os.environ, "PYTHON": sys.executable, "QT_QPA_PLATFORM": "offscreen"}


@pytest.fixture(scope="module")
def build() -> subprocess.CompletedProcess:
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.fail("PyInstaller is not installed: pip install '.[build]' (the test extra "
                    "has it)")
    return subprocess.run(["sh", "installer/build.sh"], cwd=paths.REPO, env=_environment(),
                          capture_output=True, text=True, timeout=1800)


@pytest.fixture(scope="module")
def frozen(build) -> subprocess.CompletedProcess:
    assert build.returncode == 0, build.stdout[-4000:] + build.stderr[-4000:]
    return build


def _run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([str(PROGRAM), *args], cwd=cwd or paths.REPO, env=_environment(),
                          capture_output=True, text=True, timeout=300)


def test_the_frozen_program_passes_its_self_test(frozen):
    lines = frozen.stdout.splitlines()
    assert "9/9 mục kiểm tra đạt" in lines
    assert any(line.startswith("cửa sổ (Qt)") and "đạt" in line for line in lines)


def test_every_subcommand_runs_frozen(frozen, tmp_path):
    from egov_modeler.cli import SUBCOMMAND_MODULES

    help_text = _run("--lang", "en", "--help").stdout
    for module in SUBCOMMAND_MODULES:
        assert module.rstrip("_").replace("_", "-") in help_text
    assert "provincial" in _run("templates").stdout
    model = tmp_path / "gia-lai.egov"
    assert _run("new", "--template", "provincial", "-o", str(model)).returncode == 0
    assert _run("validate", str(model)).returncode == 0
    xml = tmp_path / "gia-lai.xml"
    assert _run("export", str(model), "--format", "archimate", "-o", str(xml)).returncode == 0
    back = tmp_path / "back.egov"
    assert _run("import", str(xml), "-o", str(back)).returncode == 0
    assert json.loads(back.read_text(encoding="utf-8"))["elements"]


def test_the_licences_are_shipped_beside_the_program(frozen):
    index = json.loads((BUNDLE / "licenses" / "licenses.json").read_text(encoding="utf-8"))
    named = {f for notice in [index["program"], *index["bundled"]] for f in notice["files"]}
    assert {p.name for p in (BUNDLE / "licenses").iterdir()} >= named | {"licenses.json"}


def test_the_linux_packages_carry_the_desktop_integration(frozen):
    version = (BUNDLE / "VERSION").read_text(encoding="utf-8").strip()
    result = subprocess.run(["sh", "installer/linux/package.sh"], cwd=paths.REPO,
                            env={**_environment(), "DEB_COMPRESSION": "none"},
                            capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stdout + result.stderr
    [deb] = (paths.REPO / "dist").glob(f"egov-modeler_{version}_*.deb")
    depends = subprocess.run(["dpkg-deb", "-f", str(deb), "Depends"], capture_output=True,
                             text=True, check=True).stdout
    assert "libegl1" in depends and "libxcb-cursor0" in depends
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True,
                             check=True).stdout
    for expected in ("./opt/egov-modeler/egov-modeler",
                     "./usr/bin/egov-modeler -> /opt/egov-modeler/egov-modeler",
                     "./usr/share/applications/egov-modeler.desktop",
                     "./usr/share/mime/packages/egov-modeler.xml",
                     "./usr/share/icons/hicolor/16x16/apps/egov-modeler.png",
                     "./usr/share/icons/hicolor/512x512/apps/egov-modeler.png",
                     "./usr/share/icons/hicolor/scalable/apps/egov-modeler.svg",
                     "./opt/egov-modeler/licenses/LGPL-3.0.txt",
                     "./usr/share/doc/egov-modeler/copyright"):
        assert expected in listing, expected
    [tarball] = (paths.REPO / "dist").glob(f"egov-modeler-{version}-linux-*.tar.gz")
    members = subprocess.run(["tar", "-tzf", str(tarball)], capture_output=True, text=True,
                             check=True).stdout.splitlines()
    top = f"egov-modeler-{version}/"
    for expected in ("egov-modeler", "install.sh", "licenses/BeVietnamPro-OFL-1.1.txt",
                     "share/applications/egov-modeler.desktop",
                     "share/mime/packages/egov-modeler.xml"):
        assert top + expected in members, expected
