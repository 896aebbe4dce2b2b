"""The Linux desktop integration files: menu entry (Vietnamese and English), the .egov type,
the package's dependencies on the system's graphics libraries."""

from __future__ import annotations

import configparser
import shutil
import subprocess

import pytest

from egov_modeler.exchange.xml_safety import parse_xml
from tests.helpers import paths

LINUX = paths.REPO / "installer" / "linux"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive: Name[vi]
    parser.read(LINUX / "egov-modeler.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def _mime_type():
    tree = parse_xml((LINUX / "egov-modeler-mime.xml").read_bytes(), "egov-modeler-mime.xml")
    [mime_type] = tree.getroot().findall(f"{MIME_NS}mime-type")
    return mime_type


def test_the_menu_entry_speaks_vietnamese_and_english():
    entry = _desktop_entry()
    assert entry["Comment"] == "Model a Vietnamese e-Government architecture in ArchiMate"
    assert "Chính phủ điện tử" in entry["Comment[vi]"]
    assert "Chính phủ điện tử" in entry["GenericName[vi]"]
    assert entry["Icon"] == "egov-modeler"


def test_a_double_click_on_an_egov_file_opens_it():
    entry = _desktop_entry()
    mime_type = _mime_type()
    assert entry["Exec"] == "egov-modeler %f"  # the file is passed to the window
    assert entry["MimeType"].rstrip(";").split(";") == [mime_type.get("type")]
    assert mime_type.get("type") == "application/x-egov-model"
    assert [g.get("pattern") for g in mime_type.findall(f"{MIME_NS}glob")] == ["*.egov"]
    comments = {c.get("{http://www.w3.org/XML/1998/namespace}lang"): c.text
                for c in mime_type.findall(f"{MIME_NS}comment")}
    assert comments[None] and "Chính phủ điện tử" in comments["vi"]


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate (desktop-file-utils) is not installed")
def test_the_menu_entry_is_valid():
    result = subprocess.run(["desktop-file-validate", str(LINUX / "egov-modeler.desktop")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_package_depends_on_what_bootstrap_installs_for_qt():
    control = (LINUX / "control.in").read_text(encoding="utf-8")
    depends = next(line for line in control.splitlines() if line.startswith("Depends:"))
    names = {alt.strip().split()[0] for item in depends[len("Depends:"):].split(",")
             for alt in item.split("|")}
    bootstrap = (paths.REPO / "installer" / "bootstrap.sh").read_text(encoding="utf-8")
    qt_libraries = {word for word in bootstrap.split() if word.startswith(("libx", "libegl",
                                                                           "libgl1", "libfont"))}
    assert qt_libraries <= names
    assert {"libegl1", "libgl1", "libfontconfig1", "libxkbcommon0", "libxcb-cursor0"} <= names
