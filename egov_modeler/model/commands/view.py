"""Commands on views and their placements: views, nodes, connections, bendpoints."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from ...i18n import tr
from .. import events as ev
from ..errors import ModelError
from ..limits import MAX_BENDPOINTS, MAX_COORDINATE, MAX_NAME_LENGTH, MAX_NODE_SIZE
from ..model import position
from ..views import CONNECTION_ROUTERS, NODE_KINDS, Connection, Node, Style, View
from .base import (
    CascadeCommand,
    Command,
    FieldsCommand,
    RenameCommand,
    remove_from_folders,
    restore_to_folders,
)

if TYPE_CHECKING:
    from ..model import Model

EDITABLE_NODE_FIELDS = ("label", "labels", "documentation", "style", "layer", "view_ref")
EDITABLE_VIEW_FIELDS = ("name", "names", "documentation", "documentations", "viewpoint",
                        "connection_router")
EDITABLE_CONNECTION_FIELDS = ("label", "labels", "documentation", "style", "router")


def check_geometry(x: int, y: int, w: int | None = None, h: int | None = None) -> None:
    """Refuse a position or size outside the bounds every reader holds to
    (:mod:`egov_modeler.model.limits`), so an edit never makes a file that loads changed."""
    if w is not None and h is not None and (w <= 0 or h <= 0):
        raise ModelError(tr("A node needs a positive width and height"))
    if not (abs(x) <= MAX_COORDINATE and abs(y) <= MAX_COORDINATE
            and (w is None or w <= MAX_NODE_SIZE) and (h is None or h <= MAX_NODE_SIZE)):
        raise ModelError(tr("Positions must lie within ±{coordinate} and sizes within "
                            "{size}", coordinate=MAX_COORDINATE, size=MAX_NODE_SIZE))


# ---------------------------------------------------------------------------- views
@dataclass
class CreateViewCommand(Command):
    view: View

    def apply(self, model: Model) -> None:
        model._put_view(self.view)

    def revert(self, model: Model) -> None:
        model._drop_view(self.view.id)

    def describe(self) -> str:
        return tr("Create view ‘{name}’", name=self.view.name)


@dataclass
class RenameViewCommand(RenameCommand):
    view_id: str
    name: str
    language: str | None = None

    def _target(self, model: Model) -> View:
        return model.view(self.view_id)

    def _announce(self, model: Model) -> None:
        model.emit(ev.ViewChanged(self.view_id))

    def describe(self) -> str:
        return tr("Rename view to ‘{name}’", name=self.name)


@dataclass
class SetViewFieldsCommand(FieldsCommand):
    view_id: str
    changes: dict[str, Any]
    editable: ClassVar[tuple[str, ...]] = EDITABLE_VIEW_FIELDS

    def _target(self, model: Model) -> View:
        return model.view(self.view_id)

    def _announce(self, model: Model) -> None:
        model.emit(ev.ViewChanged(self.view_id))

    def describe(self) -> str:
        if set(self.changes) == {"connection_router"}:
            return tr("Change how lines are routed")
        return tr("Edit view")


@dataclass
class SetViewDefaultStyleCommand(Command):
    """Set the appearance nodes of ``element_type`` take on a view where their own style
    sets nothing; an empty style removes that default."""

    view_id: str
    element_type: str
    style: Style
    _old: Style | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if isinstance(self.style, dict):  # the dict form of a style
            from ..serialization import style_from_dict

            self.style = style_from_dict(self.style)

    def apply(self, model: Model) -> None:
        if not self.element_type or len(self.element_type) > MAX_NAME_LENGTH:
            raise ModelError(tr("A default appearance needs an element type"))
        view = model.view(self.view_id)
        self._old = view.defaults.get(self.element_type)
        if self.style.is_default():
            view.defaults.pop(self.element_type, None)
        else:
            view.defaults[self.element_type] = copy.deepcopy(self.style)
        _announce_defaults(model, view, self.element_type)

    def revert(self, model: Model) -> None:
        view = model.view(self.view_id)
        if self._old is None:
            view.defaults.pop(self.element_type, None)
        else:
            view.defaults[self.element_type] = self._old
        _announce_defaults(model, view, self.element_type)

    def describe(self) -> str:
        return tr("Change the default appearance of a type")


def _announce_defaults(model: Model, view: View, element_type: str) -> None:
    """The view changed, and so did every node of that type on it."""
    model.emit(ev.ViewChanged(view.id))
    for node in view.nodes.values():
        if node.element_id and model.has_element(node.element_id) and model.element(
                node.element_id).type == element_type:
            model.emit(ev.NodeChanged(view.id, node.id))


@dataclass
class DeleteViewCommand(CascadeCommand):
    """Delete a view; labels in other views that refer to it go too."""

    view_id: str

    def _parts(self, model: Model) -> list[Command]:
        return [
            RemoveNodeCommand(view.id, node.id)
            for view in model.views
            if view.id != self.view_id
            for node in view.nodes.values()
            if node.view_ref == self.view_id
        ]

    def _drop(self, model: Model) -> None:
        self._folders = remove_from_folders(model, self.view_id)
        self._view, self._index = model._drop_view(self.view_id)

    def _restore(self, model: Model) -> None:
        model._put_view(self._view, self._index)
        restore_to_folders(self.view_id, self._folders, model)

    def describe(self) -> str:
        return tr("Delete view")


# ---------------------------------------------------------------------------- nodes
@dataclass
class PlaceNodeCommand(Command):
    """Place an element (or a label, or a group) on a view."""

    view_id: str
    node: Node

    def apply(self, model: Model) -> None:
        check_geometry(self.node.x, self.node.y, self.node.w, self.node.h)
        if self.node.kind not in NODE_KINDS:
            raise ModelError(tr("unknown kind {kind}", kind=str(self.node.kind)[:40]))
        model._put_node(self.view_id, self.node)

    def revert(self, model: Model) -> None:
        model._drop_node(self.view_id, self.node.id)

    def describe(self) -> str:
        return tr("Place on view")


@dataclass
class SetNodeBoundsCommand(Command):
    """Move and/or resize a node. Its nested nodes move with it, and so do the
    bendpoints of connections whose both ends move (coordinates are absolute)."""

    view_id: str
    node_id: str
    x: int
    y: int
    w: int
    h: int
    _old: tuple[int, int, int, int] = field(
        default=(0, 0, 0, 0), init=False, repr=False, compare=False)

    def apply(self, model: Model) -> None:
        check_geometry(self.x, self.y, self.w, self.h)
        node = model.node(self.view_id, self.node_id)
        self._old = node.bounds
        self._shift(model, self.x - node.x, self.y - node.y)
        node.w, node.h = self.w, self.h
        model.emit(ev.NodeMoved(self.view_id, self.node_id))

    def revert(self, model: Model) -> None:
        node = model.node(self.view_id, self.node_id)
        x, y, w, h = self._old
        self._shift(model, x - node.x, y - node.y)
        node.w, node.h = w, h
        model.emit(ev.NodeMoved(self.view_id, self.node_id))

    def _shift(self, model: Model, dx: int, dy: int) -> None:
        if not dx and not dy:
            return
        view = model.view(self.view_id)
        node = view.nodes[self.node_id]
        moved = [node, *view.descendants(self.node_id)]
        moved_ids = {n.id for n in moved}
        for n in moved:
            n.x += dx
            n.y += dy
            if n is not node:
                model.emit(ev.NodeMoved(self.view_id, n.id))
        for conn in view.connections_of_nodes(moved_ids):
            if conn.bendpoints and conn.source in moved_ids and conn.target in moved_ids:
                conn.bendpoints = [(bx + dx, by + dy) for bx, by in conn.bendpoints]
                model.emit(ev.ConnectionChanged(self.view_id, conn.id))

    def describe(self) -> str:
        return tr("Move or resize")


@dataclass
class MoveNodeCommand(Command):
    """Move a node to ``(x, y)``, keeping its size."""

    view_id: str
    node_id: str
    x: int
    y: int

    def apply(self, model: Model) -> None:
        node = model.node(self.view_id, self.node_id)
        self._inner = SetNodeBoundsCommand(self.view_id, self.node_id, self.x, self.y,
                                           node.w, node.h)
        self._inner.apply(model)

    def revert(self, model: Model) -> None:
        self._inner.revert(model)

    def describe(self) -> str:
        return tr("Move")


@dataclass
class ResizeNodeCommand(Command):
    """Resize a node to ``w`` × ``h``, keeping its position."""

    view_id: str
    node_id: str
    w: int
    h: int

    def apply(self, model: Model) -> None:
        node = model.node(self.view_id, self.node_id)
        self._inner = SetNodeBoundsCommand(self.view_id, self.node_id, node.x, node.y,
                                           self.w, self.h)
        self._inner.apply(model)

    def revert(self, model: Model) -> None:
        self._inner.revert(model)

    def describe(self) -> str:
        return tr("Resize")


@dataclass
class ReparentNodeCommand(Command):
    """Nest a node into another (or take it out with ``parent_id=None``)."""

    view_id: str
    node_id: str
    parent_id: str | None
    _old: str | None = field(default=None, init=False, repr=False, compare=False)

    def apply(self, model: Model) -> None:
        view = model.view(self.view_id)
        node = model.node(self.view_id, self.node_id)
        if self.parent_id is not None:
            model.node(self.view_id, self.parent_id)
            if self.parent_id == self.node_id or self.parent_id in {
                d.id for d in view.descendants(self.node_id)
            }:
                raise ModelError(tr("A node cannot be nested inside itself"))
        self._old = node.parent
        node.parent = self.parent_id
        model.emit(ev.NodeChanged(self.view_id, self.node_id))

    def revert(self, model: Model) -> None:
        model.node(self.view_id, self.node_id).parent = self._old
        model.emit(ev.NodeChanged(self.view_id, self.node_id))

    def describe(self) -> str:
        return tr("Nest")


@dataclass
class SetNodeFieldsCommand(FieldsCommand):
    """Change a node's label, style or layer band."""

    view_id: str
    node_id: str
    changes: dict[str, Any]
    editable: ClassVar[tuple[str, ...]] = EDITABLE_NODE_FIELDS

    def _target(self, model: Model) -> Node:
        return model.node(self.view_id, self.node_id)

    def _announce(self, model: Model) -> None:
        model.emit(ev.NodeChanged(self.view_id, self.node_id))

    def describe(self) -> str:
        return tr("Edit diagram object")


@dataclass
class RemoveNodeCommand(CascadeCommand):
    """Delete from the view: the node, its nested nodes and their connections. The
    element stays in the model."""

    view_id: str
    node_id: str

    def still_needed(self, model: Model) -> bool:
        return model.has_view(self.view_id) and self.node_id in model.view(self.view_id).nodes

    def _parts(self, model: Model) -> list[Command]:
        view = model.view(self.view_id)
        parts: list[Command] = [
            RemoveConnectionCommand(self.view_id, c.id)
            for c in view.connections_of_node(self.node_id)
        ]
        parts.extend(RemoveNodeCommand(self.view_id, c.id) for c in view.children(self.node_id))
        return parts

    def _drop(self, model: Model) -> None:
        self._index = position(model.view(self.view_id).nodes, self.node_id)
        self._node = model._drop_node(self.view_id, self.node_id)

    def _restore(self, model: Model) -> None:
        model._put_node(self.view_id, self._node, self._index)

    def describe(self) -> str:
        return tr("Delete from view")


# ---------------------------------------------------------------------------- connections
@dataclass
class AddConnectionCommand(Command):
    view_id: str
    connection: Connection

    def apply(self, model: Model) -> None:
        model._put_connection(self.view_id, self.connection)

    def revert(self, model: Model) -> None:
        model._drop_connection(self.view_id, self.connection.id)

    def describe(self) -> str:
        return tr("Add connection")


@dataclass
class RemoveConnectionCommand(CascadeCommand):
    """Remove a connection (and connections drawn to it) from the view."""

    view_id: str
    connection_id: str

    def still_needed(self, model: Model) -> bool:
        return (
            model.has_view(self.view_id)
            and self.connection_id in model.view(self.view_id).connections
        )

    def _parts(self, model: Model) -> list[Command]:
        view = model.view(self.view_id)
        return [
            RemoveConnectionCommand(self.view_id, c.id)
            for c in view.connections_of_node(self.connection_id)
        ]

    def _drop(self, model: Model) -> None:
        self._index = position(model.view(self.view_id).connections, self.connection_id)
        self._connection = model._drop_connection(self.view_id, self.connection_id)

    def _restore(self, model: Model) -> None:
        model._put_connection(self.view_id, self._connection, self._index)

    def describe(self) -> str:
        return tr("Remove connection")


@dataclass
class SetConnectionStyleCommand(Command):
    view_id: str
    connection_id: str
    style: Style
    _old: Any = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if isinstance(self.style, dict):  # the dict form of journals of earlier versions
            from ..serialization import style_from_dict

            self.style = style_from_dict(self.style)

    def apply(self, model: Model) -> None:
        conn = model.connection(self.view_id, self.connection_id)
        self._old, conn.style = conn.style, copy.deepcopy(self.style)
        model.emit(ev.ConnectionChanged(self.view_id, self.connection_id))

    def describe(self) -> str:
        return tr("Change line style")

    def revert(self, model: Model) -> None:
        model.connection(self.view_id, self.connection_id).style = self._old
        model.emit(ev.ConnectionChanged(self.view_id, self.connection_id))


@dataclass
class SetConnectionFieldsCommand(FieldsCommand):
    """Change a line's label, documentation, style or routing (``router``: "" as the view
    says, "manual" or "manhattan")."""

    view_id: str
    connection_id: str
    changes: dict[str, Any]
    editable: ClassVar[tuple[str, ...]] = EDITABLE_CONNECTION_FIELDS

    def _target(self, model: Model) -> Connection:
        return model.connection(self.view_id, self.connection_id)

    def _announce(self, model: Model) -> None:
        model.emit(ev.ConnectionChanged(self.view_id, self.connection_id))

    def apply(self, model: Model) -> None:
        if "router" in self.changes and self.changes["router"] not in CONNECTION_ROUTERS:
            raise ModelError(tr("‘{field}’ cannot be set to {value}", field="router",
                                value=repr(self.changes["router"])[:60]))
        super().apply(model)

    def describe(self) -> str:
        if set(self.changes) == {"router"}:
            return tr("Change how the line is routed")
        if set(self.changes) == {"style"}:
            return tr("Change line style")
        return tr("Edit line")


@dataclass
class SetBendpointsCommand(Command):
    """Replace every bendpoint of a line at once (a routed line: its new right angles)."""

    view_id: str
    connection_id: str
    bendpoints: list[tuple[int, int]]
    _old: list[tuple[int, int]] = field(default_factory=list, init=False, repr=False,
                                        compare=False)

    def apply(self, model: Model) -> None:
        conn = model.connection(self.view_id, self.connection_id)
        points = [(int(x), int(y)) for x, y in self.bendpoints]
        if len(points) > MAX_BENDPOINTS:
            raise ModelError(tr("A line can have at most {count} bendpoints",
                                count=MAX_BENDPOINTS))
        for x, y in points:
            check_geometry(x, y)
        self._old = list(conn.bendpoints)
        conn.bendpoints = points
        model.emit(ev.ConnectionChanged(self.view_id, self.connection_id))

    def revert(self, model: Model) -> None:
        model.connection(self.view_id, self.connection_id).bendpoints = list(self._old)
        model.emit(ev.ConnectionChanged(self.view_id, self.connection_id))

    def describe(self) -> str:
        return tr("Route the line")


@dataclass
class AddBendpointCommand(Command):
    view_id: str
    connection_id: str
    index: int
    x: int
    y: int

    def apply(self, model: Model) -> None:
        conn = model.connection(self.view_id, self.connection_id)
        if not 0 <= self.index <= len(conn.bendpoints):
            raise ModelError(tr("No bendpoint {index}", index=self.index))
        check_geometry(self.x, self.y)
        conn.bendpoints.insert(self.index, (self.x, self.y))
        model.emit(ev.ConnectionChanged(self.view_id, self.connection_id))

    def revert(self, model: Model) -> None:
        model.connection(self.view_id, self.connection_id).bendpoints.pop(self.index)
        model.emit(ev.ConnectionChanged(self.view_id, self.connection_id))

    def describe(self) -> str:
        return tr("Add bendpoint")


@dataclass
class MoveBendpointCommand(Command):
    view_id: str
    connection_id: str
    index: int
    x: int
    y: int
    _old: tuple[int, int] = field(default=(0, 0), init=False, repr=False, compare=False)

    def apply(self, model: Model) -> None:
        conn = model.connection(self.view_id, self.connection_id)
        if not 0 <= self.index < len(conn.bendpoints):
            raise ModelError(tr("No bendpoint {index}", index=self.index))
        check_geometry(self.x, self.y)
        self._old = conn.bendpoints[self.index]
        conn.bendpoints[self.index] = (self.x, self.y)
        model.emit(ev.ConnectionChanged(self.view_id, self.connection_id))

    def revert(self, model: Model) -> None:
        model.connection(self.view_id, self.connection_id).bendpoints[self.index] = self._old
        model.emit(ev.ConnectionChanged(self.view_id, self.connection_id))

    def describe(self) -> str:
        return tr("Move bendpoint")


@dataclass
class RemoveBendpointCommand(Command):
    view_id: str
    connection_id: str
    index: int
    _old: tuple[int, int] = field(default=(0, 0), init=False, repr=False, compare=False)

    def apply(self, model: Model) -> None:
        conn = model.connection(self.view_id, self.connection_id)
        if not 0 <= self.index < len(conn.bendpoints):
            raise ModelError(tr("No bendpoint {index}", index=self.index))
        self._old = conn.bendpoints.pop(self.index)
        model.emit(ev.ConnectionChanged(self.view_id, self.connection_id))

    def revert(self, model: Model) -> None:
        conn = model.connection(self.view_id, self.connection_id)
        conn.bendpoints.insert(self.index, self._old)
        model.emit(ev.ConnectionChanged(self.view_id, self.connection_id))

    def describe(self) -> str:
        return tr("Remove bendpoint")
