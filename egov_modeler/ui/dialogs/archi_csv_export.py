"""File > Export > CSV (Archi): where to write Archi's three CSV files and how.

The dialog writes nothing itself. On accept the caller reads :meth:`folder` and
:meth:`options` and calls :func:`~egov_modeler.exchange.archi_csv_export.write_archi_csv`;
the file names the export will write are shown while the user types the prefix, so they
know which files in the folder will be replaced.
"""

from __future__ import annotations

import os

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...exchange.archi_csv_export import CsvOptions
from ...exchange.archi_vocabulary import CSV_ELEMENTS, CSV_PROPERTIES, CSV_RELATIONS, CSV_SUFFIX

__all__ = ["CsvExportDialog"]


class CsvExportDialog(QDialog):
    """Folder, file name prefix, delimiter and the spreadsheet-safe option."""

    def __init__(self, folder: str = "", parent: QWidget | None = None,
                 options: CsvOptions | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export CSV (Archi)"))
        initial = options or CsvOptions()
        self.folder_edit = QLineEdit(folder)
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(browse)
        self.prefix = QLineEdit(initial.prefix)
        self.delimiter = QComboBox()
        for label, value in ((self.tr("Comma"), ","), (self.tr("Semicolon"), ";"),
                             (self.tr("Tab"), "\t")):
            self.delimiter.addItem(label, value)
        self.delimiter.setCurrentIndex(max(0, self.delimiter.findData(initial.delimiter)))
        self.excel_safe = QCheckBox(self.tr("Protect against formulas in spreadsheets "
                                            "(a space before text starting with = + - @)"))
        self.excel_safe.setChecked(initial.excel_safe)
        self.files_label = QLabel()
        self.files_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Folder:"), row)
        form.addRow(self.tr("File name prefix:"), self.prefix)
        form.addRow(self.tr("Delimiter:"), self.delimiter)
        form.addRow("", self.excel_safe)
        form.addRow(self.tr("Files:"), self.files_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.prefix.textChanged.connect(self._refresh)
        self.folder_edit.textChanged.connect(self._refresh)
        self._refresh()

    def folder(self) -> str:
        return self.folder_edit.text().strip()

    def options(self) -> CsvOptions:
        return CsvOptions(prefix=self.prefix.text(), delimiter=self.delimiter.currentData(),
                          excel_safe=self.excel_safe.isChecked())

    def file_names(self) -> list[str]:
        """The three files the export will write."""
        prefix = self.prefix.text()
        return [f"{prefix}{kind}{CSV_SUFFIX}" for kind in (CSV_ELEMENTS, CSV_RELATIONS,
                                                              CSV_PROPERTIES)]

    def _refresh(self) -> None:
        self.files_label.setText(", ".join(self.file_names()))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.folder()) and os.path.isdir(self.folder()))

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the CSV files"),
                                                  self.folder())
        if chosen:
            self.folder_edit.setText(chosen)
