"""The window's default dock layout, the saved layout's version, what Properties shows
with no diagram open, and what Cut says (pytest-qt, offscreen)."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtWidgets import QScrollArea

from egov_modeler.model import Model
from tests.helpers.ui import (
    drop,
    node_of,
)

LEFT = Qt.DockWidgetArea.LeftDockWidgetArea
RIGHT = Qt.DockWidgetArea.RightDockWidgetArea
BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea


def _window(qtbot, settings: QSettings):
    """A bare main window reading its layout from ``settings``, shown at 1400x900."""
    from egov_modeler.ui.app import prepare_application
    from egov_modeler.ui.window.main_window import MainWindow

    prepare_application()
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    return win


def _settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)


def _areas(win) -> dict[str, Qt.DockWidgetArea]:
    return {name: win.dockWidgetArea(dock) for name, dock in (
        ("palette", win.palette_dock), ("model", win.model_dock),
        ("properties", win.properties), ("problems", win.problems))}


def test_default_layout_puts_properties_on_the_right_at_full_height(qtbot, tmp_path):
    win = _window(qtbot, _settings(tmp_path))
    assert _areas(win) == {"palette": LEFT, "model": LEFT, "properties": RIGHT,
                           "problems": BOTTOM}
    # Right of the diagram, and taller than the Problems dock below the diagram: the
    # bottom corners belong to the side columns.
    assert win.properties.x() > win.views.tabs.geometry().right()
    assert win.properties.geometry().bottom() > win.problems.geometry().top()
    assert win.properties.height() > 0.7 * win.centralWidget().parentWidget().height()
    assert 280 <= win.properties.width() <= 400


def test_an_element_s_fields_fit_in_properties_without_scrolling(window, qtbot):
    (lgsp,) = drop(window, "i_lgsp_tinh", 200, 240)
    window.current_canvas().diagram().select_ids([node_of(window, lgsp.id).id])
    qtbot.waitUntil(lambda: window.properties.target == ("element", lgsp.id))
    scroll = window.properties.findChild(QScrollArea)
    qtbot.waitUntil(lambda: scroll.widget().height() > 0)
    assert window.properties.name.text() == lgsp.name
    assert scroll.verticalScrollBar().maximum() == 0  # names, origin, docs, table: all shown


def _cramped_state(qtbot, tmp_path, version: int | None) -> QByteArray:
    """The old layout (Properties under the model tree on the left), saved as a window
    of an older version (``version`` None: saveState() without one, i.e. 0) would."""
    win = _window(qtbot, QSettings(str(tmp_path / "old.ini"), QSettings.Format.IniFormat))
    win.addDockWidget(LEFT, win.properties)
    assert win.dockWidgetArea(win.properties) == LEFT
    state = win.saveState() if version is None else win.saveState(version)
    win.document.undo_stack.setClean()
    win.close()
    return state


def test_a_layout_saved_by_an_older_version_is_ignored(qtbot, tmp_path):
    settings = _settings(tmp_path)
    settings.setValue("window/state", _cramped_state(qtbot, tmp_path, None))
    win = _window(qtbot, settings)
    assert _areas(win)["properties"] == RIGHT


def test_the_user_s_own_layout_saved_by_this_version_is_restored(qtbot, tmp_path):
    from egov_modeler.ui.window.main_window import DOCK_STATE_VERSION

    settings = _settings(tmp_path)
    settings.setValue("window/state", _cramped_state(qtbot, tmp_path, DOCK_STATE_VERSION))
    win = _window(qtbot, settings)
    assert _areas(win)["properties"] == LEFT


def test_closing_the_window_saves_a_layout_the_next_window_restores(qtbot, tmp_path):
    settings = _settings(tmp_path)
    first = _window(qtbot, settings)
    first.addDockWidget(LEFT, first.problems)
    first.document.undo_stack.setClean()
    first.close()
    second = _window(qtbot, settings)
    assert _areas(second)["problems"] == LEFT


def test_a_model_without_views_shows_its_own_fields_in_properties(window):
    model = Model("Kiến trúc CQĐT tỉnh Gia Lai")
    model.documentation = "Hồ sơ kiến trúc phiên bản 2.0"
    window.document.replace(model, None)
    assert window.views.tabs.count() == 0
    assert window.properties.target == ("model", model.id)
    assert window.properties.name.text() == "Kiến trúc CQĐT tỉnh Gia Lai"
    assert window.properties.name.isEnabled()
    assert window.properties.documentation.toPlainText() == "Hồ sơ kiến trúc phiên bản 2.0"


def test_closing_the_last_tab_shows_the_model_in_properties(window):
    (citizen,) = drop(window, "u_nguoi_dan", 200, 70)
    window.current_canvas().diagram().select_ids([node_of(window, citizen.id).id])
    assert window.properties.target == ("element", citizen.id)
    window.views.close_tab(0)
    assert window.properties.target == ("model", window.current_model().id)
    assert window.properties.name.text() == window.current_model().name


def test_cut_says_the_elements_left_the_view(window, qtbot):
    (citizen,) = drop(window, "u_nguoi_dan", 200, 70)
    canvas = window.current_canvas()
    canvas.diagram().select_ids([node_of(window, citizen.id).id])
    qtbot.keyClick(canvas, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    view = window.current_model().view(window.current_view_id())
    assert not view.nodes_of_element(citizen.id)  # gone from the view ...
    assert window.current_model().has_element(citizen.id)  # ... not from the model
    message = window.statusBar().currentMessage()
    assert message.startswith("Đã cắt 1 phần tử"), message
    assert "xóa khỏi sơ đồ này" in message
