"""The place mode: a catalog component (or a bare ArchiMate element) becomes a new element
where it is dropped or clicked, nested into the band, group or element under it."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QMouseEvent

from ....model.commands import AddElementCommand, PlaceNodeCommand
from ....model.concepts import Element
from ....model.ids import new_id
from ....model.views import Node
from .base import Tool, _t, band_warnings

if TYPE_CHECKING:
    from ..view import DiagramView

#: Default size of a new element, as in Archi.
ELEMENT_SIZE = (120, 55)


class PlaceTool(Tool):
    """Places a catalog component (from a palette drop or a click) as a new element."""

    def __init__(self, canvas: DiagramView) -> None:
        super().__init__(canvas)
        self.hint = _t("Click on the diagram to place the component")
        self.component_id: str | None = None

    def activate(self) -> None:
        self.canvas.viewport().setCursor(Qt.CursorShape.CrossCursor)

    def press(self, event: QMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton or not self.component_id:
            return False
        self.place(self.component_id, self.scene_pos(event))
        self.canvas.set_tool("select")
        return True

    def place(self, payload: str, pos: QPointF) -> Node | None:
        """Create the element for ``payload`` (a catalog component id, or ``type:<Type>``
        for a bare ArchiMate element) centred on ``pos`` and nested into the band, group or
        element under it; one undo step. Returns the new node, or None if refused."""
        element = element_for_payload(payload, self.scene.model)
        if element is None:
            self.editor.status.emit(_t("Unknown component {id}", id=payload))
            return None
        scene = self.scene
        w, h = element_size_for(scene.view())
        x, y = round(pos.x() - w / 2), round(pos.y() - h / 2)
        parent = scene.container_at(pos)
        if element.layer is None and element.catalog_ref is None:
            # A bare ArchiMate element takes the framework layer of the band it is put in,
            # so the framework's rules judge it like a catalog component.
            element.layer = scene.view().enclosing_layer(parent)
        node = Node(new_id(), x, y, w, h, element_id=element.id, parent=parent)
        ok = self.editor.run_many(
            _t("Add ‘{name}’", name=element.name),
            [AddElementCommand(element), PlaceNodeCommand(scene.view_id, node)])
        if not ok:
            return None
        scene.select_ids([node.id])
        warnings = band_warnings(scene.model, scene.view_id, node.id)
        if warnings:
            self.editor.status.emit(warnings[0])
        return node


def element_size_for(view) -> tuple[int, int]:
    """The size a new element gets on ``view``: the size most of its elements already
    have (the templates draw 160 x 70, and a 120 x 55 newcomer beside them looked out of
    place and wrapped its long Vietnamese name into four lines), else Archi's default."""
    sizes = Counter((n.w, n.h) for n in view.nodes.values()
                    if n.element_id and n.kind == "element")
    if not sizes:
        return ELEMENT_SIZE
    (size, _count), = sizes.most_common(1)
    return size



def element_for_payload(payload: str, model: object | None = None) -> Element | None:
    """A new element for a palette payload (catalog id, or ``type:<ArchiMate type>``);
    a catalog id is looked up in ``model``'s framework profile (the palette shows it)."""
    from ....model.metamodel import ELEMENT_TYPES

    if payload.startswith("type:"):
        type_name = payload[5:]
        etype = ELEMENT_TYPES.get(type_name)
        if etype is None:
            return None
        return Element(new_id(), type_name, name=QCoreApplication.translate(
            "Tools", etype.label_en))
    try:
        from ....model.catalog import active_catalog, catalog_for, element_from_component
    except ImportError:
        return None
    try:
        catalog = catalog_for(model) if model is not None else active_catalog()
        component = catalog.component(payload)
    except Exception:
        return None
    if component is None:
        return None
    return element_from_component(component, catalog=catalog)

