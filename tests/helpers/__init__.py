"""Small builders that make tests read like specs."""

from __future__ import annotations

from egov_modeler.model import Model
from egov_modeler.model.commands import AddConnectionCommand, PlaceNodeCommand
from egov_modeler.model.ids import new_id
from egov_modeler.model.views import Connection, Node


def place(model: Model, view_id: str, element_id: str, x: int = 0, y: int = 0,
          w: int = 160, h: int = 70, parent: str | None = None) -> Node:
    """Place ``element_id`` on the view and return the node."""
    node = Node(new_id(), x, y, w, h, element_id=element_id, parent=parent)
    model.execute(PlaceNodeCommand(view_id, node))
    return node


def connect(model: Model, view_id: str, relationship_id: str, source: str,
            target: str) -> Connection:
    """Draw ``relationship_id`` between two nodes and return the connection."""
    connection = Connection(new_id(), source, target, relationship_id=relationship_id)
    model.execute(AddConnectionCommand(view_id, connection))
    return connection
