"""Work that waits for a widget's first paint (the first validation and the memory
settling when a national model is opened, issue 19) runs after that paint, once, and
still runs when the widget is deleted unpainted."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QApplication, QWidget

from egov_modeler.ui.after_paint import LATEST_MS, after_first_paint


def _shown_child(qtbot) -> tuple[QWidget, QWidget]:
    """A shown window (the work's owner) and a child widget in it, both painted once."""
    owner = QWidget()
    qtbot.addWidget(owner)
    widget = QWidget(owner)
    owner.show()
    qtbot.waitExposed(owner)
    QApplication.processEvents()
    return owner, widget


def test_the_work_runs_once_after_the_first_paint(qtbot):
    owner, widget = _shown_child(qtbot)
    order: list[str] = []
    widget.paintEvent = lambda _event: order.append("paint")
    after_first_paint(widget, lambda: order.append("work"), owner)
    assert order == []
    widget.repaint()
    QApplication.processEvents()
    widget.repaint()
    QApplication.processEvents()
    assert order == ["paint", "work", "paint"]


def test_a_widget_deleted_unpainted_does_not_hold_the_work_back(qtbot):
    owner, widget = _shown_child(qtbot)
    done: list[str] = []
    after_first_paint(widget, lambda: done.append("work"), owner)
    widget.deleteLater()
    qtbot.waitUntil(lambda: done == ["work"], timeout=LATEST_MS * 3)
