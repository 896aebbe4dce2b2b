"""The second UX pass on a 1366×768 office screen: the Problems list's columns fit the
screen, main actions have shortcuts, English counts agree with their number, the rename
editor stays in its box (pytest-qt, offscreen)."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt

from egov_modeler.model.problems import Problem, Severity


def _office_screen(window, qtbot) -> None:
    """The window as big as a 1366×768 screen leaves it (the taskbar takes 30 px)."""
    from PySide6.QtWidgets import QApplication

    window.resize(1366, 738)
    qtbot.waitUntil(lambda: window.width() == 1366)
    QApplication.processEvents()


def test_the_problems_rule_column_is_on_screen_and_the_message_takes_the_rest(
        window, qtbot):
    from PySide6.QtWidgets import QApplication

    _office_screen(window, qtbot)
    long_message = ("Ứng dụng “Nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP/LDOP)” "
                    "chưa được gắn với hạ tầng số dùng chung nào (trung tâm dữ liệu, "
                    "điện toán đám mây) " * 3)
    dock = window.problems
    dock.show_problems([Problem(Severity.WARNING, "FW-APP-HOSTED", long_message),
                        Problem(Severity.ERROR, "archimate", "Ngắn")])
    QApplication.processEvents()
    tree = dock.list
    header = tree.header()
    visible = tree.viewport().width()
    rule_right = header.sectionViewportPosition(2) + header.sectionSize(2)
    assert rule_right <= visible  # the Rule column is on screen, not scrolled off
    assert tree.horizontalScrollBar().maximum() == 0
    # the message takes what the other columns leave
    others = sum(header.sectionSize(c) for c in (0, 2, 3))
    assert header.sectionSize(1) >= visible - others - 2
    tip = dock.rows.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "điện toán đám mây" in tip  # the full text stays in the tooltip
    # the rule and severity are readable in full
    metrics = tree.fontMetrics()
    assert header.sectionSize(2) >= metrics.horizontalAdvance("FW-APP-HOSTED")


# --------------------------------------------------------------------------- shortcuts
def _menu_entries(window, title: str) -> list:
    """Every entry of a menu of the menu bar and of its submenus."""
    menu = next(a.menu() for a in window.menuBar().actions()
                if a.menu().title().replace("&", "") == title)
    found, stack = [], [menu]
    while stack:
        for action in stack.pop().actions():
            if action.menu() is not None:
                stack.append(action.menu())
            found.append(action)
    return found


def test_no_two_actions_of_the_window_share_a_shortcut(window):
    from PySide6.QtGui import QAction, QKeySequence

    owners: dict[str, list[str]] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            owners.setdefault(key.toString(QKeySequence.SequenceFormat.PortableText),
                              []).append(action.text())
    assert len(owners) > 30  # the scan really finds the window's shortcuts
    shared = {key: names for key, names in owners.items() if len(names) > 1}
    assert shared == {}


@pytest.mark.parametrize(("menu", "entry", "key"), [
    ("Tệp", lambda w: w.exports.act_export_docx, "Ctrl+Shift+W"),
    ("Tệp", lambda w: w.exports.act_import, "Ctrl+I"),
    ("Hiển thị", lambda w: w.problems.toggleViewAction(), "Ctrl+Shift+E"),
    ("Kiểm kê", lambda w: w.inventory.dock.toggleViewAction(), "Ctrl+Shift+K"),
])
def test_the_main_actions_show_their_shortcut_in_the_menus(window, menu, entry, key):
    from PySide6.QtGui import QKeySequence

    action = entry(window)
    assert action in _menu_entries(window, menu)
    assert action.shortcut() == QKeySequence(key)
    # what QMenu draws beside the entry
    assert action.shortcut().toString(QKeySequence.SequenceFormat.NativeText) == key


def test_ctrl_shift_w_opens_the_word_export(window, qtbot):
    from egov_modeler.ui.dialogs.pdf_export import PdfExportDialog

    window.dialogs.dialog_answer = False  # looked at, then cancelled
    qtbot.keyClick(window, Qt.Key.Key_W,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    shown = window.dialogs.dialogs_shown
    assert shown and isinstance(shown[-1], PdfExportDialog)
    assert shown[-1].windowTitle() == "Xuất tài liệu Word"


def test_ctrl_i_imports_an_exchange_file(window, qtbot, tmp_path):
    from egov_modeler.exchange.oef_writer import write_exchange
    from egov_modeler.model.model import Model

    other = Model("Mô hình trao đổi")
    other.add_element("ApplicationComponent", "Hệ thống một cửa điện tử")
    path = tmp_path / "trao-doi.xml"
    write_exchange(other, path)
    window.dialogs.open_answer = str(path)
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(e.name == "Hệ thống một cửa điện tử"
                                for e in window.document.model.elements))


def test_the_dock_shortcuts_bring_problems_and_inventory_to_the_front(window, qtbot):
    from PySide6.QtWidgets import QApplication

    problems, inventory = window.problems, window.inventory.dock

    def seen(dock) -> bool:
        QApplication.processEvents()
        return dock.isVisible() and not dock.visibleRegion().isEmpty()

    assert seen(problems) and not seen(inventory)  # tabs: Problems in front
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_K, ctrl_shift)
    qtbot.waitUntil(lambda: seen(inventory))
    assert not seen(problems)
    qtbot.keyClick(window, Qt.Key.Key_E, ctrl_shift)  # behind a tab: brought forward,
    qtbot.waitUntil(lambda: seen(problems))           # not hidden
    problems.hide()
    qtbot.keyClick(window, Qt.Key.Key_E, ctrl_shift)  # hidden: shown again, in front
    qtbot.waitUntil(lambda: seen(problems))


# --------------------------------------------------------------------------- counts
def _preview_summary(qtbot, changes: int, created: int, updated: int) -> str:
    """The first line of the workbook import's preview for so many changes."""
    from egov_modeler.exchange.xlsx_inventory_import import Change, XlsxImport
    from egov_modeler.ui.dialogs.xlsx_import_preview import ImportPreviewDialog

    rows = [Change("Objects", 3 + i, "Hệ thống thông tin báo cáo quốc gia", "Code", "",
                   "(đã sửa)") for i in range(changes)]
    dialog = ImportPreviewDialog(XlsxImport(None, rows, created, updated), "kiem-ke.xlsx")
    qtbot.addWidget(dialog)
    return dialog.summary.text()


def test_english_counts_agree_with_their_number(english, qtbot):
    assert _preview_summary(qtbot, 1, 0, 1).startswith(
        "1 change: 0 new rows, 1 row changed. Nothing is changed until you apply them")
    assert _preview_summary(qtbot, 3, 1, 2).startswith(
        "3 changes: 1 new row, 2 rows changed.")


def test_vietnamese_counts_read_as_before(qtbot):
    assert _preview_summary(qtbot, 1, 0, 1) == (
        "1 thay đổi: 0 dòng mới, 1 dòng được sửa. Chưa có gì thay đổi cho đến khi bạn áp "
        "dụng; một lần Hoàn tác sẽ bỏ tất cả.")


#: An exchange file with one thing the reader leaves out (a property's second language).
ONE_OMISSION = """<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/"
       xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="id-model">
  <name xml:lang="en">Exchange</name>
  <elements>
    <element identifier="id-portal" xsi:type="ApplicationComponent">
      <name xml:lang="en">One-stop portal</name>
      <properties>
        <property propertyDefinitionRef="pd-owner">
          <value xml:lang="en">Province</value>
          <value xml:lang="fr">Province</value>
        </property>
      </properties>
    </element>
  </elements>
  <propertyDefinitions>
    <propertyDefinition identifier="pd-owner" type="string">
      <name xml:lang="en">Owner</name>
    </propertyDefinition>
  </propertyDefinitions>
</model>
"""


def test_english_import_omissions_are_counted_in_the_singular(english, window, tmp_path):
    path = tmp_path / "one.xml"
    path.write_text(ONE_OMISSION, encoding="utf-8")
    window.dialogs.open_answer = str(path)
    assert window.exports.import_exchange()
    assert window.dialogs.infos[-1][1] == "Not imported: 1 item of the file."


def test_vietnamese_import_omissions_read_as_before(window, tmp_path):
    path = tmp_path / "one.xml"
    path.write_text(ONE_OMISSION, encoding="utf-8")
    window.dialogs.open_answer = str(path)
    assert window.exports.import_exchange(), window.dialogs.errors
    assert window.dialogs.infos[-1][1] == "Có 1 mục trong tệp không được nhập."


def test_the_problems_title_counts_in_the_singular_in_english(english, window):
    dock = window.problems
    dock.show_problems([Problem(Severity.WARNING, "FW-APP-HOSTED", "Một cảnh báo"),
                        Problem(Severity.ERROR, "archimate", "Một lỗi")])
    assert dock.windowTitle() == "Problems (1 error, 1 warning)"
    dock.show_problems([Problem(Severity.WARNING, "FW-APP-HOSTED", "Một cảnh báo"),
                        Problem(Severity.WARNING, "duplicate-name", "Hai cảnh báo")])
    assert dock.windowTitle() == "Problems (0 errors, 2 warnings)"


def test_the_problems_title_reads_as_before_in_vietnamese(window):
    dock = window.problems
    dock.show_problems([Problem(Severity.ERROR, "archimate", "Một lỗi")])
    assert dock.windowTitle() == "Vấn đề (1 lỗi, 0 cảnh báo)"
