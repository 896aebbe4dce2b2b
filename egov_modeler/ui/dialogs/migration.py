"""Migrating the open model to the successor framework (Tools > Migrate), and the offer
made once when a model of a superseded framework is opened.

* :func:`migration_target` says whether a model can be migrated and to which profile;
* :class:`MigrationOffer` remembers which files were offered, so opening a 2.0 file offers
  migration once per file and session, and never changes the model by itself;
* :class:`MigrateDialog` shows what migration does and asks for the architecture date;
* :func:`run_migration` plans it, runs it on the window's undo stack as **one** step (a
  :class:`~egov_modeler.model.commands.CompoundCommand`), and returns the report, whose
  :meth:`~egov_modeler.model.migration.MigrationReport.problems` go to the Problems panel;
* :class:`MigrationReportDialog` shows the report (every change, then what to decide).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...model.catalog import CatalogError, catalog_for, profile_catalog
from ...model.migration import MigrationReport, plan_migration
from ...model.model import Model
from ..undo import run_command

__all__ = ["MigrateDialog", "MigrationOffer", "MigrationReportDialog", "migration_target",
           "run_migration"]


def migration_target(model: Model) -> str | None:
    """The profile ``model`` can be migrated to (its profile's successor, when that is
    loaded and maps from it), else ``None``."""
    try:
        profile = catalog_for(model).profile
        if profile is None or not profile.superseded_by:
            return None
        target = profile_catalog(profile.superseded_by)
    except CatalogError:
        return None
    mapping = target.mapping_from
    return target.id if mapping is not None and mapping.profile == profile.id else None


class MigrationOffer:
    """Offer migration once per file and session when a model of a superseded framework
    is opened; the model stays as it was unless the user accepts."""

    def __init__(self) -> None:
        self._offered: set[str] = set()

    def should_offer(self, model: Model, path: str | None) -> bool:
        """True the first time a migratable model is opened from ``path``."""
        key = path or model.id
        if key in self._offered or migration_target(model) is None:
            return False
        self._offered.add(key)
        return True

    @staticmethod
    def ask(parent: QWidget | None, model: Model) -> bool:
        """Ask whether to migrate now; True when the user accepts."""
        profile = catalog_for(model).profile
        target = profile_catalog(migration_target(model) or "").profile
        assert profile is not None and target is not None
        box = QMessageBox(parent)
        box.setObjectName("migration_offer")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(box.tr("Superseded framework"))
        box.setText(box.tr("This model follows {old}. {note}").format(
            old=profile.short_title(), note=profile.status_note()))
        box.setInformativeText(box.tr(
            "Migrate it to {new}? It stays as it is otherwise; Tools > Migrate does it later. "
            "Migration is one step you can undo.").format(new=target.short_title()))
        migrate = box.addButton(box.tr("Migrate…"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(box.tr("Keep it as it is"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.exec()
        return box.clickedButton() is migrate


class MigrateDialog(QDialog):
    """What migration does, and the architecture date to record (optional)."""

    def __init__(self, model: Model, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("migrate_dialog")
        self.setWindowTitle(self.tr("Migrate to the successor framework"))
        self.model = model
        self.target = migration_target(model)
        source = catalog_for(model).profile
        target = profile_catalog(self.target).profile if self.target else None
        text = self.tr(
            "From {old} to {new}. Every component is mapped to its successor, merged "
            "agencies are renamed, nodes move into the new layer bands; what has no "
            "successor is kept and flagged for a decision, nothing is deleted.").format(
            old=source.short_title() if source else "?",
            new=target.short_title() if target else "?")
        explanation = QLabel(text, self)
        explanation.setWordWrap(True)
        self.set_date = QCheckBox(self.tr("Record the architecture date (rules are judged on "
                                          "it)"), self)
        self.set_date.setObjectName("set_date")
        self.date = QDateEdit(QDate.currentDate(), self)
        self.date.setObjectName("architecture_date")
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.date.setEnabled(False)
        self.set_date.toggled.connect(self.date.setEnabled)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.target is not None)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (explanation, self.set_date, self.date, buttons):
            layout.addWidget(widget)

    def architecture_date(self) -> dt.date | None:
        if not self.set_date.isChecked():
            return None
        qdate = self.date.date()
        return dt.date(qdate.year(), qdate.month(), qdate.day())


def run_migration(stack: QUndoStack, model: Model, target: str,
                  architecture_date: dt.date | None = None) -> MigrationReport:
    """Migrate ``model`` as one undo step on ``stack``; the report says what changed."""
    plan = plan_migration(model, target, architecture_date=architecture_date)
    run_command(stack, model, plan.command)
    return plan.report


class MigrationReportDialog(QDialog):
    """The migration report: every change, then what is left to decide."""

    def __init__(self, report: MigrationReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("migration_report")
        self.setWindowTitle(self.tr("Migration report"))
        summary = QLabel(self.tr("{changes} changes; {decisions} items to decide (also in the "
                                 "Problems panel).").format(changes=len(report.changes),
                                                            decisions=len(report.decisions)),
                         self)
        self.text = QPlainTextEdit(report.as_text(), self)
        self.text.setObjectName("report_text")
        self.text.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (summary, self.text, buttons):
            layout.addWidget(widget)
        self.resize(760, 520)
