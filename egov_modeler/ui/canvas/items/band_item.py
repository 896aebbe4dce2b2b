"""Containers: framework layer bands (swimlanes) and plain groups.

Drawn from the same display list as the PDF (:mod:`egov_modeler.diagram.display_list`): ArchiMate's
grouping notation, a name tab (as wide as the name) on the top left over a dashed body. A
layer band is a container whose ``layer`` names a framework layer; its Vietnamese label sits
in the tab.

Zoomed out past the point where the tab's name can be read (:mod:`.detail`), the band is
drawn without text; the diagram then writes the bands' names over the view at a readable
size (:meth:`egov_modeler.ui.canvas.view.DiagramView.drawForeground`).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from ....diagram import notation as nt
from ....diagram.display_list import TextItem
from ..display import container_items
from ..notation_qt import paint_display_items
from .detail import TEXT_LEVEL, level
from .element_item import NodeItem


class BandItem(NodeItem):
    """A framework layer band or a group: a container other nodes nest into."""

    def __init__(self, node_id: str) -> None:
        super().__init__(node_id)
        self._items: list = []
        self._shapes: list = []
        self._label = ""
        self._tab = QRectF()
        self.setZValue(0)

    @property
    def is_container(self) -> bool:
        return True

    @property
    def label(self) -> str:
        """The name shown in the tab."""
        return self._label

    def header_rect(self) -> QRectF:
        """The name tab; pressing there selects and drags the container."""
        return self._tab

    def refresh(self) -> None:
        scene = self.diagram()
        if scene is None:
            return
        node = self.node()
        label = node.labels.get(scene.language) or node.label
        self._label = label
        self._items = container_items(node, label, self._w, self._h)
        self._shapes = [i for i in self._items if not isinstance(i, TextItem)]
        tab = next((i.prim for i in self._items
                    if not isinstance(i, TextItem) and isinstance(i.prim, nt.Rect)), None)
        self._tab = QRectF(tab.x, tab.y, tab.w, tab.h) if tab else QRectF(
            0, 0, min(self._w, 80), min(nt.GROUP_TAB_HEIGHT, self._h))
        self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        zoom = level(painter)
        if zoom < TEXT_LEVEL:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            paint_display_items(painter, self._shapes)
            self.paint_marks(painter, zoom)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        paint_display_items(painter, self._items)
        self.paint_problem(painter)
        self.paint_selection(painter)
