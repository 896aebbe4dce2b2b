"""Editing the text of a note, a group or a legend where it is drawn (double-click).

A note's text wraps over several lines, so the editor is a plain-text box over the note:
Enter starts a new line, Ctrl+Enter or clicking elsewhere keeps the text (one undo step),
Escape leaves it as it was. A group's name and a legend's title are one line: Enter
keeps them. The object name ``text_editor`` is part of the automation contract.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit

from ...model.commands import SetNodeFieldsCommand
from ...model.views import NODE_LABEL

if TYPE_CHECKING:
    from .view import DiagramView

#: Smallest size of the editor on screen (a note's text must be readable while typed).
MIN_WIDTH, MIN_HEIGHT = 220, 60


class NodeTextEditor(QPlainTextEdit):
    """A text box over a note, group or legend of ``canvas``."""

    def __init__(self, canvas: DiagramView, node_id: str) -> None:
        super().__init__(canvas.viewport())
        self.setObjectName("text_editor")
        self.canvas = canvas
        self.node_id = node_id
        self._done = False
        node = canvas.diagram().node(node_id)
        self.multiline = node.kind == NODE_LABEL
        self.original = node.label
        self.setPlainText(self.original)
        self.selectAll()
        self.setTabChangesFocus(True)
        self.place()

    def place(self) -> None:
        item = self.canvas.diagram().node_items.get(self.node_id)
        if item is None:
            return
        box = self.canvas.mapFromScene(item.scene_box()).boundingRect()
        height = box.height() if self.multiline else self.fontMetrics().height() + 12
        rect = QRect(box.left(), box.top(), max(box.width(), MIN_WIDTH),
                     max(height, MIN_HEIGHT if self.multiline else height))
        inside = rect.intersected(self.canvas.viewport().rect())
        self.setGeometry(rect if inside.isEmpty() else inside)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.finish(commit=False)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
                not self.multiline or event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.finish(commit=True)
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.finish(commit=True)

    def finish(self, commit: bool) -> bool:
        """Close the editor; with ``commit`` keep the new text (one undo step) when it
        changed. Returns True when the model changed."""
        if self._done:
            return False
        self._done = True
        text = unicodedata.normalize("NFC", self.toPlainText())
        if not self.multiline:
            text = " ".join(text.split())
        canvas = self.canvas
        changed = False
        scene = canvas.diagram()
        if commit and text != self.original and self.node_id in scene.view().nodes:
            changed = canvas.editor.run(SetNodeFieldsCommand(scene.view_id, self.node_id,
                                                             {"label": text}))
        self.hide()
        self.deleteLater()
        if getattr(canvas, "text_editor", None) is self:
            canvas.text_editor = None
        canvas.setFocus()
        return changed
