"""What a large view needs beyond the canvas: the Navigator dock (a minimap that follows
the diagram tab shown) and Edit > Copy as image (the view as PNG and SVG on the clipboard,
to paste into a Word report or a LibreOffice document).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from ..canvas.view import DiagramView
from ..docks.navigator_dock import NavigatorDock
from ..document import Document
from ..image_clipboard import diagram_mime
from .actions import make_action
from .view_controller import ViewController


class LargeViewController(QObject):
    """The Navigator dock and Copy as image."""

    def __init__(self, document: Document, views: ViewController,
                 show_status: Callable[..., None], parent: QWidget) -> None:
        super().__init__(parent)
        self.document = document
        self.views = views
        self.show_status = show_status
        self.navigator = NavigatorDock(parent)
        self.navigator.hide()
        self.navigator.toggleViewAction().setShortcut(QKeySequence("Ctrl+Shift+M"))
        self.act_copy_image = make_action(
            self, self.tr("Copy as &image"), self.copy_image, QKeySequence("Ctrl+Shift+C"),
            self.tr("Copy the whole view as a picture (PNG and SVG) to paste into Word or "
                    "LibreOffice"))
        self.act_copy_image.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        views.currentChanged.connect(self._current_changed)
        views.canvasOpened.connect(self._equip_canvas)
        self._current_changed()

    def fill_edit_menu(self, menu: QMenu) -> None:
        menu.addAction(self.act_copy_image)

    def _equip_canvas(self, canvas: DiagramView) -> None:
        canvas.addAction(self.act_copy_image)

    def _current_changed(self) -> None:
        canvas = self.views.current_canvas()
        self.navigator.set_canvas(canvas)
        self.act_copy_image.setEnabled(canvas is not None)

    def copy_image(self) -> bool:
        """Put the current view on the clipboard as PNG and SVG."""
        view_id = self.views.current_view_id()
        model = self.document.model
        if view_id is None or not model.has_view(view_id):
            return False
        view = model.view(view_id)
        QGuiApplication.clipboard().setMimeData(diagram_mime(model, view,
                                                             self.document.language))
        self.show_status(self.tr("‘{view}’ copied as a picture: paste it into Word or "
                                 "LibreOffice").format(view=view.name))
        return True
