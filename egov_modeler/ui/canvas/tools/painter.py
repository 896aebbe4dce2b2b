"""The format painter: take one node's (or line's) appearance and give it to others.

As in Word and Archi: pick the painter with a node selected (its appearance is taken);
each click on another node or line then gives it that appearance, one undo step per
click; Escape goes back to selecting. Edit > Paste appearance gives it to every selected
object at once (one undo step). Only the object's own style travels: the view's default
for a type stays the default.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent

from ....model.commands import Command, SetConnectionFieldsCommand, SetNodeFieldsCommand
from ....model.views import Style
from ..items import ConnectionItem, NodeItem
from .base import Tool, _t

if TYPE_CHECKING:
    from ..view import DiagramView

#: Fields of a node's style a line can take too (lines have no fill; their text sits
#: at the source, middle or target, a node's at the top, middle or bottom).
_LINE_FIELDS = ("line_color", "line_alpha", "line_width", "font_name", "font_size",
                "font_color", "font_style", "text_alignment")


def painted(source: Style, target: Style, source_is_line: bool, target_is_line: bool
            ) -> Style:
    """What ``target`` becomes when painted with ``source``: all of it between two nodes
    or two lines, the fields they share between a node and a line."""
    if source_is_line == target_is_line:
        return Style(**source.__dict__)
    out = Style(**target.__dict__)
    for name in _LINE_FIELDS:
        setattr(out, name, getattr(source, name))
    return out


def paint_commands(scene, style: Style, source_is_line: bool, node_ids: list[str],
                   connection_ids: list[str]) -> list[Command]:
    """The commands that give ``style`` to these nodes and lines (those it would not
    change are left out)."""
    commands: list[Command] = []
    view = scene.view()
    for node_id in node_ids:
        node = view.nodes.get(node_id)
        if node is not None:
            new = painted(style, node.style, source_is_line, False)
            if new != node.style:
                commands.append(SetNodeFieldsCommand(view.id, node_id, {"style": new}))
    for connection_id in connection_ids:
        conn = view.connections.get(connection_id)
        if conn is not None:
            new = painted(style, conn.style, source_is_line, True)
            if new != conn.style:
                commands.append(SetConnectionFieldsCommand(view.id, connection_id,
                                                           {"style": new}))
    return commands


class PainterTool(Tool):
    """Click on a node or line to give it the appearance taken (see the module)."""

    def __init__(self, canvas: DiagramView) -> None:
        super().__init__(canvas)
        self.hint = _t("Format painter: click a node or line to give it the appearance "
                       "taken; Esc ends")
        #: The appearance taken, and whether it was a line's.
        self.style: Style | None = None
        self.from_line = False

    def activate(self) -> None:
        self.canvas.viewport().setCursor(Qt.CursorShape.PointingHandCursor)

    def take(self, style: Style, from_line: bool) -> None:
        self.style = Style(**style.__dict__)
        self.from_line = from_line

    def press(self, event: QMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        pos = self.scene_pos(event)
        hit = self.canvas.tools["select"].hit(pos)  # type: ignore[attr-defined]
        scene = self.scene
        if hit is None:
            return True
        if self.style is None:  # nothing taken yet: this click takes it
            if isinstance(hit, NodeItem):
                self.take(scene.node(hit.node_id).style, False)
            elif isinstance(hit, ConnectionItem):
                self.take(scene.connection(hit.connection_id).style, True)
            self.editor.status.emit(_t("Appearance taken: now click what should look "
                                       "the same"))
            return True
        nodes = [hit.node_id] if isinstance(hit, NodeItem) else []
        lines = [hit.connection_id] if isinstance(hit, ConnectionItem) else []
        commands = paint_commands(scene, self.style, self.from_line, nodes, lines)
        if commands:
            self.editor.run_many(_t("Paste appearance"), commands)
        return True

    def key_press(self, event) -> bool:
        if event.key() == Qt.Key.Key_Escape:
            self.canvas.set_tool("select")
            return True
        return False
