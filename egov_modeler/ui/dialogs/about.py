"""Help > About: the version, the framework profiles the program carries, the licences.

Everything shown is read from data: the version from :mod:`egov_modeler.version`, the
frameworks from the catalogs (:attr:`Catalog.framework`: the decision and the decisions that
replaced it), the licences from ``resources/licenses/licenses.json``
(:mod:`egov_modeler.storage.licenses`). A framework profile or a bundled library added later
appears here without a change to this module.
"""

from __future__ import annotations

import platform
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...i18n import current_language
from ...model.catalog import BUILTIN_PROFILES, Catalog, Decision, profile_catalog
from ...storage.licenses import (
    LicenseError,
    LicenseNotice,
    bundled_licenses,
    installed_version,
    license_text,
    program_license,
)
from ...version import __version__
from ..app_icon import icon_pixmap

__all__ = ["AboutDialog", "FrameworkRow", "framework_rows"]


@dataclass(frozen=True)
class FrameworkRow:
    """One framework profile as the About box lists it."""

    title: str
    version: str
    decision: str
    superseded_by: tuple[str, ...]


def framework_rows(catalogs: Sequence[Catalog] | None = None,
                   language: str | None = None) -> list[FrameworkRow]:
    """One row per catalog that names its framework (default: every built-in profile):
    its ``framework`` block when it has one, else what its profile says."""
    lang = language or current_language()
    rows = []
    if catalogs is None:
        catalogs = [profile_catalog(profile_id) for profile_id in BUILTIN_PROFILES]
    for catalog in catalogs:
        edition, profile = catalog.framework, catalog.profile
        if edition is not None:
            rows.append(FrameworkRow(catalog.title(lang), edition.version, edition.decision,
                                     edition.replaced_by))
        elif profile is not None:
            rows.append(FrameworkRow(
                profile.title(lang), profile.framework_version or profile.version,
                "; ".join(_decision_text(d, lang) for d in profile.decisions),
                tuple(_decision_text(d, lang) for d in profile.superseded_by_decisions)))
    return rows


def _decision_text(decision: Decision, language: str) -> str:
    """"QĐ 3090/QĐ-BKHCN ngày 08/10/2025" ("of 08/10/2025" in English)."""
    if decision.date is None:
        return decision.number
    day = decision.date.strftime("%d/%m/%Y")
    return f"{decision.number} ngày {day}" if language == "vi" else f"{decision.number} of {day}"


class AboutDialog(QDialog):
    """Three tabs: the program, the frameworks, the licences (list and full text)."""

    def __init__(self, parent: QWidget | None = None,
                 catalogs: Sequence[Catalog] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about")
        self.setWindowTitle(self.tr("About egov-modeler"))
        self.resize(920, 560)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._program_tab(), self.tr("Program"))
        self.tabs.addTab(self._frameworks_tab(catalogs), self.tr("Frameworks"))
        self.tabs.addTab(self._licenses_tab(), self.tr("Licences"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    # --- the program ---------------------------------------------------------------------

    def _program_tab(self) -> QWidget:
        page = QWidget(self)
        icon = QLabel(page)
        icon.setPixmap(icon_pixmap(96))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.program_label = QLabel(page)
        self.program_label.setObjectName("program")
        self.program_label.setTextFormat(Qt.TextFormat.RichText)
        self.program_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.program_label.setWordWrap(True)
        self.program_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.program_label.setText("<br>".join([
            "<b style='font-size:large'>egov-modeler</b>",
            self.tr("Version {version}").format(version=__version__),
            "",
            self.tr("Model a Vietnamese e-Government architecture in ArchiMate."),
            "",
            self.tr("Copyright © the egov-modeler authors. All rights reserved."),
            self.tr("Proprietary software; the parts it bundles keep their own licences "
                    "(see Licences)."),
            "",
            self.tr("Python {python}, Qt {qt}, PySide6 {pyside}").format(
                python=platform.python_version(), qt=qVersion(), pyside=pyside_version),
        ]))
        layout = QHBoxLayout(page)
        layout.addWidget(icon)
        layout.addWidget(self.program_label, 1)
        return page

    # --- the frameworks ------------------------------------------------------------------

    def _frameworks_tab(self, catalogs: Sequence[Catalog] | None) -> QWidget:
        rows = framework_rows(catalogs)
        table = QTableWidget(len(rows), 4, self)
        table.setObjectName("frameworks")
        table.setHorizontalHeaderLabels([self.tr("Framework"), self.tr("Version"),
                                         self.tr("Decision"), self.tr("Status")])
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.setWordWrap(True)
        for row, framework in enumerate(rows):
            status = (self.tr("Replaced by {decisions}; kept for the architectures written "
                              "under it").format(decisions="; ".join(framework.superseded_by))
                      if framework.superseded_by else self.tr("In force"))
            for column, text in enumerate((framework.title, framework.version,
                                           framework.decision, status)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                table.setItem(row, column, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.frameworks_table = table
        return table

    # --- the licences --------------------------------------------------------------------

    def _licenses_tab(self) -> QWidget:
        page = QSplitter(Qt.Orientation.Horizontal, self)
        self.licenses_list = QListWidget(page)
        self.licenses_list.setObjectName("licenses")
        self.license_view = QPlainTextEdit(page)
        self.license_view.setObjectName("license_text")
        self.license_view.setReadOnly(True)
        # the texts are wrapped by their authors; a second wrap makes them ragged
        self.license_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.license_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        try:
            notices = [program_license(), *bundled_licenses()]
        except LicenseError as exc:  # a packaging bug: say so instead of an empty list
            notices = []
            self.license_view.setPlainText(str(exc))
        for notice in notices:
            item = QListWidgetItem(self._license_label(notice), self.licenses_list)
            item.setData(Qt.ItemDataRole.UserRole, notice)
        self.licenses_list.currentItemChanged.connect(self._show_license)
        page.setSizes([300, 600])
        if notices:
            self.licenses_list.setCurrentRow(0)
        return page

    def _license_label(self, notice: LicenseNotice) -> str:
        version = installed_version(notice.distribution)
        name = f"{notice.name} {version}" if version else notice.name
        if notice.license.startswith("LicenseRef-"):
            return self.tr("{name}: all rights reserved").format(name=name)
        if notice.frozen_only:
            return self.tr("{name}: {licence} (installers only)").format(
                name=name, licence=notice.license)
        return f"{name}: {notice.license}"

    def _show_license(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is None:
            return
        notice: LicenseNotice = item.data(Qt.ItemDataRole.UserRole)
        parts = []
        for file_name in notice.files:
            try:
                parts.append(license_text(file_name))
            except LicenseError as exc:
                parts.append(str(exc))
        header = f"{notice.name} — {notice.license}" + (f"\n{notice.url}" if notice.url else "")
        self.license_view.setPlainText(header + "\n\n" + ("\n\n" + "=" * 72 + "\n\n").join(parts))

    def select_license(self, name: str) -> bool:
        """Show the licence of the part called ``name`` (tests, a "Licences" link)."""
        for row in range(self.licenses_list.count()):
            item = self.licenses_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole).name == name:
                self.licenses_list.setCurrentRow(row)
                return True
        return False
