"""Builders and event helpers for the window tests (pytest-qt, offscreen)."""

from __future__ import annotations

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

    def open_path(self, title, filters, directory=""):  # noqa: ANN001, ANN201
        return self.open_answer

    def save_path(self, title, filters, suggested=""):  # noqa: ANN001, ANN201
        return self.save_answer

    def ask_save_changes(self, name):  # noqa: ANN001, ANN201
        from egov_modeler.ui.file_actions import SaveChoice

        return self.save_choice or SaveChoice.CANCEL

    def confirm(self, title, text, details=""):  # noqa: ANN001, ANN201
        self.confirms.append((title, text, details))
        return self.confirm_answer

    def error(self, title, text, details=""):  # noqa: ANN001, ANN201
        self.errors.append((title, text, details))

    def info(self, title, text, details=""):  # noqa: ANN001, ANN201
        self.infos.append((title, text, details))

    def ask_text(self, title, label, text=""):  # noqa: ANN001, ANN201
        return self.text_answer


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
        model._put_node(view.id, node)
        bands[layer] = node.id
    return model, view.id, bands


def send_drop(canvas, mime: QMimeData, scene_point: QPointF) -> None:  # noqa: ANN001
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


def view_point(canvas, scene_point: QPointF) -> QPoint:  # noqa: ANN001
    return canvas.mapFromScene(scene_point)
