"""What an inventory workbook would change, shown before anything changes: every change
with its sheet, row, object, column, the value before and after, what was ignored; Apply
makes it one undo step, Cancel leaves the model as it was."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...exchange.xlsx_inventory_import import XlsxImport
from ..plain_text import plain_label


class ImportPreviewDialog(QDialog):
    """The changes of one planned workbook import, for the user to apply or not."""

    def __init__(self, result: XlsxImport, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("xlsx_import_preview")
        self.setWindowTitle(self.tr("Import workbook {name}").format(name=name))
        self.resize(980, 560)
        layout = QVBoxLayout(self)
        if result.changes:
            summary = self.tr("{changes}: {created}, {updated}. Nothing is changed until you "
                              "apply them; one Undo takes them all back.").format(
                changes=self.tr("%n change(s)", "", len(result.changes)),
                created=self.tr("%n new row(s)", "", result.created),
                updated=self.tr("%n row(s) changed", "", result.updated))
        else:
            summary = self.tr("The workbook holds nothing the model does not already have.")
        self.summary = QLabel(summary, self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.changes = QTreeWidget(self)
        self.changes.setObjectName("xlsx_import_changes")
        self.changes.setRootIsDecorated(False)
        self.changes.setAlternatingRowColors(True)
        self.changes.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.changes.setHeaderLabels([self.tr("Sheet"), self.tr("Row"), self.tr("Object"),
                                      self.tr("Column"), self.tr("Before"), self.tr("After")])
        for change in result.changes:
            self.changes.addTopLevelItem(QTreeWidgetItem(
                [change.sheet, str(change.row), change.concept, change.what, change.old,
                 change.new]))
        for column, width in enumerate((110, 45, 260, 160, 170, 170)):
            self.changes.setColumnWidth(column, width)
        layout.addWidget(self.changes, 1)
        if result.notes:
            notes = plain_label(QLabel("\n".join(result.notes), self))
            notes.setObjectName("xlsx_import_notes")
            notes.setWordWrap(True)
            layout.addWidget(notes)
        buttons = QDialogButtonBox(self)
        apply = buttons.addButton(self.tr("Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
        apply.setEnabled(result.command is not None)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
