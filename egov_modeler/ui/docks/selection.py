"""What is selected on the diagram, as the Properties dock hands it to its sections.

Why a small value object: the dock's sections (the appearance section, the inventory
fields, ...) each decide what they show from the same selection, and a section added
later needs only this to follow the dock (see ``PropertiesDock.add_section``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ...model.model import Model
    from ...model.views import View
    from ..editor import Editor


@dataclass(frozen=True)
class Selection:
    """The editor of the open model, the view shown (None: no diagram open), and the
    nodes and lines selected on it."""

    editor: Editor | None = None
    view_id: str | None = None
    node_ids: tuple[str, ...] = ()
    connection_ids: tuple[str, ...] = ()

    @property
    def model(self) -> Model | None:
        return self.editor.model if self.editor is not None else None

    def view(self) -> View | None:
        """The view shown, when it still exists."""
        model = self.model
        if model is None or self.view_id is None or not model.has_view(self.view_id):
            return None
        return model.view(self.view_id)

    def live(self) -> Selection:
        """The selection without what no longer exists (after an undo)."""
        view = self.view()
        if view is None:
            return Selection(self.editor, self.view_id if self.view_id else None)
        return Selection(self.editor, self.view_id,
                         tuple(n for n in self.node_ids if n in view.nodes),
                         tuple(c for c in self.connection_ids if c in view.connections))

    def element_ids(self) -> list[str]:
        """The elements the selected nodes show, each once, in selection order."""
        view = self.view()
        found: list[str] = []
        for node_id in self.node_ids:
            node = view.nodes.get(node_id) if view is not None else None
            if node is not None and node.element_id and node.element_id not in found:
                found.append(node.element_id)
        return found

    def relationship_ids(self) -> list[str]:
        """The relationships the selected lines show, each once."""
        view = self.view()
        found: list[str] = []
        for conn_id in self.connection_ids:
            conn = view.connections.get(conn_id) if view is not None else None
            if conn is not None and conn.relationship_id and conn.relationship_id not in found:
                found.append(conn.relationship_id)
        return found

    @property
    def count(self) -> int:
        return len(self.node_ids) + len(self.connection_ids)
