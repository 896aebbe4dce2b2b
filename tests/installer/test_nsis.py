"""The Windows installer script compiles (``makensis``, warnings as errors).

The real installer is built and run on a Windows runner (.github/workflows/windows.yml);
here the script itself is checked around a small stand-in of the frozen folder, which is
enough for NSIS to resolve every instruction, define and page.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.helpers import paths

NSI = paths.REPO / "installer" / "windows" / "egov-modeler.nsi"

pytestmark = pytest.mark.skipif(
    shutil.which("makensis") is None,
    reason="makensis is not installed (apt-get install nsis; bootstrap.sh --test does)")


def _compile(tmp_path, *defines: str) -> subprocess.CompletedProcess:
    payload = tmp_path / "payload"
    (payload / "_internal").mkdir(parents=True)
    (payload / "licenses").mkdir()
    for name in ("egov-modeler.exe", "egov-modeler-cli.exe", "VERSION"):
        (payload / name).write_text("stand-in\n", encoding="utf-8")
    icon = tmp_path / "egov-modeler.ico"
    _write_icon(icon)
    out = tmp_path / "egov-modeler-check-setup.exe"
    return subprocess.run(
        ["makensis", "-V2", "-WX", "-DVERSION=0.1.0", "-DFAST", f"-DPAYLOAD={payload}",
         f"-DICON={icon}", f"-DOUTFILE={out}", *defines, NSI.name],
        cwd=NSI.parent, capture_output=True, text=True)


def _write_icon(path) -> None:
    from PIL import Image

    Image.new("RGBA", (32, 32), "#1d3557").save(path, format="ICO", sizes=[(32, 32)])


def test_the_installer_script_compiles_without_warnings(tmp_path):
    result = _compile(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    setup = tmp_path / "egov-modeler-check-setup.exe"
    assert setup.read_bytes()[:2] == b"MZ"  # a Windows program


def test_the_script_installs_per_user_and_offers_all_users():
    script = NSI.read_text(encoding="utf-8")
    assert "RequestExecutionLevel user" in script
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APP}"' in script
    assert '"/AllUsers"' in script and "$PROGRAMFILES64" in script
    assert 'WriteRegStr SHCTX "Software\\Classes\\.egov" "" "${PROGID}"' in script
    assert '"$INSTDIR\\egov-modeler.exe" "%1"' in script
    assert '!define SM_APP "egov-modeler - Mô hình hóa kiến trúc Chính phủ điện tử"' in script
    assert 'WriteUninstaller "$INSTDIR\\uninstall.exe"' in script
