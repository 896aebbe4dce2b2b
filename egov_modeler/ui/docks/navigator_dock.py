"""The Navigator dock: the whole diagram in small, with the part the window shows as a
rectangle to drag (a minimap for large views, as in Archi and Visio).

Why a picture and not a second live view of the scene: a second ``QGraphicsView`` on the
same scene repaints every item on every change (a hover, each step of a drag), which on
a large overview doubles the painting work for a picture too small to read. Here the
scene is rendered once into a pixmap at the navigator's size, without antialiasing (the
low level of detail a thumbnail needs), a moment after the diagram stops changing
(:data:`RENDER_DELAY_MS`); scrolling and zooming only move the rectangle, which is one
blit and one rectangle to paint. While the dock is closed nothing is rendered at all (it
used to render a 2,000-node view several times while a model opened); the picture is
made when the dock is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QDockWidget, QSizePolicy, QWidget

from ..canvas.view import DiagramView

#: The picture is made again this long after the diagram last changed.
RENDER_DELAY_MS = 250
_FRAME = QColor(220, 40, 40)


class NavigatorMap(QWidget):
    """The diagram's picture and the visible area; pressing moves the diagram there,
    dragging moves it along."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigator")
        self.setMinimumSize(120, 90)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.canvas: DiagramView | None = None
        self.picture = QPixmap()
        self._picture_area = QRectF()
        #: How many times the picture was made (the dock's cost, for tests and curiosity).
        self.renders = 0
        self._drag_offset: QPointF | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RENDER_DELAY_MS)
        self._timer.timeout.connect(self.render_now)

    # ---------------------------------------------------------------- following a canvas
    def set_canvas(self, canvas: DiagramView | None) -> None:
        """Show ``canvas``'s diagram (``None``: nothing)."""
        if canvas is self.canvas:
            return
        old = self.canvas
        if old is not None:
            try:
                for signal, slot in self._links(old):
                    signal.disconnect(slot)
            except (RuntimeError, TypeError):  # the old canvas is gone already
                pass
        self.canvas = canvas
        if canvas is not None:
            for signal, slot in self._links(canvas):
                signal.connect(slot)
        self.render_now()

    def _links(self, canvas: DiagramView) -> list:
        return [(canvas.diagram().changed, self._diagram_changed),
                (canvas.horizontalScrollBar().valueChanged, self._moved),
                (canvas.verticalScrollBar().valueChanged, self._moved),
                (canvas.zoomChanged, self._moved),
                (canvas.destroyed, self._canvas_destroyed)]

    def _canvas_destroyed(self, *_args: object) -> None:
        self.canvas = None
        self.picture = QPixmap()
        self.update()

    def _diagram_changed(self, *_args: object) -> None:
        self._timer.start()  # once the burst of changes is over

    def _moved(self, *_args: object) -> None:
        if not self.isVisible():
            return
        if self.scene_area() != self._picture_area:  # zoomed out past the diagram's edge
            self.render_now()
        else:
            self.update()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.render_now()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._timer.start()

    # ---------------------------------------------------------------- geometry
    def scene_area(self) -> QRectF:
        """The part of the scene the picture shows: the diagram and the visible area."""
        canvas = self.canvas
        if canvas is None:
            return QRectF()
        return canvas.diagram().sceneRect().united(self.visible_area())

    def visible_area(self) -> QRectF:
        """The scene rectangle the diagram's window shows now."""
        canvas = self.canvas
        if canvas is None:
            return QRectF()
        return canvas.mapToScene(canvas.viewport().rect()).boundingRect()

    def _mapping(self) -> tuple[float, QPointF, QRectF]:
        """(scale, widget offset, scene area): widget = offset + (scene - area.topLeft)
        × scale, the picture centred and its proportions kept."""
        area = self.scene_area()
        if area.isEmpty():
            return 1.0, QPointF(), area
        scale = min(self.width() / area.width(), self.height() / area.height())
        offset = QPointF((self.width() - area.width() * scale) / 2,
                         (self.height() - area.height() * scale) / 2)
        return scale, offset, area

    def to_widget(self, rect: QRectF) -> QRectF:
        scale, offset, area = self._mapping()
        return QRectF(offset.x() + (rect.x() - area.x()) * scale,
                      offset.y() + (rect.y() - area.y()) * scale,
                      rect.width() * scale, rect.height() * scale)

    def to_scene(self, point: QPointF) -> QPointF:
        scale, offset, area = self._mapping()
        return QPointF(area.x() + (point.x() - offset.x()) / scale,
                       area.y() + (point.y() - offset.y()) / scale)

    # ---------------------------------------------------------------- painting
    def render_now(self) -> None:
        """Make the picture of the diagram at the navigator's size."""
        self._timer.stop()
        canvas = self.canvas
        if canvas is not None and not self.isVisible():
            return  # made when the dock is shown (see showEvent)
        if canvas is None or self.width() <= 0 or self.height() <= 0:
            self.picture = QPixmap()
            self.update()
            return
        picture = QPixmap(self.size())
        picture.fill(Qt.GlobalColor.white)
        scale, _offset, area = self._mapping()
        if not area.isEmpty():
            painter = QPainter(picture)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, False)
            canvas.diagram().render(painter, self.to_widget(area), area,
                                    Qt.AspectRatioMode.KeepAspectRatio)
            painter.end()
        self.picture = picture
        self._picture_area = area
        self.renders += 1
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        if not self.picture.isNull():
            painter.drawPixmap(0, 0, self.picture)
        if self.canvas is not None:
            frame = self.to_widget(self.visible_area())
            painter.setPen(QPen(_FRAME, 2))
            painter.setBrush(QColor(_FRAME.red(), _FRAME.green(), _FRAME.blue(), 30))
            painter.drawRect(frame)
        painter.end()

    # ---------------------------------------------------------------- the mouse
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.canvas is None or event.button() != Qt.MouseButton.LeftButton:
            return
        point = event.position()
        frame = self.to_widget(self.visible_area())
        if not frame.contains(point):  # a press elsewhere brings the area there first
            self.canvas.centerOn(self.to_scene(point))
            frame = self.to_widget(self.visible_area())
        self._drag_offset = point - frame.center()
        self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self.canvas is None or self._drag_offset is None:
            return
        self.canvas.centerOn(self.to_scene(event.position() - self._drag_offset))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._drag_offset = None
        self.setCursor(Qt.CursorShape.OpenHandCursor)


class NavigatorDock(QDockWidget):
    """The navigator in a dock (View > Navigator)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Navigator"), parent)
        self.setObjectName("navigator_dock")
        self.map = NavigatorMap(self)
        self.setWidget(self.map)

    def set_canvas(self, canvas: DiagramView | None) -> None:
        self.map.set_canvas(canvas)
