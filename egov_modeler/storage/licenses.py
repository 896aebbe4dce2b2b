"""The licence notices shipped with the program: its own and those of what it bundles.

Why data: the texts live in ``resources/licenses/`` with an index, ``licenses.json``, so
every bundle (wheel, frozen build, .deb, Windows installer) carries the same files, the
About box lists them without code knowing the libraries by name, and ``self-test`` can
check that a bundle lost none of them. A library added to the program's dependencies gets
an entry in the index (a test holds the index against ``pyproject.toml``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import metadata, resources
from importlib.abc import Traversable
from typing import Any

from ..i18n import tr
from ..model.errors import ModelError

__all__ = [
    "LicenseError",
    "LicenseNotice",
    "bundled_licenses",
    "installed_version",
    "license_text",
    "licenses_folder",
    "missing_license_files",
    "program_license",
]

INDEX = "licenses.json"


class LicenseError(ModelError):
    """The licence index or one of its files cannot be read (a packaging bug)."""


@dataclass(frozen=True)
class LicenseNotice:
    """One licensed part: its name, licence (SPDX), the files holding the text.

    ``distribution`` is the Python package it comes with (for its installed version), or
    ``None`` for what the frozen builds add (the Python runtime, PyInstaller's bootloader),
    which ``frozen_only`` marks.
    """

    name: str
    license: str
    files: tuple[str, ...]
    distribution: str | None = None
    url: str = ""
    frozen_only: bool = False


def licenses_folder() -> Traversable:
    """``resources/licenses`` inside the installed package (or the frozen bundle)."""
    return resources.files("egov_modeler") / "resources" / "licenses"


@cache
def _index() -> dict[str, Any]:
    try:
        data = json.loads((licenses_folder() / INDEX).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise LicenseError(tr("the licence index {file} cannot be read: {reason}",
                              file=INDEX, reason=exc)) from None
    if not isinstance(data, dict):
        raise LicenseError(tr("the licence index {file} cannot be read: {reason}",
                              file=INDEX, reason="not an object"))
    return data


def _notice(raw: dict[str, Any]) -> LicenseNotice:
    return LicenseNotice(
        name=str(raw["name"]), license=str(raw["license"]),
        files=tuple(str(f) for f in raw.get("files", ())),
        distribution=raw.get("distribution"), url=str(raw.get("url", "")),
        frozen_only=bool(raw.get("frozen_only", False)))


def program_license() -> LicenseNotice:
    """The program's own licence (proprietary: all rights reserved)."""
    return _notice(_index()["program"])


def bundled_licenses() -> list[LicenseNotice]:
    """Every bundled part, in the index's order."""
    return [_notice(raw) for raw in _index().get("bundled", [])]


def license_text(file_name: str) -> str:
    """The text of one licence file of the folder (by its bare name)."""
    if "/" in file_name or "\\" in file_name or file_name.startswith("."):
        raise LicenseError(tr("no licence file {file}", file=file_name))
    try:
        return (licenses_folder() / file_name).read_text(encoding="utf-8")
    except OSError:
        raise LicenseError(tr("no licence file {file}", file=file_name)) from None


def missing_license_files() -> list[str]:
    """The files the index names that this installation lacks (empty when complete)."""
    folder = licenses_folder()
    named = [*program_license().files, *(f for n in bundled_licenses() for f in n.files)]
    return sorted({name for name in named if not (folder / name).is_file()})


def installed_version(distribution: str | None) -> str:
    """The installed version of a Python distribution, or ``""`` when unknown (a frozen
    build without that package's metadata)."""
    if not distribution:
        return ""
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return ""
