"""Renaming an element where it is drawn (double-click or F2), as in Archi.

Why not a dialog: the dialog covered the diagram, opened far from the element, and its
narrow field cut long Vietnamese names ("Hệ thống thông tin giải quyết thủ tục hành chính
cấp tỉnh") so the architect edited text they could not see. The editor here sits over the
element, at least :data:`MIN_WIDTH` pixels wide; Enter or clicking elsewhere renames (one
undo step), Escape leaves the name as it was.
"""

from __future__ import annotations

import logging
import unicodedata
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit

from ...model.catalog import rename_element_command

if TYPE_CHECKING:
    from .view import DiagramView

log = logging.getLogger(__name__)

#: Narrowest the editor gets on screen, whatever the zoom (a name must be readable).
MIN_WIDTH = 260


class NameEditor(QLineEdit):
    """A one-line editor over a node of ``canvas``; the object name ``name_editor`` is part
    of the automation contract."""

    def __init__(self, canvas: DiagramView, node_id: str, element_id: str) -> None:
        super().__init__(canvas.viewport())
        self.setObjectName("name_editor")
        self.canvas = canvas
        self.node_id = node_id
        self.element_id = element_id
        self._done = False
        model = canvas.diagram().model
        self.original = model.element(element_id).name
        self.setText(self.original)
        self.selectAll()
        self.place()
        # The editor would float away from its element if the diagram moved under it.
        canvas.horizontalScrollBar().valueChanged.connect(self._scrolled)
        canvas.verticalScrollBar().valueChanged.connect(self._scrolled)
        canvas.zoomChanged.connect(self._scrolled)

    def place(self) -> None:
        """Centre the editor on its node, as wide as the node on screen (or wider),
        kept inside the viewport."""
        item = self.canvas.diagram().node_items.get(self.node_id)
        if item is None:
            return
        box = self.canvas.mapFromScene(item.scene_box()).boundingRect()
        width = max(box.width(), MIN_WIDTH)
        height = self.sizeHint().height()
        rect = QRect(0, 0, width, height)
        rect.moveCenter(box.center())
        viewport = self.canvas.viewport().rect()
        rect.moveLeft(max(viewport.left(), min(rect.left(), viewport.right() - width)))
        rect.moveTop(max(viewport.top(), min(rect.top(), viewport.bottom() - height)))
        self.setGeometry(rect)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.finish(commit=False)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish(commit=True)
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        # A menu or a tooltip popping up is not the user leaving the editor.
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.finish(commit=True)

    def _scrolled(self, *_args) -> None:
        self.finish(commit=True)

    def finish(self, commit: bool) -> bool:
        """Close the editor; with ``commit`` rename the element (one undo step) when the
        name changed and is not blank. Returns True when the model was renamed."""
        if self._done:
            return False
        self._done = True
        canvas = self.canvas
        for signal in (canvas.horizontalScrollBar().valueChanged,
                       canvas.verticalScrollBar().valueChanged, canvas.zoomChanged):
            try:
                signal.disconnect(self._scrolled)
            except (RuntimeError, TypeError):
                pass
        name = unicodedata.normalize("NFC", self.text().strip())
        renamed = False
        model = canvas.diagram().model
        if commit and name and name != self.original and model.has_element(self.element_id):
            renamed = canvas.editor.run(
                rename_element_command(canvas.editor.model, self.element_id, name))
        self.hide()
        self.deleteLater()
        if canvas.name_editor is self:
            canvas.name_editor = None
        canvas.setFocus()
        return renamed
