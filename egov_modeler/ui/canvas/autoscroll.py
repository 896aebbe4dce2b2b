"""Scrolling the diagram while a drag reaches the edge of the window.

Why: zoomed in to place things precisely, an architect dragging a component to a band
below the window (or drawing a line to an element off screen) hit the window's edge and
could go no further: QGraphicsView scrolls by itself only for its own rubber band. Here,
while a tool drags and the pointer rests within :data:`MARGIN` pixels of an edge, the view
scrolls a step every :data:`INTERVAL_MS` and the tool is told the pointer moved (it now
points at another part of the diagram), so the dragged items follow.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent

if TYPE_CHECKING:
    from .view import DiagramView

#: How close to an edge (viewport pixels) the pointer must be to scroll.
MARGIN = 24
#: Largest step per tick, reached at the very edge (or beyond it).
MAX_STEP = 16
INTERVAL_MS = 30


class EdgeScroller(QObject):
    """Owned by a :class:`DiagramView`; fed every mouse move of a drag."""

    def __init__(self, canvas: DiagramView) -> None:
        super().__init__(canvas)
        self.canvas = canvas
        self._pos = QPointF()
        self._buttons = Qt.MouseButton.NoButton
        self._modifiers = Qt.KeyboardModifier.NoModifier
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.tick)

    def step(self, pos: QPointF) -> tuple[int, int]:
        """How far to scroll for a pointer at ``pos`` (viewport pixels): more the closer
        to the edge, nothing away from the edges."""
        rect = self.canvas.viewport().rect()

        def along(value: float, low: int, high: int) -> int:
            if value < low + MARGIN:
                return -min(MAX_STEP, round(low + MARGIN - value))
            if value > high - MARGIN:
                return min(MAX_STEP, round(value - (high - MARGIN)))
            return 0

        return (along(pos.x(), rect.left(), rect.right()),
                along(pos.y(), rect.top(), rect.bottom()))

    def moved(self, event: QMouseEvent) -> None:
        """A mouse move during a drag: scroll while the pointer is near an edge."""
        self._pos = QPointF(event.position())
        self._buttons = event.buttons()
        self._modifiers = event.modifiers()
        if self.step(self._pos) != (0, 0):
            if not self.timer.isActive():
                self.timer.start()
        else:
            self.timer.stop()

    def stop(self) -> None:
        self.timer.stop()

    def tick(self) -> bool:
        """Scroll one step and replay the pointer's position to the tool; False (and the
        timer stops) when the drag ended, the pointer left the edges or the view can
        scroll no further."""
        canvas = self.canvas
        if not canvas.tool.dragging():
            self.timer.stop()
            return False
        dx, dy = self.step(self._pos)
        bars = canvas.horizontalScrollBar(), canvas.verticalScrollBar()
        before = bars[0].value(), bars[1].value()
        bars[0].setValue(before[0] + dx)
        bars[1].setValue(before[1] + dy)
        if (bars[0].value(), bars[1].value()) == before:
            self.timer.stop()
            return False
        global_pos = QPointF(canvas.viewport().mapToGlobal(self._pos.toPoint()))
        canvas.tool.move(QMouseEvent(QEvent.Type.MouseMove, self._pos, global_pos,
                                     Qt.MouseButton.NoButton, self._buttons, self._modifiers))
        return True
