"""Containers: framework layer bands (swimlanes) and plain groups.

Drawn as the PDF draws them (:mod:`egov_modeler.export.scene`): ArchiMate's grouping
notation, a name tab on the top left over a dashed body, from
:func:`egov_modeler.export.notation.group_outline`. A layer band is a container whose
``layer`` names a framework layer; its Vietnamese label sits in the tab.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from ....export import notation as nt
from ....export.scene import CONTAINER_FILL
from ..notation_qt import paint_shapes, shapes
from ..text import TextBlock, layout_text
from .element_item import NodeItem


def tab_width(w: float) -> float:
    """Width of the name tab, as :func:`~egov_modeler.export.notation.group_outline`."""
    return min(w, max(w * 0.4, 60.0))


class BandItem(NodeItem):
    """A framework layer band or a group: a container other nodes nest into."""

    def __init__(self, node_id: str) -> None:
        super().__init__(node_id)
        self._text = TextBlock()
        self._shapes: tuple = ()
        self._fill = QColor(CONTAINER_FILL)
        self._line = QColor(nt.ELEMENT_LINE_COLOR)
        self._font = QColor("#000000")
        self.setZValue(0)

    @property
    def is_container(self) -> bool:
        return True

    def header_rect(self) -> QRectF:
        """The name tab; pressing there selects and drags the container."""
        return QRectF(0, 0, tab_width(self._w), min(nt.GROUP_TAB_HEIGHT, self._h))

    def refresh(self) -> None:
        scene = self.diagram()
        if scene is None:
            return
        node = self.node()
        label = node.labels.get(scene.language) or node.label
        w, h = self._w, self._h
        self._shapes = shapes(nt.group_outline(0.0, 0.0, w, h))
        self._fill = QColor(node.style.fill or CONTAINER_FILL)
        if node.style.fill_alpha is not None:
            self._fill.setAlpha(node.style.fill_alpha)
        self._line = QColor(node.style.line_color or nt.ELEMENT_LINE_COLOR)
        self._font = QColor(node.style.font_color or "#000000")
        pad = nt.TEXT_PADDING
        rect = QRectF(pad, 1, tab_width(w) - 2 * pad, min(nt.GROUP_TAB_HEIGHT, h) - 2)
        self._text = layout_text(label, rect, node.style.font_size or None, bold=True,
                                 center=False, valign_center=True)
        self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        paint_shapes(painter, self._shapes, self._fill, self._line)
        self._text.paint(painter, self._font)
        self.paint_problem(painter)
        self.paint_selection(painter)
