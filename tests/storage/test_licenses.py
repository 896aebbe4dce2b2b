"""The licence notices shipped with the program: complete, real texts, found by name."""

from __future__ import annotations

import re
import tomllib

import pytest

from egov_modeler.diagram.fonts import licence_path
from egov_modeler.storage.licenses import (
    LicenseError,
    bundled_licenses,
    license_text,
    missing_license_files,
    program_license,
)
from tests.helpers import paths


def _dependency_names() -> set[str]:
    project = tomllib.loads((paths.REPO / "pyproject.toml").read_text(encoding="utf-8"))
    names = set()
    for requirement in project["project"]["dependencies"]:
        name = re.match(r"[A-Za-z0-9_.\-]+", requirement)
        assert name, requirement
        names.add(name.group(0).lower().replace("_", "-"))
    return names


def test_every_runtime_dependency_has_its_licence_listed():
    listed = {n.distribution.lower() for n in bundled_licenses() if n.distribution}
    assert _dependency_names() - listed == set()


def test_every_file_the_index_names_is_shipped():
    assert missing_license_files() == []


def test_qt_is_under_the_lgpl_with_the_gpl_it_extends():
    qt = next(n for n in bundled_licenses() if n.name == "Qt 6")
    assert qt.license == "LGPL-3.0-only"
    texts = [license_text(name) for name in qt.files]
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in texts[0]
    assert "Version 3" in texts[0]
    assert "GNU GENERAL PUBLIC LICENSE" in texts[1]


def test_the_font_licence_is_the_font_package_s_own_text():
    font = next(n for n in bundled_licenses() if n.distribution == "fontpkg-be-vietnam-pro")
    assert font.license == "OFL-1.1"
    shipped = license_text(font.files[0])
    assert shipped == licence_path().read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in shipped


def test_the_program_itself_reserves_all_rights():
    notice = program_license()
    assert notice.license == "LicenseRef-Proprietary"
    pyproject = (paths.REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert f'license = "{notice.license}"' in pyproject
    assert "All rights reserved." in license_text(notice.files[0])


@pytest.mark.parametrize("name", ["../version.py", "/etc/passwd", "nope.txt", ".hidden"])
def test_only_files_of_the_folder_are_read(name):
    with pytest.raises(LicenseError):
        license_text(name)
