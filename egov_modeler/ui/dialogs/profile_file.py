"""File > Load profile: a framework profile from a file (an official annex typed in, a
province's own framework), with the loader's message when the file is broken.

:func:`load_profile_file` asks for the file; :func:`add_profile_from` loads one (nothing is
loaded half-way: a broken file changes nothing). The caller then refreshes the palette
(``palette.show_catalog(catalog_for(model))``) so the new components show.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ...model.catalog import Catalog, CatalogError, add_user_profile

__all__ = ["add_profile_from", "load_profile_file"]


def add_profile_from(parent: QWidget | None, path: str) -> Catalog | None:
    """Load the profile at ``path``; on a broken file, say why and return ``None``."""
    try:
        return add_user_profile(path)
    except CatalogError as exc:
        box = QMessageBox(QMessageBox.Icon.Warning, "", str(exc),
                          QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("profile_error")
        box.setWindowTitle(box.tr("The profile was not loaded"))
        box.exec()
        return None


def load_profile_file(parent: QWidget | None = None) -> Catalog | None:
    """Ask for a profile file and load it; ``None`` when cancelled or broken."""
    title = QCoreApplication.translate("ProfileFile", "Load framework profile")
    path, _filter = QFileDialog.getOpenFileName(parent, title, "", "JSON (*.json)")
    if not path:
        return None
    return add_profile_from(parent, path)
