"""The place mode: a catalog component (or a bare ArchiMate element) becomes a new element
where it is dropped or clicked, nested into the band, group or element under it."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QMouseEvent

from ....model.commands import AddElementCommand, Command, PlaceNodeCommand
from ....model.concepts import Element
from ....model.errors import ModelError, RelationshipNotAllowed
from ....model.ids import new_id
from ....model.views import NODE_CONTAINER, NODE_LABEL, NODE_LEGEND, Node
from .. import nesting
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
        element under it; one undo step. Returns the new node, or None if refused.

        Nesting into an element follows the editor's nesting mode
        (:mod:`..nesting`): the parent grows to hold the new node, and the relationship
        the nesting states is asked for, created at once, or left out. A ``diagram:``
        payload places a note, a group or a legend instead (:func:`diagram_node`)."""
        if payload.startswith(DIAGRAM_PAYLOAD):
            return self.place_diagram_node(payload[len(DIAGRAM_PAYLOAD):], pos)
        element = element_for_payload(payload, self.scene.model)
        if element is None:
            self.editor.status.emit(_t("Unknown component {id}", id=payload))
            return None
        scene = self.scene
        view = scene.view()
        w, h = element_size_for(view)
        box = (round(pos.x() - w / 2), round(pos.y() - h / 2), w, h)
        parent = nesting.holder_at(scene, pos, set(), nesting.nests_into_elements(self.editor))
        if element.layer is None and element.catalog_ref is None:
            # A bare ArchiMate element takes the framework layer of the band it is put in,
            # so the framework's rules judge it like a catalog component.
            element.layer = view.enclosing_layer(parent)
        box, extra, stated = nesting.entering(
            self.editor, view, parent, box, element, True,
            self.canvas.mapToGlobal(self.canvas.mapFromScene(pos)))
        node = Node(new_id(), *box, element_id=element.id, parent=parent)
        commands: list[Command] = [AddElementCommand(element),
                                   PlaceNodeCommand(scene.view_id, node), *extra]
        label = _t("Add ‘{name}’", name=element.name)
        try:
            self.editor.run_many_strict(label, commands + nesting.relate_command(stated))
        except RelationshipNotAllowed as exc:
            # A framework rule refuses the relationship: nest without it, and say why.
            if not self.editor.run_many(label, commands):
                return None
            self.editor.status.emit(str(exc))
            stated = nesting.Stated()
        except ModelError as exc:
            self.editor.status.emit(str(exc))
            return None
        scene.select_ids([node.id])
        warnings = band_warnings(scene.model, scene.view_id, node.id)
        said = nesting.stated_message(scene.model, stated)
        if warnings:
            self.editor.status.emit(warnings[0])
        elif said:
            self.editor.status.emit(said)
        return node

    def place_diagram_node(self, kind: str, pos: QPointF) -> Node | None:
        """A note, a group or a legend (not in the model, only on this view) centred on
        ``pos``, inside the band or group under it; one undo step."""
        scene = self.scene
        node = diagram_node(kind, pos.x(), pos.y())
        if node is None:
            self.editor.status.emit(_t("Unknown component {id}", id=kind))
            return None
        node.parent = scene.container_at(pos) if kind != NODE_CONTAINER else None
        if not self.editor.run(PlaceNodeCommand(scene.view_id, node)):
            return None
        scene.select_ids([node.id])
        return node


#: A palette or toolbar payload that places a diagram-only node: ``diagram:label`` (a
#: note), ``diagram:container`` (a group), ``diagram:legend``.
DIAGRAM_PAYLOAD = "diagram:"
#: Sizes of new notes, groups and legends (Archi's note and group sizes).
DIAGRAM_NODE_SIZES = {NODE_LABEL: (185, 80), NODE_CONTAINER: (400, 140),
                      NODE_LEGEND: (200, 160)}


def diagram_node(kind: str, cx: float, cy: float) -> Node | None:
    """A new note, group or legend node centred on ``(cx, cy)``; None for another kind."""
    if kind not in DIAGRAM_NODE_SIZES:
        return None
    w, h = DIAGRAM_NODE_SIZES[kind]
    label = {NODE_LABEL: _t("Note"), NODE_CONTAINER: _t("Group"), NODE_LEGEND: ""}[kind]
    return Node(new_id(), round(cx - w / 2), round(cy - h / 2), w, h, kind=kind, label=label)


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

