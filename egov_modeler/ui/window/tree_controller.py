"""The model tree as an editor, and the diagram's way back to it.

In the tree: rename (F2, or typing in the row), delete (Delete: from the *model*, with the
same question the diagram asks, naming the views that show it), new folder, drag rows
between folders, change an element's type (to the types its relationships still allow,
else why not), "Show in views", "Properties", and the model's own row, which renames the
model and shows its fields in Properties even while a diagram is open.

On the diagram's context menu: "Select in model tree", "Show in views", "Change type" and
"Properties". The two selections follow each other: picking rows selects their shapes on
the diagram, selecting shapes selects their rows.

Every edit is a model command run through the document's editor, so it is one undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu, QWidget

from ...model.catalog import rename_element_command
from ...model.commands import (
    AddFolderCommand,
    Command,
    CompoundCommand,
    DeleteElementCommand,
    DeleteFolderCommand,
    DeleteViewCommand,
    FileInFolderCommand,
    MoveFolderCommand,
    RenameFolderCommand,
    RenameViewCommand,
    RetypeElementCommand,
    SetModelFieldsCommand,
    SetRelationshipFieldsCommand,
    UnrelateCommand,
)
from ...model.commands.folder import walk_folders
from ...model.ids import new_id
from ...model.metamodel import ELEMENT_TYPES, ArchiMateLayer, layer_label
from ...model.retype import no_retype_reason, retype_options
from ..canvas.view import DiagramView
from ..dialogs.file_actions import Dialogs
from ..docks.model_dock import ModelDock
from ..docks.model_tree import (
    ELEMENT,
    FOLDER,
    GROUP,
    MODEL,
    RELATIONSHIP,
    USER_FOLDER,
    VIEW,
    folder_path,
)
from ..docks.properties_dock import PropertiesDock
from ..document import Document
from ..plain_text import menu_text, tooltip
from .actions import make_action
from .delete_question import delete_from_model_question
from .view_controller import ViewController

#: The most elements and relationships selected on the diagram that the tree selects too.
#: Each is a row the lazy tree may have to make, one insertion each, and Qt walks the
#: selection at every insertion: Select all on a 2,000-node view took seconds in the tree
#: alone, for a highlight of 2,000 rows scattered through its folders that tells nobody
#: anything. A larger selection leaves the tree unselected.
TREE_FOLLOWS_UP_TO = 200

Row = tuple[str, str]


class TreeController(QObject):
    """Edits from the model tree, and the tree's entries in the diagram's context menu."""

    def __init__(self, document: Document, views: ViewController, dock: ModelDock,
                 properties: PropertiesDock, dialogs: Dialogs,
                 show_status: Callable[..., None], parent: QWidget) -> None:
        super().__init__(parent)
        self.document = document
        self.views = views
        self.dock = dock
        self.properties = properties
        self.dialogs = dialogs
        self.show_status = show_status
        self._menu_parent = parent
        self._from_tree = False
        self._build_actions()
        tree_model = dock.source_model
        tree_model.renameRequested.connect(self.rename_row)
        tree_model.dropRequested.connect(self.drop_rows)
        dock.rowsSelected.connect(self._rows_selected)
        dock.conceptActivated.connect(self.show_concept)
        dock.deleteRequested.connect(self.delete_rows)
        dock.menuRequested.connect(self._show_tree_menu)
        views.canvasOpened.connect(self._equip_canvas)
        views.currentChanged.connect(self._canvas_selection_changed)

    # ================================================================ actions
    def _build_actions(self) -> None:
        self.act_select_in_tree = make_action(
            self, self.tr("Select in model tree"), self.select_in_tree,
            tip=self.tr("Show the selected elements' rows in the model tree"))
        self.act_properties = make_action(
            self, self.tr("Properties"), self.show_canvas_properties,
            tip=self.tr("Show the Properties panel for the selection"))
        self.show_in_views_menu = QMenu(self.tr("Show in views"), self._menu_parent)
        self.show_in_views_menu.setObjectName("show_in_views_menu")
        self.show_in_views_menu.aboutToShow.connect(self._fill_canvas_show_in_views)
        self.change_type_menu = QMenu(self.tr("Change type"), self._menu_parent)
        self.change_type_menu.setObjectName("change_type_menu")
        self.change_type_menu.setToolTipsVisible(True)
        self.change_type_menu.aboutToShow.connect(self._fill_canvas_change_type)

    def canvas_actions(self) -> list[QAction]:
        return [self.act_select_in_tree, self.show_in_views_menu.menuAction(),
                self.change_type_menu.menuAction(), self.act_properties]

    def _equip_canvas(self, canvas: DiagramView) -> None:
        separator = QAction(canvas)
        separator.setSeparator(True)
        canvas.addAction(separator)
        for action in self.canvas_actions():
            canvas.addAction(action)
        canvas.diagram().selectionChanged.connect(self._canvas_selection_changed)

    def update_actions(self) -> None:
        """The diagram's entries need a selected element or line ("Change type": one
        element)."""
        elements, relationships = self._canvas_concepts()
        self.act_select_in_tree.setEnabled(bool(elements or relationships))
        self.show_in_views_menu.menuAction().setEnabled(bool(elements or relationships))
        self.change_type_menu.menuAction().setEnabled(len(elements) == 1 and not relationships)

    # ================================================================ selection
    def _canvas_concepts(self) -> tuple[list[str], list[str]]:
        """The elements and relationships selected on the current diagram."""
        canvas = self.views.current_canvas()
        if canvas is None:
            return [], []
        scene = canvas.diagram()
        view = scene.view()
        elements: list[str] = []
        for node_id in scene.selected_node_ids():
            element_id = view.nodes[node_id].element_id if node_id in view.nodes else None
            if element_id and element_id not in elements:
                elements.append(element_id)
        relationships = [rid for c in scene.selected_connection_ids()
                         if c in view.connections and (rid := view.connections[c].relationship_id)]
        return elements, relationships

    def _canvas_selection_changed(self) -> None:
        """Shapes selected on the diagram: their rows are selected in the tree."""
        try:
            self.update_actions()
            if not self._from_tree:
                elements, relationships = self._canvas_concepts()
                concepts = [*elements, *relationships]
                self.dock.select_concepts(concepts if len(concepts) <= TREE_FOLLOWS_UP_TO
                                          else [])
        except RuntimeError:  # the window is being destroyed (its scenes empty out)
            pass

    def _rows_selected(self, rows: list[Row]) -> None:
        """Rows picked in the tree: their shapes are selected on the diagram; what the
        diagram does not show (the model, a view, an element on no view here) is shown in
        Properties instead."""
        concepts = [row_id for kind, row_id in rows if kind in (ELEMENT, RELATIONSHIP)]
        self._from_tree = True
        try:
            if len(concepts) == 1:
                self.views.reveal_concept(concepts[0])
            elif concepts:
                self.views.reveal(tuple(concepts))
        finally:
            self._from_tree = False
        canvas = self.views.current_canvas()
        shown = canvas is not None and bool(canvas.diagram().selectedItems())
        if len(rows) == 1 and (rows[0][0] in (MODEL, VIEW) or (
                rows[0][0] in (ELEMENT, RELATIONSHIP) and not shown)):
            self.show_properties(*rows[0], raise_dock=False)

    def select_in_tree(self) -> bool:
        """The diagram's "Select in model tree": the rows of the selected shapes, shown."""
        elements, relationships = self._canvas_concepts()
        if not elements and not relationships:
            return False
        self.dock.search.clear()  # a filter could hide them
        self.dock.select_concepts([*elements, *relationships])
        self._raise(self.dock)
        self.dock.tree.setFocus()
        return True

    def show_concept(self, concept_id: str) -> bool:
        """Show an element or relationship on a diagram: the current one when it shows it,
        else the first view that does (opened, with the shapes selected)."""
        self.views.reveal((concept_id,))
        canvas = self.views.current_canvas()
        if canvas is not None and canvas.diagram().selectedItems():
            return True
        showing = self.document.model.views_showing(concept_id)
        if not showing:
            self.views.reveal_concept(concept_id)  # says it is on no view
            return False
        return self.show_in_view(concept_id, showing[0].id)

    def show_in_view(self, concept_id: str, view_id: str) -> bool:
        """Open ``view_id`` and select what shows ``concept_id`` there."""
        if self.views.open_view(view_id) is None:
            return False
        self.views.reveal((concept_id,))
        return True

    # ================================================================ properties
    def show_properties(self, kind: str, object_id: str, raise_dock: bool = True) -> None:
        """Show the model, a view, an element or a relationship in Properties, whatever
        the diagram has selected (the model's name can be edited with a diagram open)."""
        editor = self.document.editor
        self.properties.show_selection(editor, None, [], [])  # the model
        if kind in (ELEMENT, RELATIONSHIP, VIEW):
            self.properties.target = (kind, object_id)
            self.properties.refresh()
        if raise_dock:
            self._raise(self.properties)

    def show_canvas_properties(self) -> None:
        """The diagram's "Properties": the panel, brought forward, on the selection."""
        self._raise(self.properties)
        self.properties.name.setFocus()

    def _raise(self, dock: QDockWidget) -> None:
        dock.show()
        dock.raise_()

    # ================================================================ the tree's menu
    def _show_tree_menu(self, pos: QPoint) -> None:
        menu = self.tree_menu(self.dock.selected_rows())
        if not menu.isEmpty():
            menu.exec(pos)
        menu.deleteLater()

    def tree_menu(self, rows: list[Row]) -> QMenu:
        """The tree's context menu for the selected rows."""
        menu = QMenu(self._menu_parent)
        menu.setToolTipsVisible(True)
        kinds = {kind for kind, _ in rows}
        if len(rows) == 1:
            kind, row_id = rows[0]
            if kind == VIEW:
                menu.addAction(self.tr("Open"), partial(self.views.open_view, row_id))
            if kind in (MODEL, USER_FOLDER, ELEMENT, RELATIONSHIP, VIEW):
                rename = menu.addAction(self.tr("Rename"), partial(self.dock.edit_row, kind,
                                                                    row_id))
                rename.setShortcut("F2")
            if kind == ELEMENT:
                menu.addMenu(self._change_type_menu(row_id, menu))
            if kind in (ELEMENT, RELATIONSHIP):
                menu.addMenu(self._show_in_views_menu(row_id, menu))
            if kind in (MODEL, ELEMENT, RELATIONSHIP, VIEW):
                menu.addAction(self.tr("Properties"), partial(self.show_properties, kind,
                                                              row_id))
        if not rows or kinds <= {MODEL, USER_FOLDER, FOLDER, GROUP}:
            menu.addSeparator()
            menu.addAction(self.tr("New folder…"), self.new_folder)
        if rows and kinds <= {USER_FOLDER, ELEMENT, RELATIONSHIP, VIEW}:
            menu.addSeparator()
            label = (self.tr("Delete folder") if kinds == {USER_FOLDER}
                     else self.tr("Delete view") if kinds == {VIEW}
                     else self.tr("Delete from model…"))
            delete = menu.addAction(label, self.delete_rows)
            delete.setShortcut("Del")
        return menu

    def _show_in_views_menu(self, concept_id: str, parent: QMenu) -> QMenu:
        menu = QMenu(self.tr("Show in views"), parent)
        self._fill_show_in_views(menu, concept_id)
        return menu

    def _fill_show_in_views(self, menu: QMenu, concept_id: str) -> None:
        menu.clear()
        current = self.views.current_view_id()
        showing = self.document.model.views_showing(concept_id)
        for view in showing:
            label = menu_text(view.name or self.tr("(unnamed view)"))
            if view.id == current:
                label = self.tr("{view} (this view)").format(view=label)
            menu.addAction(label, partial(self.show_in_view, concept_id, view.id))
        if not showing:
            menu.addAction(self.tr("No view shows it")).setEnabled(False)

    def _change_type_menu(self, element_id: str, parent: QMenu) -> QMenu:
        menu = QMenu(self.tr("Change type"), parent)
        menu.setToolTipsVisible(True)
        self._fill_change_type(menu, element_id)
        return menu

    def _fill_change_type(self, menu: QMenu, element_id: str) -> None:
        """One submenu per ArchiMate layer, the element's own first, with the types its
        relationships allow; with none, a disabled entry saying why."""
        menu.clear()
        model = self.document.model
        if not model.has_element(element_id):
            return
        options = retype_options(model, element_id)
        if not options:
            reason = no_retype_reason(model, element_id)
            entry = menu.addAction(self.tr("No other type is possible"))
            entry.setEnabled(False)
            entry.setToolTip(tooltip(reason))
            entry.setStatusTip(reason)
            return
        own = ELEMENT_TYPES.get(model.element(element_id).type)
        layers = sorted({ELEMENT_TYPES[t].layer for t in options},
                        key=lambda layer: (own is None or layer != own.layer,
                                           list(ArchiMateLayer).index(layer)))
        for layer in layers:
            sub = menu.addMenu(layer_label(layer))
            for type_name in options:
                if ELEMENT_TYPES[type_name].layer == layer:
                    sub.addAction(self.tr(ELEMENT_TYPES[type_name].label_en),
                                  partial(self.change_type, element_id, type_name))

    def _fill_canvas_show_in_views(self) -> None:
        elements, relationships = self._canvas_concepts()
        concepts = [*elements, *relationships]
        if concepts:
            self._fill_show_in_views(self.show_in_views_menu, concepts[0])

    def _fill_canvas_change_type(self) -> None:
        elements, relationships = self._canvas_concepts()
        self.change_type_menu.clear()
        if len(elements) == 1 and not relationships:
            self._fill_change_type(self.change_type_menu, elements[0])

    # ================================================================ edits
    def change_type(self, element_id: str, type_name: str) -> bool:
        """Change an element's ArchiMate type (one undo step)."""
        label = self.tr("Change type to {type}").format(
            type=self.tr(ELEMENT_TYPES[type_name].label_en))
        return self.document.editor.run(
            CompoundCommand(label, [RetypeElementCommand(element_id, type_name)]))

    def rename_row(self, kind: str, row_id: str, text: str) -> bool:
        """A name typed in a row: the model, a folder, an element, relationship or view."""
        model = self.document.model
        text = text.strip()
        command: Command
        if kind == MODEL:
            if not text:
                self.show_status(self.tr("The model needs a name"))
                return False
            command = CompoundCommand(self.tr("Rename model to ‘{name}’").format(name=text),
                                      [SetModelFieldsCommand({"name": text})])
        elif kind == USER_FOLDER:
            command = RenameFolderCommand(folder_path(row_id), text)
        elif kind == ELEMENT and model.has_element(row_id):
            command = rename_element_command(model, row_id, text)
        elif kind == RELATIONSHIP and model.has_relationship(row_id):
            command = CompoundCommand(self.tr("Rename relationship to ‘{name}’").format(
                name=text), [SetRelationshipFieldsCommand(row_id, {"name": text})])
        elif kind == VIEW and model.has_view(row_id):
            command = RenameViewCommand(row_id, text)
        else:
            return False
        return self.document.editor.run(command)

    def new_folder(self) -> bool:
        """A new folder in the selected folder (at the top otherwise), named by the user."""
        rows = self.dock.selected_rows()
        parent = folder_path(rows[0][1]) if len(rows) == 1 and rows[0][0] == USER_FOLDER \
            else []
        name = self.dialogs.ask_text(self.tr("New folder"), self.tr("Name:"),
                                     self.tr("New folder"))
        if not name or not name.strip():
            return False
        if not self.document.editor.run(AddFolderCommand(name.strip(), parent, new_id())):
            return False
        if parent:
            self.dock.tree.expand(self.dock.index_of_folder(parent))
        return True

    def drop_rows(self, rows: list[list[str]], target_kind: str, target_id: str) -> bool:
        """Rows dropped on a folder: concepts and views are filed there, folders moved
        into it; dropped on the model or a fixed folder, they leave every folder."""
        model = self.document.model
        target = folder_path(target_id) if target_kind == USER_FOLDER else None
        filed = {ref: path for path, folder in walk_folders(model.folders)
                 for ref in folder.refs}
        objects = [row_id for kind, row_id in rows if kind in (ELEMENT, RELATIONSHIP, VIEW)
                   and filed.get(row_id) != (tuple(target) if target is not None else None)]
        commands: list[Command] = []
        if objects:
            commands.append(FileInFolderCommand(objects, target))
        moving = sorted((folder_path(row_id) for kind, row_id in rows if kind == USER_FOLDER),
                        reverse=True)
        destination = list(target or [])
        for path in moving:
            if destination[:len(path)] == path:
                self.show_status(self.tr("A folder cannot be moved into itself"))
                return False
            if path[:-1] == destination:
                continue  # already there
            commands.append(MoveFolderCommand(path, list(destination)))
            level = len(path) - 1  # the removal shifts the later folders of that level
            if destination[:level] == path[:-1] and len(destination) > level and \
                    destination[level] > path[-1]:
                destination[level] -= 1
        if not commands:
            return False
        return self.document.editor.run_many(self.tr("Move to folder"), commands)

    def delete_rows(self) -> bool:
        """Delete in the tree: elements and relationships from the model (after the
        question naming the views that show them), views after their own question,
        folders at once (what they hold moves up; Undo brings them back)."""
        rows = self.dock.selected_rows()
        model = self.document.model
        elements = [i for k, i in rows if k == ELEMENT and model.has_element(i)]
        relationships = [i for k, i in rows if k == RELATIONSHIP and model.has_relationship(i)
                         and not any(e in (model.relationship(i).source,
                                           model.relationship(i).target) for e in elements)]
        views = [i for k, i in rows if k == VIEW and model.has_view(i)]
        folders = sorted((folder_path(i) for k, i in rows if k == USER_FOLDER), reverse=True)
        commands: list[Command] = []
        if elements or relationships:
            text, details = delete_from_model_question(model, elements, relationships)
            if views:
                details += " " + self.tr("{count} view(s) are deleted too.").format(
                    count=len(views))
            if not self.dialogs.confirm(self.tr("Delete from model"), text, details):
                return False
            commands += [DeleteElementCommand(e) for e in elements]
            commands += [UnrelateCommand(r) for r in relationships]
            commands += [DeleteViewCommand(v) for v in views]
        elif len(views) == 1 and not folders:
            return self.views.delete_view(views[0])
        elif views:
            names = ", ".join(model.view(v).name for v in views)
            if not self.dialogs.confirm(
                    self.tr("Delete view"),
                    self.tr("Delete {count} views: {names}?").format(count=len(views),
                                                                     names=names),
                    self.tr("The elements and relationships stay in the model.")):
                return False
            commands += [DeleteViewCommand(v) for v in views]
        commands += [DeleteFolderCommand(path) for path in folders]
        if not commands:
            return False
        label = self.tr("Delete folder") if not (elements or relationships or views) \
            else self.tr("Delete from model")
        if not self.document.editor.run_many(label, commands):
            return False
        if folders and not (elements or relationships or views):
            self.show_status(self.tr("Folder deleted; what it held moved up one level "
                                     "(Ctrl+Z brings it back)"))
        return True
