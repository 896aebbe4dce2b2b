"""The Format menu and the diagram toolbar's drawing entries: appearance (the Properties
dock's Appearance section, copy and paste appearance, the format painter, a node's look
as its type's default on the view), notes, groups and legends, orthogonal lines, and how
an element dropped onto another nests (a preference kept in ``QSettings``).

It also answers the canvas's questions about nesting: the editor's ``choose_nesting``
hook shows the relationship menu of the Edit controller (the rules' types, the
framework's suggestion first) with a "no relationship" entry, and ``confirm`` asks
whether to delete the relationship a nesting showed. Both go through the window's
dialogs, which tests answer in advance.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, QPoint, QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QWidget

from ...model.commands import Command, CompoundCommand, SetViewDefaultStyleCommand
from ...model.views import NODE_CONTAINER, NODE_LABEL, NODE_LEGEND, ROUTER_ORTHOGONAL, Style
from ..canvas.line_routing import route_commands, view_router_commands
from ..canvas.nesting import NEST_ASK, NEST_OFF, NEST_ONLY, NEST_SUGGESTED, NESTING_MODES
from ..canvas.tools.painter import PainterTool, paint_commands
from ..canvas.tools.place import DIAGRAM_PAYLOAD
from ..canvas.view import DiagramView
from ..dialogs.file_actions import Dialogs
from ..docks.appearance_section import AppearanceSection
from ..docks.properties_dock import PropertiesDock
from ..document import Document
from .actions import make_action
from .edit_controller import EditController
from .view_controller import ViewController

#: Where the nesting preference is kept.
NESTING_KEY = "canvas/nesting"


class FormatController(QObject):
    """Format menu, drawing toolbar, the Appearance section and the nesting questions."""

    def __init__(self, document: Document, views: ViewController, edits: EditController,
                 properties: PropertiesDock, dialogs: Dialogs, settings: QSettings,
                 show_status: Callable[..., None], parent: QWidget) -> None:
        super().__init__(parent)
        self.document = document
        self.views = views
        self.edits = edits
        self.dialogs = dialogs
        self.settings = settings
        self.show_status = show_status
        #: The appearance Copy appearance took: (style, taken from a line).
        self.held: tuple[Style, bool] | None = None
        self.appearance = AppearanceSection(dialogs, properties)
        properties.add_section(self.appearance)
        self._build_actions()
        self.toolbar = self._build_toolbar(parent)
        views.canvasOpened.connect(self._equip_canvas)
        views.currentChanged.connect(self.update_actions)
        document.undo_stack.indexChanged.connect(lambda _i: self.update_actions())
        document.replaced.connect(self.equip_editor)
        self.equip_editor()

    # ================================================================ actions
    def _build_actions(self) -> None:
        self.act_copy_style = make_action(
            self, self.tr("Copy &appearance"), self.copy_appearance,
            QKeySequence("Ctrl+Alt+C"),
            self.tr("Take the appearance of the selected node or line"))
        self.act_paste_style = make_action(
            self, self.tr("Paste a&ppearance"), self.paste_appearance,
            QKeySequence("Ctrl+Alt+V"),
            self.tr("Give the appearance taken to every selected node and line (one step)"))
        self.act_painter = make_action(
            self, self.tr("&Format painter"), self.start_painter, QKeySequence("Ctrl+Alt+P"),
            self.tr("Take the selected node's appearance, then click the nodes and lines "
                    "that should look the same (Esc ends)"))
        self.act_type_default = make_action(
            self, self.tr("Use as &default for this type on this view"),
            self.use_as_type_default,
            tip=self.tr("Nodes of the same type on this view take this appearance where "
                        "their own sets nothing"))
        self.act_reset_style = make_action(
            self, self.tr("&Reset appearance"), self.reset_appearance,
            tip=self.tr("Back to the type's colours and the bundled font"))
        self.act_add_note = make_action(
            self, self.tr("Add &note"), partial(self.arm, NODE_LABEL),
            tip=self.tr("Click on the diagram to place a note with free text"))
        self.act_add_group = make_action(
            self, self.tr("Add &group"), partial(self.arm, NODE_CONTAINER),
            tip=self.tr("Click on the diagram to place a group to put nodes in"))
        self.act_add_legend = make_action(
            self, self.tr("Add &legend"), partial(self.arm, NODE_LEGEND),
            tip=self.tr("Click on the diagram to place a legend of the types it shows"))
        self.act_orthogonal = make_action(
            self, self.tr("&Orthogonal lines on this view"), self.toggle_orthogonal,
            tip=self.tr("Lines go round the boxes with right angles, and are routed again "
                        "whenever a box moves"))
        self.act_orthogonal.setCheckable(True)
        self.act_route_again = make_action(
            self, self.tr("Route &lines again"), self.route_again,
            tip=self.tr("Route every orthogonal line of this view around the boxes again"))
        self.nesting_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        for mode, label, tip in (
            (NEST_ASK, self.tr("Ask which relationship"),
             self.tr("Dropping an element onto another nests it and offers the "
                     "relationships the rules allow")),
            (NEST_SUGGESTED, self.tr("Create the suggested relationship"),
             self.tr("Dropping an element onto another nests it and creates the "
                     "relationship the rules suggest, without asking")),
            (NEST_ONLY, self.tr("Only nest, no relationship"),
             self.tr("Dropping an element onto another nests it; no relationship is made")),
            (NEST_OFF, self.tr("Do not nest into elements"),
             self.tr("Only bands, groups and Groupings take what is dropped onto them")),
        ):
            action = make_action(self, label, partial(self.set_nesting, mode), tip=tip)
            action.setCheckable(True)
            group.addAction(action)
            self.nesting_actions[mode] = action
        self.nesting_actions[self.nesting_mode()].setChecked(True)
        for action in (self.act_copy_style, self.act_paste_style, self.act_painter):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

    def fill_format_menu(self, menu: QMenu) -> None:
        menu.setObjectName("format_menu")
        menu.setToolTipsVisible(True)
        for action in (self.act_copy_style, self.act_paste_style, self.act_painter,
                       self.act_type_default, self.act_reset_style):
            menu.addAction(action)
        menu.addSeparator()
        for action in (self.act_add_note, self.act_add_group, self.act_add_legend):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.act_orthogonal)
        menu.addAction(self.act_route_again)
        menu.addSeparator()
        nesting = menu.addMenu(self.tr("&Nesting into an element"))
        nesting.setObjectName("nesting_menu")
        nesting.setToolTipsVisible(True)
        for action in self.nesting_actions.values():
            nesting.addAction(action)

    def _build_toolbar(self, parent: QWidget) -> QToolBar:
        bar = QToolBar(self.tr("Drawing"), parent)
        bar.setObjectName("format_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.act_add_note, self.act_add_group, self.act_add_legend,
                       self.act_painter):
            bar.addAction(action)
        return bar

    def _equip_canvas(self, canvas: DiagramView) -> None:
        for action in (self.act_copy_style, self.act_paste_style):
            canvas.addAction(action)
        canvas.diagram().selectionChanged.connect(self.update_actions)

    def update_actions(self) -> None:
        try:
            canvas = self.views.current_canvas()
            scene = canvas.diagram() if canvas is not None else None
            nodes = scene.selected_node_ids() if scene is not None else []
            lines = scene.selected_connection_ids() if scene is not None else []
            one = len(nodes) + len(lines) == 1
            self.act_copy_style.setEnabled(one)
            self.act_painter.setEnabled(canvas is not None)
            self.act_paste_style.setEnabled(self.held is not None and bool(nodes or lines))
            self.act_reset_style.setEnabled(bool(nodes or lines))
            self.act_type_default.setEnabled(len(nodes) == 1 and not lines and bool(
                scene is not None and scene.node(nodes[0]).element_id))
            for action in (self.act_add_note, self.act_add_group, self.act_add_legend,
                           self.act_orthogonal, self.act_route_again):
                action.setEnabled(canvas is not None)
            self.act_orthogonal.setChecked(
                scene is not None and scene.view().connection_router == ROUTER_ORTHOGONAL)
        except RuntimeError:  # the window is being destroyed
            return

    # ================================================================ the editor's hooks
    def equip_editor(self) -> None:
        """A new model: the editor nests as the user prefers and asks through here."""
        editor = self.document.editor
        editor.nesting = self.nesting_mode()
        editor.choose_nesting = self.choose_nesting
        editor.confirm = self.dialogs.confirm
        self.update_actions()

    def nesting_mode(self) -> str:
        value = self.settings.value(NESTING_KEY, NEST_ASK)
        return value if value in NESTING_MODES else NEST_ASK

    def set_nesting(self, mode: str) -> None:
        """Keep how an element dropped onto another nests (see ``canvas.nesting``)."""
        if mode not in NESTING_MODES:
            return
        self.settings.setValue(NESTING_KEY, mode)
        self.document.editor.nesting = mode
        self.nesting_actions[mode].setChecked(True)
        self.show_status(self.nesting_actions[mode].toolTip())

    def choose_nesting(self, offered: list[tuple[str, str | None]], suggested: str | None,
                       pos: QPoint) -> str | None:
        """The relationship menu of a nesting: the types the rules allow, the suggestion
        first, and "No relationship" (dismissing the menu nests without one too)."""
        menu = self.edits.relationship_menu(offered, suggested)
        menu.setObjectName("nesting_relationship_menu")
        title = QAction(self.tr("Nested: which relationship does it show?"), menu)
        title.setEnabled(False)
        if menu.actions():
            first = menu.actions()[0]
            menu.insertAction(first, title)
            menu.insertSeparator(first)
            menu.addSeparator()
        none = menu.addAction(self.tr("No relationship (only nest)"))
        none.setData("")
        chosen = self.dialogs.choose_from_menu(menu, pos)
        menu.deleteLater()
        value = chosen.data() if chosen is not None else None
        return value or None

    # ================================================================ appearance
    def _scene(self):
        canvas = self.views.current_canvas()
        return canvas.diagram() if canvas is not None else None

    def copy_appearance(self) -> bool:
        """Take the appearance of the one selected node or line."""
        scene = self._scene()
        if scene is None:
            return False
        nodes, lines = scene.selected_node_ids(), scene.selected_connection_ids()
        if len(nodes) + len(lines) != 1:
            return False
        if nodes:
            self.held = (dataclasses.replace(scene.node(nodes[0]).style), False)
        else:
            self.held = (dataclasses.replace(scene.connection(lines[0]).style), True)
        self.show_status(self.tr("Appearance taken: select nodes or lines, then Paste "
                                 "appearance (Ctrl+Alt+V)"))
        self.update_actions()
        return True

    def paste_appearance(self) -> bool:
        """Give the appearance taken to every selected node and line, one undo step."""
        scene = self._scene()
        if scene is None or self.held is None:
            return False
        style, from_line = self.held
        commands = paint_commands(scene, style, from_line, scene.selected_node_ids(),
                                  scene.selected_connection_ids())
        if not commands:
            return False
        return self.document.editor.run_many(self.tr("Paste appearance"), commands)

    def start_painter(self) -> bool:
        """The format painter: the selected node's (or line's) appearance is taken; each
        click then gives it to what is clicked."""
        canvas = self.views.current_canvas()
        if canvas is None:
            return False
        tool = canvas.tools["painter"]
        assert isinstance(tool, PainterTool)
        tool.style = None
        if self.copy_appearance() and self.held is not None:
            tool.take(*self.held)
        canvas.set_tool("painter")
        return True

    def use_as_type_default(self) -> bool:
        """The selected node's appearance becomes its type's default on this view; its own
        style is cleared (it now follows the default), one undo step."""
        scene = self._scene()
        nodes = scene.selected_node_ids() if scene is not None else []
        if scene is None or len(nodes) != 1 or not scene.node(nodes[0]).element_id:
            return False
        node = scene.node(nodes[0])
        view = scene.view()
        element_type = scene.model.element(node.element_id).type
        style = view.node_style(node, element_type)
        from ...model.commands import SetNodeFieldsCommand

        commands: list[Command] = [SetViewDefaultStyleCommand(view.id, element_type, style),
                                   SetNodeFieldsCommand(view.id, node.id, {"style": Style()})]
        return self.document.editor.run(CompoundCommand(
            self.tr("Use as default for this type"), commands))

    def reset_appearance(self) -> bool:
        scene = self._scene()
        if scene is None:
            return False
        commands = paint_commands(scene, Style(), False, scene.selected_node_ids(),
                                  scene.selected_connection_ids())
        return bool(commands) and self.document.editor.run_many(
            self.tr("Reset appearance"), commands)

    # ================================================================ drawing
    def arm(self, kind: str) -> None:
        """The next click on the diagram places a note, a group or a legend."""
        self.views.arm_place(DIAGRAM_PAYLOAD + kind)

    def toggle_orthogonal(self) -> bool:
        """Format > Orthogonal lines: switch the view between manual and orthogonal lines
        (switching on routes every line at once; one undo step)."""
        scene = self._scene()
        if scene is None:
            return False
        view = scene.view()
        router = "" if view.connection_router == ROUTER_ORTHOGONAL else ROUTER_ORTHOGONAL
        commands = view_router_commands(scene.model, view, router)
        done = bool(commands) and self.document.editor.run(CompoundCommand(
            self.tr("Change how lines are routed"), commands))
        self.update_actions()
        return done

    def route_again(self) -> bool:
        scene = self._scene()
        if scene is None:
            return False
        commands = route_commands(scene.model, scene.view())
        if not commands:
            self.show_status(self.tr("No orthogonal line to route on this view"))
            return False
        return self.document.editor.run(CompoundCommand(self.tr("Route lines again"),
                                                        commands))
