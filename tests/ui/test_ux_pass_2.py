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
