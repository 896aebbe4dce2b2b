"""Align, distribute and make-same-size on the diagram: the menu entries, their icons, the
order in which boxes were selected, and running an operation as one undo step.

The geometry is pure (:mod:`egov_modeler.model.arrange`); here is only what needs Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from ...model import arrange as ar
from ...model.commands import Command, CompoundCommand
from .line_routing import reroute_commands

if TYPE_CHECKING:
    from .scene import DiagramScene
    from .view import DiagramView


def _t(text: str, **fields: object) -> str:
    out = QCoreApplication.translate("Arrange", text)
    return out.format(**fields) if fields else out


@dataclass(frozen=True)
class ArrangeEntry:
    """One entry of the Arrange menu; ``label`` and ``tip`` are English sources."""

    operation: str
    label: str
    tip: str


def arrange_entries() -> list[list[ArrangeEntry]]:
    """The Arrange menu, in groups separated by a line. Labels go through Qt's
    translation here (not at import time) so a language switch is followed."""
    return [
        [ArrangeEntry(ar.ALIGN_LEFT, _t("Align &left"),
                      _t("Put the left edges on the leftmost one")),
         ArrangeEntry(ar.ALIGN_CENTRE_H, _t("Align centres &horizontally"),
                      _t("Put the centres on one vertical line, in the middle of the "
                         "selection")),
         ArrangeEntry(ar.ALIGN_RIGHT, _t("Align &right"),
                      _t("Put the right edges on the rightmost one"))],
        [ArrangeEntry(ar.ALIGN_TOP, _t("Align &top"),
                      _t("Put the top edges on the highest one")),
         ArrangeEntry(ar.ALIGN_CENTRE_V, _t("Align centres &vertically"),
                      _t("Put the centres on one horizontal line, in the middle of the "
                         "selection")),
         ArrangeEntry(ar.ALIGN_BOTTOM, _t("Align &bottom"),
                      _t("Put the bottom edges on the lowest one"))],
        [ArrangeEntry(ar.DISTRIBUTE_H, _t("Distribute hori&zontally"),
                      _t("Equal gaps from left to right; the outermost two stay (three or "
                         "more selected)")),
         ArrangeEntry(ar.DISTRIBUTE_V, _t("Distribute vertic&ally"),
                      _t("Equal gaps from top to bottom; the outermost two stay (three or "
                         "more selected)"))],
        [ArrangeEntry(ar.SAME_WIDTH, _t("Same &width"),
                      _t("The width of the first selected for all")),
         ArrangeEntry(ar.SAME_HEIGHT, _t("Same hei&ght"),
                      _t("The height of the first selected for all")),
         ArrangeEntry(ar.SAME_SIZE, _t("Same &size"),
                      _t("The size of the first selected for all"))],
    ]


def undo_label(operation: str) -> str:
    """What Edit > Undo names (the menu label without its accelerator)."""
    for group in arrange_entries():
        for entry in group:
            if entry.operation == operation:
                return entry.label.replace("&", "")
    return operation


# ============================================================================ order
class SelectionOrder(QObject):
    """Remembers in which order nodes of a scene were selected: "same size" takes the
    first one's size. Qt's ``selectedItems()`` has no order; nodes selected together (a
    rubber band) are ordered left to right, then top to bottom."""

    def __init__(self, scene: DiagramScene) -> None:
        super().__init__(scene)
        self.setObjectName("selection_order")
        self._scene = scene
        self._order: list[str] = []
        scene.selectionChanged.connect(self._changed)

    def _changed(self) -> None:
        scene = self._scene
        try:
            current = scene.selected_node_ids()
        except RuntimeError:  # the scene is being destroyed (its items deselect)
            return
        if not scene.model.has_view(scene.view_id):
            self._order = []
            return
        chosen = set(current)
        kept = [n for n in self._order if n in chosen]
        view = scene.view()
        fresh = sorted((n for n in current if n not in set(kept) and n in view.nodes),
                       key=lambda n: (view.nodes[n].x, view.nodes[n].y))
        self._order = kept + fresh

    def ids(self) -> list[str]:
        """The selected node ids, first selected first (nodes selected before this object
        existed come after, left to right)."""
        self._changed()
        return list(self._order)


def selection_order(scene: DiagramScene) -> SelectionOrder:
    """The scene's :class:`SelectionOrder`, made on first use."""
    found = scene.findChild(SelectionOrder, "selection_order")
    return found if found is not None else SelectionOrder(scene)


def arrangeable_count(scene: DiagramScene) -> int:
    """How many selected nodes an operation would move (nested ones move with their
    selected parent and do not count)."""
    return len(ar.top_level(scene.model, scene.view_id, scene.selected_node_ids()))


def arrange_selection(canvas: DiagramView, operation: str) -> bool:
    """Apply ``operation`` to the selection of ``canvas`` as one undo step. False (and a
    status message) when too few nodes are selected or nothing would change."""
    scene = canvas.diagram()
    ids = selection_order(scene).ids()
    needed = ar.minimum_selection(operation)
    if arrangeable_count(scene) < needed:
        canvas.editor.status.emit(_t("Select at least {count} elements", count=needed))
        return False
    commands = ar.arrange_commands(scene.model, scene.view_id, ids, operation)
    if not commands:
        canvas.editor.status.emit(_t("Already arranged: nothing to move"))
        return False
    steps: list[Command] = list(commands)
    steps += reroute_commands(scene.model, scene.view(), steps)
    return canvas.editor.run(CompoundCommand(undo_label(operation), steps))


# ============================================================================ icons
_BOX = QColor("#9bb7d4")
_EDGE = QColor("#3c5a80")
_GUIDE = QColor("#d93025")
ICON = 24

# Boxes (x, y, w, h) in a 24-pixel icon and the guide line ((x1, y1, x2, y2) or None).
_PICTURES: dict[str, tuple[list[tuple[int, int, int, int]], tuple[int, int, int, int] | None]] = {
    ar.ALIGN_LEFT: ([(4, 4, 14, 6), (4, 14, 9, 6)], (3, 1, 3, 23)),
    ar.ALIGN_RIGHT: ([(6, 4, 14, 6), (11, 14, 9, 6)], (21, 1, 21, 23)),
    ar.ALIGN_CENTRE_H: ([(5, 4, 14, 6), (7, 14, 10, 6)], (12, 1, 12, 23)),
    ar.ALIGN_TOP: ([(4, 4, 6, 14), (14, 4, 6, 9)], (1, 3, 23, 3)),
    ar.ALIGN_BOTTOM: ([(4, 6, 6, 14), (14, 11, 6, 9)], (1, 21, 23, 21)),
    ar.ALIGN_CENTRE_V: ([(4, 5, 6, 14), (14, 7, 6, 10)], (1, 12, 23, 12)),
    ar.DISTRIBUTE_H: ([(1, 8, 5, 8), (10, 6, 4, 12), (18, 8, 5, 8)], None),
    ar.DISTRIBUTE_V: ([(8, 1, 8, 5), (6, 10, 12, 4), (8, 18, 8, 5)], None),
    ar.SAME_WIDTH: ([(3, 4, 18, 6), (3, 14, 18, 6)], None),
    ar.SAME_HEIGHT: ([(4, 3, 6, 18), (14, 3, 6, 18)], None),
    ar.SAME_SIZE: ([(2, 5, 9, 14), (13, 5, 9, 14)], None),
}


@cache
def arrange_icon(operation: str) -> QIcon:
    """A small drawing of what ``operation`` does (boxes and, for align, the red line
    they are aligned on)."""
    pixmap = QPixmap(ICON, ICON)
    pixmap.fill(Qt.GlobalColor.transparent)
    boxes, guide = _PICTURES.get(operation, ([], None))
    painter = QPainter(pixmap)
    try:
        painter.setPen(QPen(_EDGE, 1))
        painter.setBrush(_BOX)
        for x, y, w, h in boxes:
            painter.drawRect(QRectF(x + 0.5, y + 0.5, w, h))
        if guide is not None:
            painter.setPen(QPen(_GUIDE, 1.5))
            painter.drawLine(*guide)
    finally:
        painter.end()
    return QIcon(pixmap)


__all__ = [
    "ArrangeEntry", "SelectionOrder", "arrange_entries", "arrange_icon", "arrange_selection",
    "arrangeable_count", "selection_order", "undo_label",
]
