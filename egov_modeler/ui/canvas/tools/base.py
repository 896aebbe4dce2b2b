"""What the diagram's mouse modes share (DESIGN.md, "The canvas").

The view hands each mouse and key event to the active tool (:class:`Tool`). A tool shows
previews by moving items, but edits the model only through commands on release, so a drag
of many elements is one undo step, and a refused edit puts every item back where the model
says. The modes themselves live in :mod:`.select_tool`, :mod:`.connect_tool` and
:mod:`.place_tool`.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent

if TYPE_CHECKING:
    from ..view import DiagramView

log = logging.getLogger(__name__)

#: A press that moves fewer screen points than this is a click, not a drag.
DRAG_THRESHOLD = 3


def _t(text: str, **fields: object) -> str:
    out = QCoreApplication.translate("Tools", text)
    return out.format(**fields) if fields else out


class Tool:
    """Base of the mouse modes; each handler returns True when it used the event."""

    #: Shown in the status bar while the tool is active.
    hint = ""

    def __init__(self, canvas: DiagramView) -> None:
        self.canvas = canvas

    @property
    def scene(self):
        return self.canvas.diagram()

    @property
    def editor(self):
        return self.canvas.editor

    def activate(self) -> None:
        self.canvas.viewport().setCursor(Qt.CursorShape.ArrowCursor)

    def deactivate(self) -> None:
        pass

    def press(self, event: QMouseEvent) -> bool:
        return False

    def move(self, event: QMouseEvent) -> bool:
        return False

    def release(self, event: QMouseEvent) -> bool:
        return False

    def double_click(self, event: QMouseEvent) -> bool:
        return False

    def key_press(self, event: QKeyEvent) -> bool:
        return False

    def dragging(self) -> bool:
        """True while a drag is under way (the view scrolls at the window's edge)."""
        return False

    def scene_pos(self, event: QMouseEvent) -> QPointF:
        return self.canvas.mapToScene(event.position().toPoint())



def band_warnings(model, view_id: str, node_id: str) -> list[str]:
    """Framework warnings about where a node sits (a component in another layer's band)."""
    try:
        from ....model.framework_rules import check_node_in_band
    except ImportError:
        return []
    try:
        return [p.message for p in check_node_in_band(model, view_id, node_id)]
    except Exception:
        log.debug("band check failed", exc_info=True)
        return []

