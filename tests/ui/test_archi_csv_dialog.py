"""The CSV (Archi) export dialog: what it will write, and the options it hands back."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from egov_modeler.exchange.archi_csv_export import CsvOptions, write_archi_csv
from egov_modeler.ui.dialogs.archi_csv_export import CsvExportDialog
from tests.helpers.exchange import rich_model


def test_shows_the_files_it_will_write_and_hands_back_the_options(qtbot, tmp_path):
    dialog = CsvExportDialog(str(tmp_path))
    qtbot.addWidget(dialog)
    assert dialog.files_label.text() == "elements.csv, relations.csv, properties.csv"
    dialog.prefix.setText("gia-lai-")
    assert "gia-lai-elements.csv" in dialog.files_label.text()
    dialog.delimiter.setCurrentIndex(dialog.delimiter.findData(";"))
    dialog.excel_safe.setChecked(True)
    assert dialog.options() == CsvOptions(prefix="gia-lai-", delimiter=";", excel_safe=True)
    written = write_archi_csv(rich_model(), dialog.folder(), dialog.options())
    assert [p.name for p in written] == dialog.file_names()


def test_ok_waits_for_a_folder_that_exists(qtbot, tmp_path):
    dialog = CsvExportDialog("")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.folder_edit.setText(str(tmp_path / "missing"))
    assert not ok.isEnabled()
    dialog.folder_edit.setText(str(tmp_path))
    assert ok.isEnabled()


def test_starts_from_given_options(qtbot):
    dialog = CsvExportDialog("", options=CsvOptions(prefix="x-", delimiter="\t"))
    qtbot.addWidget(dialog)
    assert (dialog.prefix.text(), dialog.delimiter.currentData()) == ("x-", "\t")
