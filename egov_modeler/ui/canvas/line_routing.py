"""Orthogonal lines in the editor: which lines to route again when boxes move, and the
commands that store their new right angles as bendpoints.

Why bendpoints and not a drawing-time router: the PDF, the images and the exchange XML
draw a line through its bendpoints. Routing once, when the boxes move, and keeping the
result as bendpoints makes every one of them show the same line as the canvas. The
router itself is :mod:`egov_modeler.diagram.routing` (the one the templates use); the
new bendpoints go into the same undo step as the move that called for them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from ...diagram.notation import connection_points
from ...diagram.routing import route_orthogonally, segment_crosses_box
from ...model.commands import Command, CompoundCommand, SetBendpointsCommand, SetNodeBoundsCommand
from ...model.model import Model
from ...model.views import Connection, View

Box = tuple[int, int, int, int]


def bounds_after(view: View, commands: Iterable[Command]) -> dict[str, Box]:
    """Where the nodes these commands move or resize will stand (what is nested in a
    moved node moves with it), by node id; nodes left alone are not listed."""
    boxes: dict[str, Box] = {}

    def box(node_id: str) -> Box:
        return boxes.get(node_id, view.nodes[node_id].bounds)

    def visit(command: Command) -> None:
        if isinstance(command, CompoundCommand):
            for inner in command.commands:
                visit(inner)
        elif isinstance(command, SetNodeBoundsCommand) and command.node_id in view.nodes:
            x, y, _w, _h = box(command.node_id)
            dx, dy = command.x - x, command.y - y
            if dx or dy:
                for nested in view.descendants(command.node_id):
                    bx, by, bw, bh = box(nested.id)
                    boxes[nested.id] = (bx + dx, by + dy, bw, bh)
            boxes[command.node_id] = (command.x, command.y, command.w, command.h)

    for command in commands:
        visit(command)
    return boxes


def _types(model: Model, view: View) -> dict[str, str]:
    types = {}
    for cid, conn in view.connections.items():
        if conn.relationship_id and model.has_relationship(conn.relationship_id):
            types[cid] = model.relationship(conn.relationship_id).type
    return types


def _crosses(view: View, conn: Connection, boxes: dict[str, Box]) -> bool:
    """Whether the line as drawn now passes through one of the moved boxes."""
    nodes = view.nodes
    if conn.source not in nodes or conn.target not in nodes:
        return False
    points = connection_points(nodes[conn.source].bounds, nodes[conn.target].bounds,
                               conn.bendpoints)
    return any(segment_crosses_box(a, b, box)
               for node_id, box in boxes.items() if node_id not in (conn.source, conn.target)
               for a, b in zip(points, points[1:], strict=False))


def reroute_commands(model: Model, view: View, commands: Iterable[Command]) -> list[Command]:
    """The bendpoint changes that keep the orthogonal lines of ``view`` routed around its
    boxes once ``commands`` (moves and resizes) have run: the lines attached to a moved
    node and those the moved boxes now lie across. Empty when no line is orthogonal."""
    orthogonal = [c for c in view.connections.values() if view.routes_orthogonally(c)]
    if not orthogonal:
        return []
    boxes = bounds_after(view, commands)
    if not boxes:
        return []
    moved = set(boxes)
    wanted = [c.id for c in orthogonal
              if c.source in moved or c.target in moved or _crosses(view, c, boxes)]
    return _set_routes(model, view, wanted, boxes)


def route_commands(model: Model, view: View,
                   connection_ids: Iterable[str] | None = None) -> list[Command]:
    """Bendpoint changes that route ``connection_ids`` (every orthogonal line of the view
    when ``None``) around the boxes where they stand now."""
    if connection_ids is None:
        connection_ids = [c.id for c in view.connections.values()
                          if view.routes_orthogonally(c)]
    return _set_routes(model, view, list(connection_ids), {})


def routed_bendpoints(model: Model, view: View, connection: Connection,
                      relationship_type: str) -> list[tuple[int, int]]:
    """Right-angle bendpoints for a line about to be added to ``view`` (not in it yet)."""
    with_it = dataclasses.replace(view, connections={**view.connections,
                                                     connection.id: connection})
    types = {**_types(model, view), connection.id: relationship_type}
    return route_orthogonally(with_it, [connection.id], types).get(connection.id, [])


def _set_routes(model: Model, view: View, wanted: list[str],
                boxes: dict[str, Box]) -> list[Command]:
    if not wanted:
        return []
    routes = route_orthogonally(view, wanted, _types(model, view), boxes)
    # After a move the old bendpoints may have moved with both ends: always set them.
    return [SetBendpointsCommand(view.id, cid, points) for cid, points in routes.items()
            if boxes or [tuple(p) for p in points] != list(view.connections[cid].bendpoints)]


def view_router_commands(model: Model, view: View, router: str) -> list[Command]:
    """Switch the view's lines to ``router`` ("" manual, "manhattan" orthogonal); to
    orthogonal, every line that follows the view is routed at once (same undo step).
    Empty when the view already routes so."""
    from ...model.commands import SetViewFieldsCommand
    from ...model.views import ROUTER_ORTHOGONAL

    if router == (view.connection_router or ""):
        return []
    commands: list[Command] = [SetViewFieldsCommand(view.id, {"connection_router": router})]
    if router == ROUTER_ORTHOGONAL:
        lines = [c.id for c in view.connections.values()
                 if c.router in ("", ROUTER_ORTHOGONAL)]
        commands += route_commands(model, view, lines)
    return commands


def connection_router_commands(model: Model, view: View, connection_ids: Iterable[str],
                               router: str) -> list[Command]:
    """Give these lines their own routing (``router``: "" as the view says, "manual",
    "manhattan"); those that become orthogonal are routed at once (same undo step)."""
    from ...model.commands import SetConnectionFieldsCommand
    from ...model.views import ROUTER_ORTHOGONAL

    lines = [c for c in connection_ids
             if c in view.connections and view.connections[c].router != router]
    if not lines:
        return []
    commands: list[Command] = [SetConnectionFieldsCommand(view.id, c, {"router": router})
                               for c in lines]
    if router == ROUTER_ORTHOGONAL or (router == "" and
                                       view.connection_router == ROUTER_ORTHOGONAL):
        commands += route_commands(model, view, lines)
    return commands
