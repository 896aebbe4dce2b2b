"""Builders and event helpers for the window tests (pytest-qt, offscreen). The fixtures
``window`` and ``private_settings`` are in ``tests/ui/conftest.py``."""

from __future__ import annotations

import os

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from egov_modeler.model import Model
from egov_modeler.model.views import NODE_CONTAINER, Node


class FakeDialogs:
    """Answers given in advance; records what the window asked."""

    def __init__(self) -> None:
        self.errors: list[tuple[str, str, str]] = []
        self.infos: list[tuple[str, str, str]] = []
        self.confirms: list[tuple[str, str, str]] = []
        self.confirm_answer = True
        self.save_answer = None
        self.open_answer = None
        self.save_choice = None
        self.text_answer = None
        self.dialogs_shown: list = []
        self.prepare_dialog = None
        self.dialog_answer = True
        #: The ``data()`` of the popup-menu entry to choose (None dismisses the menu);
        #: each menu shown is recorded as its entries' (text, data, enabled).
        self.menu_answer = None
        self.menus_shown: list[list[tuple[str, object, bool]]] = []
        #: The colour the colour picker answers (None: cancelled); the pickers shown.
        self.colour_answer = None
        self.colours_asked: list[tuple[str, str]] = []
        self.lock_answer = None  # a LockChoice; default CANCEL
        self.disk_answer = None  # a DiskChoice; default CANCEL
        self.migrate_answer = False
        self.asked: list[tuple[str, str]] = []  # (question, text) for the questions below

    def ask_locked(self, text):
        from egov_modeler.ui.dialogs.file_actions import LockChoice

        self.asked.append(("locked", text))
        return self.lock_answer or LockChoice.CANCEL

    def ask_changed_on_disk(self, text):
        from egov_modeler.ui.dialogs.file_actions import DiskChoice

        self.asked.append(("changed", text))
        return self.disk_answer or DiskChoice.CANCEL

    def ask_migrate(self, model):
        self.asked.append(("migrate", model.name))
        return self.migrate_answer

    def open_path(self, title, filters, directory=""):
        return self.open_answer

    def save_path(self, title, filters, suggested=""):
        return self.save_answer

    def ask_save_changes(self, name):
        from egov_modeler.ui.dialogs.file_actions import SaveChoice

        return self.save_choice or SaveChoice.CANCEL

    def ask_recover(self, info):
        from egov_modeler.ui.recovery import RecoverChoice

        return RecoverChoice.LATER  # tests that care answer for themselves

    def confirm(self, title, text, details=""):
        self.confirms.append((title, text, details))
        return self.confirm_answer

    def error(self, title, text, details=""):
        self.errors.append((title, text, details))

    def info(self, title, text, details=""):
        self.infos.append((title, text, details))

    def run_dialog(self, dialog):
        """Accept a prepared dialog as the user would (after ``prepare_dialog``)."""
        self.dialogs_shown.append(dialog)
        if self.prepare_dialog is not None:
            self.prepare_dialog(dialog)
        if not self.dialog_answer:
            return False
        dialog.accept()
        return True

    def ask_text(self, title, label, text=""):
        return self.text_answer

    def choose_colour(self, title, initial):
        self.colours_asked.append((title, initial))
        return self.colour_answer

    def choose_from_menu(self, menu, pos):
        entries = [a for a in menu.actions() if not a.isSeparator()]
        self.menus_shown.append([(a.text(), a.data(), a.isEnabled()) for a in entries])
        return next((a for a in entries if a.isEnabled() and self.menu_answer is not None
                     and a.data() == self.menu_answer), None)


def overview_model() -> tuple[Model, str, dict[str, str]]:
    """A model with one overview view and three framework layer bands."""
    model = Model("Kiến trúc thử nghiệm")
    view = model.add_view("Sơ đồ khái quát")
    bands = {}
    for layer, label, box in (
        ("nguoi_su_dung", "Người sử dụng", (0, 0, 800, 150)),
        ("cong_dich_vu", "Cổng dịch vụ", (0, 170, 800, 150)),
        ("an_toan_thong_tin", "An toàn thông tin", (820, 0, 160, 320)),
    ):
        node = Node(f"id-band-{layer}", *box, kind=NODE_CONTAINER, label=label, layer=layer)
        model.load_node(view.id, node)
        bands[layer] = node.id
    return model, view.id, bands


def send_drop(canvas, mime: QMimeData, scene_point: QPointF) -> None:
    """Drag-enter, drag-move and drop on the canvas viewport at a scene point."""
    pos = canvas.mapFromScene(scene_point)
    posf = QPointF(pos)
    viewport = canvas.viewport()
    actions = Qt.DropAction.CopyAction
    buttons = Qt.MouseButton.LeftButton
    mods = Qt.KeyboardModifier.NoModifier
    for event in (
        QDragEnterEvent(pos, actions, mime, buttons, mods),
        QDragMoveEvent(pos, actions, mime, buttons, mods),
        QDropEvent(posf, actions, mime, buttons, mods),
    ):
        QApplication.sendEvent(viewport, event)


def view_point(canvas, scene_point: QPointF) -> QPoint:
    return canvas.mapFromScene(scene_point)


def editor_window(qtbot, tmp_path):
    """The main window on :func:`overview_model`, shown offscreen at 100% zoom, with
    answers-in-advance dialogs and a private settings file."""
    from PySide6.QtCore import QSettings

    from egov_modeler.ui import open_window

    win = open_window(settings=QSettings(str(tmp_path / "settings.ini"),
                                         QSettings.Format.IniFormat),
                      dialogs=FakeDialogs())
    qtbot.addWidget(win)
    model, _view_id, bands = overview_model()
    win.document.replace(model, None)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    # Let the tab's pending zoom-to-fit run first, so the 100% set below is the one that
    # stays (the fit is below 100% when the docks leave the diagram less than the view).
    QApplication.processEvents()
    canvas = win.current_canvas()
    canvas.resetTransform()
    canvas.centerOn(490, 160)
    win.bands = bands
    return win


def palette_mime(win, component_id: str):
    """What dragging the palette row of ``component_id`` carries."""
    from PySide6.QtWidgets import QTreeView

    palette = win.findChild(QTreeView, "palette")
    index = win.palette_dock.find_payload(component_id)
    assert index.isValid(), component_id
    return palette.model().mimeData([index])


def drop(win, component_id: str, x: float, y: float) -> list:
    """Drop a palette component on the canvas at scene point (x, y); the new elements."""
    from PySide6.QtWidgets import QGraphicsView

    canvas = win.findChild(QGraphicsView, "canvas")
    before = {e.id for e in win.current_model().elements}
    send_drop(canvas, palette_mime(win, component_id), QPointF(x, y))
    return [e for e in win.current_model().elements if e.id not in before]


def node_of(win, element_id: str):
    """The single node showing ``element_id`` on the current view."""
    view = win.current_model().view(win.current_view_id())
    (node,) = view.nodes_of_element(element_id)
    return node


def isolate_settings(folder) -> None:
    """Point Qt's default settings (recent files, window layout) at a test folder, so
    tests never read or write the user's own."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    os.environ["EGOV_MODELER_JOURNAL_DIR"] = str(folder / "journals")  # crash journals too
