"""Placing an element that already exists in the model onto a view (a drag from the model
tree).

One element can be shown on many views: this is the core of ArchiMate modelling. Dropping
an existing element makes a new *placement* (a node) and, as Archi does, a connection for
each of its relationships whose other end is already shown on the view, so the new view
tells the same story as the model. Everything is one undo step.

The commands are built apart from the canvas (:func:`place_existing_commands`) so the
rule "which connections appear" reads, and is tested, without a window.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF

from ...model.commands import (
    AddConnectionCommand,
    Command,
    CompoundCommand,
    PlaceNodeCommand,
)
from ...model.ids import new_id
from ...model.model import Model
from ...model.views import ROUTER_ORTHOGONAL, Connection, Node, View
from . import nesting
from .line_routing import routed_bendpoints
from .tools import band_warnings, element_size_for

if TYPE_CHECKING:
    from .view import DiagramView

log = logging.getLogger(__name__)


def _t(text: str, **fields: object) -> str:
    out = QCoreApplication.translate("Reuse", text)
    return out.format(**fields) if fields else out


def _placements(model: Model, view_id: str, concept_id: str) -> list[str]:
    """Ids of the nodes (for an element) or connections (for a relationship) showing
    ``concept_id`` on the view: where a connection to it can attach."""
    view = model.view(view_id)
    if model.has_element(concept_id):
        return [n.id for n in view.nodes.values() if n.element_id == concept_id]
    return [c.id for c in view.connections.values() if c.relationship_id == concept_id]


def place_existing_commands(model: Model, view_id: str, node: Node) -> list[Command]:
    """The commands that place ``node`` (showing an existing element) on ``view_id`` and
    draw every relationship of that element whose other end is already on the view, once
    per placement of the other end. A relationship from the element to itself is drawn as
    a loop on the new node."""
    element_id = node.element_id
    if element_id is None:
        raise ValueError("node shows no element")
    commands: list[Command] = [PlaceNodeCommand(view_id, node)]
    for rel in model.relationships_of(element_id):
        if rel.source == element_id and rel.target == element_id:
            ends = [(node.id, node.id)]
        elif rel.source == element_id:
            ends = [(node.id, other) for other in _placements(model, view_id, rel.target)]
        else:
            ends = [(other, node.id) for other in _placements(model, view_id, rel.source)]
        for source, target in ends:
            commands.append(AddConnectionCommand(view_id, Connection(
                new_id(), source, target, relationship_id=rel.id)))
    return commands


def route_new_connections(model: Model, view: View, commands: list[Command]) -> list[Command]:
    """``commands`` with each new line between two nodes given right angles when the
    view routes its lines orthogonally (the node it ends at may be one being placed)."""
    if view.connection_router != ROUTER_ORTHOGONAL:
        return commands
    placed = {c.node.id: c.node for c in commands if isinstance(c, PlaceNodeCommand)}
    scratch = View(view.id, nodes={**view.nodes, **placed}, connections=dict(view.connections),
                   connection_router=view.connection_router)
    out: list[Command] = []
    for command in commands:
        if isinstance(command, AddConnectionCommand) and not command.connection.bendpoints:
            conn = command.connection
            if conn.source in scratch.nodes and conn.target in scratch.nodes and (
                    conn.source != conn.target):
                rel_type = (model.relationship(conn.relationship_id).type
                            if conn.relationship_id and model.has_relationship(
                                conn.relationship_id) else "")
                conn.bendpoints = routed_bendpoints(model, scratch, conn, rel_type)
            scratch.connections[conn.id] = conn
        out.append(command)
    return out


def place_existing(canvas: DiagramView, element_id: str, pos: QPointF) -> Node | None:
    """Place the existing element ``element_id`` centred on ``pos`` of ``canvas``, nested
    in the band or group under it, with its relationships' connections; one undo step.
    Returns the new node, or None when refused (the status bar says why)."""
    scene = canvas.diagram()
    model = scene.model
    if not model.has_element(element_id):
        canvas.editor.status.emit(_t("The element {id} is no longer in the model",
                                     id=element_id))
        return None
    element = model.element(element_id)
    view = scene.view()
    w, h = element_size_for(view)
    box = (round(pos.x() - w / 2), round(pos.y() - h / 2), w, h)
    parent = nesting.holder_at(scene, pos, set(), nesting.nests_into_elements(canvas.editor))
    box, grow, stated = nesting.entering(canvas.editor, view, parent, box, element, False,
                                         canvas.mapToGlobal(canvas.mapFromScene(pos)))
    node = Node(new_id(), *box, element_id=element_id, parent=parent)
    commands = place_existing_commands(model, scene.view_id, node) + grow
    commands += nesting.relate_command(stated)
    routed = route_new_connections(model, view, commands)
    # Always one compound step, so Edit > Undo names what the drop did.
    ok = canvas.editor.run(CompoundCommand(
        _t("Show ‘{name}’ on this view", name=element.name), routed))
    if not ok:
        return None
    scene.select_ids([node.id])
    warnings = band_warnings(model, scene.view_id, node.id)
    lines = sum(isinstance(c, AddConnectionCommand) for c in commands)
    said = nesting.stated_message(model, stated)
    if warnings:
        canvas.editor.status.emit(warnings[0])
    elif said:
        canvas.editor.status.emit(said)
    elif lines:
        canvas.editor.status.emit(_t("‘{name}’ placed with {count} of its relationships",
                                     name=element.name, count=lines))
    else:
        # Replace whatever the status bar said while the element was picked in the tree
        # ("… is not on this view"), which the drop has just made untrue.
        canvas.editor.status.emit(_t("‘{name}’ is now shown on this view (the same element, "
                                     "not a copy)", name=element.name))
    return node
