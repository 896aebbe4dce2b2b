"""The Edit and Arrange menus: undo and redo, the two deletes (from the view, from the
model), rename, select all, cut/copy/paste/duplicate, align/distribute/same size, and the
relationship-type menu the connect tool asks with.

Every edit runs as model commands through the document's editor, so it is one undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu, QStyle, QWidget

from ...model.arrange import minimum_selection
from ...model.commands import (
    Command,
    CompoundCommand,
    DeleteElementCommand,
    RemoveConnectionCommand,
    RemoveNodeCommand,
    UnrelateCommand,
)
from ...model.metamodel import RELATIONSHIP_TYPES
from ..canvas.arrange import (
    arrange_entries,
    arrange_icon,
    arrange_selection,
    arrangeable_count,
    selection_order,
)
from ..canvas.clipboard import copy_selection, duplicate_selection, has_fragment, paste_clipboard
from ..canvas.view import DiagramView
from ..dialogs.file_actions import Dialogs
from ..document import Document
from ..plain_text import tooltip
from .actions import ContextPointWatcher, make_action, redo_keys
from .delete_question import delete_from_model_question
from .toolbar_tips import with_shortcut
from .view_controller import ViewController


class EditController(QObject):
    """Edit menu, Arrange menu and the diagram's context-menu edits."""

    def __init__(self, document: Document, views: ViewController, dialogs: Dialogs,
                 show_status: Callable[..., None], parent: QWidget) -> None:
        super().__init__(parent)
        self.document = document
        self.views = views
        self.dialogs = dialogs
        self.show_status = show_status
        self._menu_parent = parent
        self._clipboard_has_fragment = False
        self._build_actions()
        self._build_clipboard_actions()
        self.arrange_menu = self._build_arrange_menu(parent)
        views.canvasOpened.connect(self._equip_canvas)
        views.currentChanged.connect(self.update_actions)
        document.undo_stack.indexChanged.connect(self._index_changed)
        QGuiApplication.clipboard().dataChanged.connect(self._clipboard_changed)
        self._clipboard_changed()

    # ================================================================ actions and menus
    def _build_actions(self) -> None:
        S = QKeySequence.StandardKey
        stack = self.document.undo_stack
        self.act_undo = stack.createUndoAction(self, self.tr("Undo"))
        self.act_undo.setShortcuts(QKeySequence.keyBindings(S.Undo))
        self.act_redo = stack.createRedoAction(self, self.tr("Redo"))
        self.act_redo.setShortcuts(redo_keys())
        self.act_delete = make_action(self, self.tr("&Delete from view"), self.delete_selection,
                                      [QKeySequence(S.Delete), QKeySequence("Backspace")])
        self.act_delete_model = make_action(self, self.tr("Delete from &model…"),
                                            self.delete_from_model, QKeySequence("Ctrl+Delete"))
        self.act_rename = make_action(self, self.tr("&Rename…"), self.rename_selection,
                                      QKeySequence("F2"))
        self.act_select_all = make_action(self, self.tr("Select &all"), self.select_all,
                                          S.SelectAll)

    def _build_clipboard_actions(self) -> None:
        """Cut/Copy/Paste/Paste as copy/Duplicate and the Arrange entries. The context
        menu has its own Paste entries: they paste where the menu was opened."""
        S = QKeySequence.StandardKey
        self.act_cut = make_action(
            self, self.tr("Cu&t"), self.cut_selection, S.Cut,
            self.tr("Copy the selection and remove it from this view"))
        self.act_copy = make_action(
            self, self.tr("&Copy"), self.copy_selection, S.Copy,
            self.tr("Copy the selected elements, with the lines among them"))
        self.act_paste = make_action(
            self, self.tr("&Paste"), lambda: self.paste(), S.Paste,
            self.tr("Show the copied elements on this view (the same elements, not copies)"))
        self.act_paste_copy = make_action(
            self, self.tr("Paste as cop&y"), lambda: self.paste(as_copy=True),
            QKeySequence("Ctrl+Shift+V"),
            self.tr("Paste new elements: copies of the copied ones, with their "
                    "relationships"))
        self.act_duplicate = make_action(
            self, self.tr("D&uplicate"), self.duplicate_selection, QKeySequence("Ctrl+D"),
            self.tr("New copies of the selected elements, beside them"))
        self.act_paste_here = make_action(
            self, self.tr("&Paste here"), lambda: self.paste_here(),
            tip=self.tr("Show the copied elements here (the same elements, not copies)"))
        self.act_paste_copy_here = make_action(
            self, self.tr("Paste as copy &here"), lambda: self.paste_here(as_copy=True),
            tip=self.tr("Paste new copies of the copied elements here"))
        self.arrange_actions: dict[str, QAction] = {}
        self._arrange_groups: list[list[str]] = []
        for group in arrange_entries():
            self._arrange_groups.append([entry.operation for entry in group])
            for entry in group:
                action = make_action(self, entry.label,
                                     partial(self.arrange, entry.operation), tip=entry.tip)
                action.setIcon(arrange_icon(entry.operation))
                self.arrange_actions[entry.operation] = action
        for action in (self.act_delete, self.act_delete_model, self.act_rename,
                       self.act_select_all, *self.clipboard_actions()):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

    def clipboard_actions(self) -> list[QAction]:
        return [self.act_cut, self.act_copy, self.act_paste, self.act_paste_copy,
                self.act_duplicate, self.act_paste_here, self.act_paste_copy_here,
                *self.arrange_actions.values()]

    def _build_arrange_menu(self, parent: QWidget) -> QMenu:
        menu = QMenu(self.tr("&Arrange"), parent)
        menu.setObjectName("arrange_menu")
        menu.setToolTipsVisible(True)
        for i, group in enumerate(self._arrange_groups):
            if i:
                menu.addSeparator()
            for operation in group:
                menu.addAction(self.arrange_actions[operation])
        return menu

    def fill_edit_menu(self, menu: QMenu) -> None:
        menu.addAction(self.act_undo)
        menu.addAction(self.act_redo)
        menu.addSeparator()
        menu.addAction(self.act_rename)
        menu.addAction(self.act_delete)
        menu.addAction(self.act_delete_model)
        menu.addSeparator()
        for action in (self.act_cut, self.act_copy, self.act_paste, self.act_paste_copy,
                       self.act_duplicate):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.act_select_all)

    def toolbar_undo_actions(self, style: QStyle) -> list[QAction]:
        """Short Undo/Redo buttons for the toolbar: the Edit menu's entries say what they
        will undo, these say it in their tooltip (long names would stretch the bar)."""
        SP = QStyle.StandardPixmap
        stack = self.document.undo_stack
        self.tool_undo = make_action(self, self.tr("Undo"), stack.undo)
        self.tool_undo.setIcon(style.standardIcon(SP.SP_ArrowBack))
        self.tool_redo = make_action(self, self.tr("Redo"), stack.redo)
        self.tool_redo.setIcon(style.standardIcon(SP.SP_ArrowForward))
        stack.canUndoChanged.connect(self.tool_undo.setEnabled)
        stack.canRedoChanged.connect(self.tool_redo.setEnabled)
        stack.undoTextChanged.connect(self._undo_texts_changed)
        stack.redoTextChanged.connect(self._undo_texts_changed)
        self.tool_undo.setEnabled(stack.canUndo())
        self.tool_redo.setEnabled(stack.canRedo())
        self._undo_texts_changed()  # with the shortcut from the start
        return [self.tool_undo, self.tool_redo]

    def _undo_texts_changed(self, _text: str = "") -> None:
        try:
            self.tool_undo.setToolTip(with_shortcut(self.act_undo.text(), self.act_undo))
            self.tool_redo.setToolTip(with_shortcut(self.act_redo.text(), self.act_redo))
        except RuntimeError:  # the window is being destroyed
            pass

    def _equip_canvas(self, canvas: DiagramView) -> None:
        """A new diagram tab: its context menu gets the clipboard and Arrange entries and
        the deletes; the paste entries remember where that menu opens."""
        for action in (self.act_cut, self.act_copy, self.act_paste_here,
                       self.act_paste_copy_here, self.act_duplicate):
            canvas.addAction(action)
        canvas.addAction(self.arrange_menu.menuAction())
        separator = QAction(canvas)
        separator.setSeparator(True)
        canvas.addAction(separator)
        for action in (self.act_rename, self.act_delete, self.act_delete_model):
            canvas.addAction(action)
        watcher = ContextPointWatcher(canvas, self.act_paste_here, self.act_paste_copy_here)
        canvas.viewport().installEventFilter(watcher)
        selection_order(canvas.diagram())
        canvas.diagram().selectionChanged.connect(self.update_actions)

    def update_actions(self) -> None:
        """Copy/Cut/Duplicate need a selected node, Paste a fragment on the clipboard,
        Arrange two selected nodes (distribute three)."""
        try:
            canvas = self.views.current_canvas()
            scene = canvas.diagram() if canvas is not None else None
            selected = bool(scene.selected_node_ids()) if scene is not None else False
            for action in (self.act_cut, self.act_copy, self.act_duplicate):
                action.setEnabled(selected)
            can_paste = canvas is not None and self._clipboard_has_fragment
            for action in (self.act_paste, self.act_paste_copy, self.act_paste_here,
                           self.act_paste_copy_here):
                action.setEnabled(can_paste)
            count = arrangeable_count(scene) if scene is not None else 0
            for operation, action in self.arrange_actions.items():
                action.setEnabled(count >= minimum_selection(operation))
        except RuntimeError:  # the window is being destroyed
            return

    def _index_changed(self, _index: int) -> None:
        self.update_actions()

    def _clipboard_changed(self) -> None:
        """Ask the clipboard what it holds only when it changes (on X11 each question is
        a round trip to the program that owns it)."""
        self._clipboard_has_fragment = has_fragment()
        self.update_actions()

    # ================================================================ deletes and rename
    def delete_selection(self) -> bool:
        """Delete removes the selected nodes and lines from this view only."""
        canvas = self.views.current_canvas()
        if canvas is None:
            return False
        commands = self._removal_commands(canvas)
        if not commands:
            return False
        return self.document.editor.run_many(self.tr("Delete from view"), commands)

    def _removal_commands(self, canvas: DiagramView) -> list[Command]:
        """Remove the selected lines and the selected nodes not nested in another selected
        node (removing the parent removes them)."""
        scene = canvas.diagram()
        view = scene.view()
        node_ids = set(scene.selected_node_ids())
        commands: list[Command] = [
            RemoveConnectionCommand(view.id, c) for c in scene.selected_connection_ids()]
        for node_id in node_ids:
            parent = view.nodes[node_id].parent
            nested = False
            while parent is not None and parent in view.nodes:
                if parent in node_ids:
                    nested = True
                    break
                parent = view.nodes[parent].parent
            if not nested:
                commands.append(RemoveNodeCommand(view.id, node_id))
        return commands

    def delete_from_model(self) -> bool:
        """Ctrl+Del: remove the selected elements (and relationships) everywhere, after
        saying which other views show them."""
        canvas = self.views.current_canvas()
        if canvas is None:
            return False
        model = self.document.model
        scene = canvas.diagram()
        view = scene.view()
        element_ids: list[str] = []
        for node_id in scene.selected_node_ids():
            element_id = view.nodes[node_id].element_id
            if element_id and element_id not in element_ids:
                element_ids.append(element_id)
        relationship_ids = [
            rid for c in scene.selected_connection_ids()
            if (rid := view.connections[c].relationship_id)]
        if not element_ids and not relationship_ids:
            return False
        text, details = delete_from_model_question(model, element_ids, relationship_ids, view)
        if not self.dialogs.confirm(self.tr("Delete from model"), text, details):
            return False
        commands: list[Command] = [DeleteElementCommand(e) for e in element_ids]
        commands.extend(UnrelateCommand(r) for r in relationship_ids)
        return self.document.editor.run_many(self.tr("Delete from model"), commands)

    def rename_selection(self) -> bool:
        """F2 / Edit > Rename: edit the selected element's name where it is drawn (see
        :meth:`DiagramView.edit_name`). Returns True when the editor opened."""
        canvas = self.views.current_canvas()
        if canvas is None:
            return False
        scene = canvas.diagram()
        ids = scene.selected_node_ids()
        if len(ids) != 1 or not scene.node(ids[0]).element_id:
            return False
        return canvas.edit_name(ids[0]) is not None

    def select_all(self) -> None:
        canvas = self.views.current_canvas()
        if canvas is not None:
            scene = canvas.diagram()
            scene.set_selection([*scene.selectedItems(),
                                 *(i for i in scene.node_items.values() if not i.is_container)])

    # ================================================================ clipboard
    def copy_selection(self) -> bool:
        """Ctrl+C: the selected nodes (with nested ones and the lines among them) onto
        the clipboard."""
        canvas = self.views.current_canvas()
        if canvas is None:
            return False
        done = copy_selection(canvas) is not None
        self.update_actions()
        return done

    def cut_selection(self) -> bool:
        """Ctrl+X: copy, then delete from this view (the elements stay in the model, so
        Paste shows them again); one undo step."""
        canvas = self.views.current_canvas()
        fragment = copy_selection(canvas) if canvas is not None else None
        if canvas is None or fragment is None:
            return False
        self.update_actions()
        commands = self._removal_commands(canvas)
        if not self.document.editor.run(CompoundCommand(self.tr("Cut"), commands)):
            return False
        # copy_selection said "Copied"; the architect must know the shapes left the view.
        self.show_status(self.tr(
            "Cut {count} element(s): copied and removed from this view (they stay in the "
            "model; Ctrl+V shows them again)").format(count=len(fragment.elements)))
        return True

    def paste(self, as_copy: bool = False, at: QPointF | None = None) -> list[str] | None:
        """Ctrl+V (the same elements, shown again) or Ctrl+Shift+V (new copies) into the
        current view, one undo step; ``at`` centres the pasted nodes on a scene point.
        Returns the new top-level node ids, or None."""
        canvas = self.views.current_canvas()
        if canvas is None:
            return None
        return paste_clipboard(canvas, as_copy=as_copy, at=at)

    def paste_here(self, as_copy: bool = False) -> list[str] | None:
        """The context menu's Paste: at the point where the menu was opened."""
        point = self.act_paste_here.data()
        return self.paste(as_copy=as_copy,
                          at=point if isinstance(point, QPointF) else None)

    def duplicate_selection(self) -> list[str] | None:
        """Ctrl+D: new copies of the selected elements beside them, one undo step."""
        canvas = self.views.current_canvas()
        if canvas is None:
            return None
        return duplicate_selection(canvas)

    # ================================================================ arrange
    def arrange(self, operation: str) -> bool:
        """Align, distribute or make the same size (see :mod:`egov_modeler.model.arrange`)
        the selected nodes of the current view; one undo step."""
        canvas = self.views.current_canvas()
        if canvas is None:
            return False
        return arrange_selection(canvas, operation)

    # ================================================================ relationship menu
    def choose_relationship(self, offered: list[tuple[str, str | None]],
                            suggested: str | None, pos: QPoint) -> str | None:
        """Ask with a popup menu at the mouse (see :meth:`relationship_menu`). Why a type
        is greyed out also goes to the status bar: a disabled entry's tooltip needs a
        patient hover the architect does not know to try."""
        refused = [(t, why) for t, why in offered if why]
        if refused:
            names = ", ".join(self.tr(RELATIONSHIP_TYPES[t].label_en) for t, _why in refused)
            self.show_status(self.tr("{type} is not allowed here: {reason}").format(
                type=names, reason=refused[0][1]))
        menu = self.relationship_menu(offered, suggested)
        chosen = menu.exec(pos)
        menu.deleteLater()
        return chosen.data() if chosen is not None else None

    def relationship_menu(self, offered: list[tuple[str, str | None]],
                          suggested: str | None) -> QMenu:
        """The relationship types the rules allow for a pair, the suggested one first and
        marked; those a framework rule refuses are disabled with the reason as tooltip."""
        menu = QMenu(self._menu_parent)
        menu.setToolTipsVisible(True)
        for rel_type, refusal in offered:
            label = self.tr(RELATIONSHIP_TYPES[rel_type].label_en)
            if rel_type == suggested:
                label = self.tr("{type} (suggested)").format(type=label)
            action = menu.addAction(label)
            action.setData(rel_type)
            if refusal:
                action.setEnabled(False)
                action.setToolTip(tooltip(refusal))
                action.setStatusTip(refusal)
            elif rel_type == suggested:
                font = action.font()
                font.setBold(True)
                action.setFont(font)
        return menu
