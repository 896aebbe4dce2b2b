"""The Inventory menu ("Kiểm kê"): the workbook out and in, the generated overview and
roadmap views, re-layout of the current view, the gap analysis between plateaus, and the
Inventory dock with its tables, whose selection follows the diagram and the model tree.

Every change it makes is one undo step through the document's editor; questions go through
the window's ``dialogs`` (tests answer them in advance).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from ...diagram.overview_layout import generate_overview, relayout_command
from ...diagram.roadmap_view import roadmap_view
from ...exchange.xlsx_inventory_export import write_inventory_workbook
from ...exchange.xlsx_inventory_import import XlsxImportError, plan_xlsx_import
from ...i18n import current_language
from ...model.cancel import Cancelled, CancelToken
from ...model.errors import ModelError
from ...model.inventory.gaps import gap_tasks_command, plateaus_from_states_command
from ...model.inventory.rows import Inventory
from ..dialogs.file_actions import Dialogs
from ..dialogs.gap_analysis import GapAnalysisDialog
from ..dialogs.xlsx_import_preview import ImportPreviewDialog
from ..docks.inventory_dock import InventoryDock
from ..docks.model_dock import ModelDock
from ..docks.model_tree import ELEMENT, RELATIONSHIP
from ..document import Document
from ..long_work import run_long
from .actions import make_action
from .view_controller import ViewController

XLSX_FILTER = "Excel (*.xlsx)"


class InventoryController(QObject):
    """Inventory > Export workbook, Import workbook, Generate overview, Re-layout view,
    Gap analysis, Roadmap view, and the Inventory dock."""

    def __init__(self, document: Document, views: ViewController, model_dock: ModelDock,
                 dialogs: Dialogs, show_status: Callable[..., None], parent: QWidget) -> None:
        super().__init__(parent)
        self.document = document
        self.views = views
        self.model_dock = model_dock
        self.dialogs = dialogs
        self.show_status = show_status
        self._parent = parent
        self.dock = InventoryDock(parent)
        self._syncing = False
        self._build_actions()
        document.replaced.connect(self._replaced)
        self.dock.conceptsSelected.connect(self._rows_selected)
        views.canvasOpened.connect(self._canvas_opened)
        views.currentChanged.connect(self._canvas_selection)
        model_dock.rowsSelected.connect(self._tree_selected)
        self._replaced()

    # ================================================================ actions and menu
    def _build_actions(self) -> None:
        self.act_export = make_action(self, self.tr("&Export workbook…"), self.export_workbook,
                                      tip=self.tr("The inventory as an Excel workbook: objects, "
                                                  "connections, mapping, gap-to-task plan"))
        self.act_import = make_action(self, self.tr("&Import workbook…"), self.import_workbook,
                                      tip=self.tr("Merge a workbook edited elsewhere; every "
                                                  "change is shown before it is applied"))
        self.act_overview = make_action(self, self.tr("&Generate overview"),
                                        self.generate_overview,
                                        tip=self.tr("A new view: every inventory object in its "
                                                    "layer band, grouped by owner"))
        self.act_relayout = make_action(self, self.tr("&Re-layout view"), self.relayout,
                                        QKeySequence("Ctrl+Shift+R"),
                                        self.tr("Tidy the current view: no overlaps, lines "
                                                "routed again (one undo step)"))
        self.act_gaps = make_action(self, self.tr("&Gap analysis…"), self.gap_analysis)
        self.act_roadmap = make_action(self, self.tr("Road&map view"), self.roadmap,
                                       tip=self.tr("A new view: the tasks by quarter and lead "
                                                   "unit, with the budget"))
        self.act_dock = self.dock.toggleViewAction()
        self.act_dock.setText(self.tr("Inventory &tables"))

    def fill_menu(self, menu: QMenu) -> None:
        menu.setObjectName("inventory_menu")
        for action in (self.act_dock, None, self.act_export, self.act_import, None,
                       self.act_overview, self.act_relayout, self.act_roadmap, None,
                       self.act_gaps):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)

    def update_actions(self) -> None:
        self.act_relayout.setEnabled(self.views.current_canvas() is not None)

    # ================================================================ following
    def _replaced(self) -> None:
        self.dock.show_model(self.document.editor)
        self.update_actions()

    def _canvas_opened(self, canvas) -> None:
        canvas.diagram().selectionChanged.connect(self._canvas_selection)
        self.update_actions()

    def _canvas_selection(self) -> None:
        """What is selected on the diagram is selected in the tables."""
        canvas = self.views.current_canvas()
        self.update_actions()
        if canvas is None or self._syncing:
            return
        scene = canvas.diagram()
        view = scene.view()
        ids = [view.nodes[n].element_id for n in scene.selected_node_ids()
               if n in view.nodes and view.nodes[n].element_id]
        ids += [view.connections[c].relationship_id for c in scene.selected_connection_ids()
                if c in view.connections and view.connections[c].relationship_id]
        self.dock.select_concepts([i for i in ids if i])

    def _tree_selected(self, rows: list[tuple[str, str]]) -> None:
        """Rows picked in the model tree (``(kind, id)`` pairs): the same in the tables."""
        ids = [row_id for kind, row_id in rows if kind in (ELEMENT, RELATIONSHIP)]
        if ids and not self._syncing:
            self.dock.select_concepts(ids)

    def _rows_selected(self, ids: list[str]) -> None:
        """Rows picked in the tables: select them on the diagram and in the model tree."""
        self._syncing = True
        try:
            self.views.reveal(tuple(ids))
            index = self.model_dock.index_of(ids[0])
            if index.isValid():
                tree = self.model_dock.tree
                tree.selectionModel().blockSignals(True)
                tree.setCurrentIndex(index)
                tree.selectionModel().blockSignals(False)
                tree.scrollTo(index)
                tree.viewport().update()
        finally:
            self._syncing = False

    # ================================================================ workbook
    def _suggest(self) -> str:
        base = self.document.path or (self.document.model.name or "kiem-ke")
        return str(Path(base).with_suffix(".xlsx"))

    def export_workbook(self) -> bool:
        path = self.dialogs.save_path(self.tr("Export inventory workbook"), XLSX_FILTER,
                                      self._suggest())
        if not path:
            return False
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        model, language = self.document.model, current_language()
        try:  # seconds for a national inventory
            summary = run_long(self._parent, self.tr("Writing the inventory workbook…"),
                               lambda: write_inventory_workbook(model, path, language))
        except (ModelError, OSError) as exc:
            self.dialogs.error(self.tr("Cannot export"), str(exc))
            return False
        self.show_status(self.tr("Exported {path}: {objects} objects, {connections} "
                                 "connections, {tasks} tasks").format(
            path=path, objects=summary.rows.get("objects", 0),
            connections=summary.rows.get("connections", 0), tasks=summary.rows.get("tasks", 0)))
        return True

    def import_workbook(self, path: str | None = None) -> bool:
        """Plan the import, show every change, apply it as one undo step when accepted;
        a refused workbook is explained and changes nothing."""
        path = path or self.dialogs.open_path(self.tr("Import inventory workbook"),
                                              XLSX_FILTER)
        if not path:
            return False
        model = self.document.model
        try:
            result = run_long(self._parent, self.tr("Reading the inventory workbook…"),
                              lambda: plan_xlsx_import(model, path))
        except XlsxImportError as exc:
            self.dialogs.error(
                self.tr("Workbook not imported"),
                self.tr("‘{name}’ was not imported: %n problem(s). Nothing was changed.", "",
                        len(exc.problems)).format(name=Path(path).name), str(exc))
            return False
        dialog = ImportPreviewDialog(result, Path(path).name, self._parent)
        try:
            if not self.dialogs.run_dialog(dialog):
                return False
        finally:
            dialog.deleteLater()
        if result.command is None:
            self.show_status(self.tr("Nothing to import from {name}").format(
                name=Path(path).name))
            return True
        if not self.document.editor.run(result.command):
            return False
        self.show_status(self.tr("Imported {name}: %n change(s)", "", len(result.changes))
                         .format(name=Path(path).name))
        return True

    # ================================================================ generated views
    def generate_overview(self) -> str | None:
        model = self.document.model
        if not Inventory(model).objects():
            self.dialogs.info(self.tr("Generate overview"),
                              self.tr("The model has no inventory objects yet."))
            return None
        cancel = CancelToken()
        try:
            command, view = run_long(self._parent, self.tr("Laying out the overview…"),
                                     lambda: generate_overview(model, cancel=cancel),
                                     cancel=cancel)
        except Cancelled:
            self.show_status(self.tr("Generate overview stopped: the model is unchanged"))
            return None
        if not self.document.editor.run(command):
            return None
        self.views.open_view(view.id)
        self.show_status(self.tr("Generated the view ‘{name}’").format(name=view.name))
        return view.id

    def relayout(self) -> bool:
        view_id = self.views.current_view_id()
        if view_id is None:
            return False
        model = self.document.model
        cancel = CancelToken()
        try:
            command = run_long(self._parent, self.tr("Laying out the view…"),
                               lambda: relayout_command(model, view_id, cancel),
                               cancel=cancel)
        except Cancelled:
            self.show_status(self.tr("Re-layout stopped: the view is unchanged"))
            return False
        if command is None:
            self.show_status(self.tr("Nothing to re-lay out"))
            return False
        return self.document.editor.run(command)

    def roadmap(self) -> str | None:
        model = self.document.model
        if not Inventory(model).tasks():
            self.dialogs.info(self.tr("Roadmap view"),
                              self.tr("The model has no tasks (work packages) yet: run the "
                                      "gap analysis or add them in the tables."))
            return None
        command, view = roadmap_view(model, language=current_language())
        if not self.document.editor.run(command):
            return None
        self.views.open_view(view.id)
        return view.id

    def gap_analysis(self) -> bool:
        editor = self.document.editor

        def make_plateaus() -> bool:
            command = plateaus_from_states_command(editor.model)
            return command is not None and editor.run(command)

        dialog = GapAnalysisDialog(editor.model, make_plateaus, self._parent)
        try:
            if not self.dialogs.run_dialog(dialog) or dialog.analysis is None:
                return False
            command = gap_tasks_command(editor.model, dialog.analysis)
        finally:
            dialog.deleteLater()
        if command is None:
            self.show_status(self.tr("Every difference already has a task"))
            return False
        if not editor.run(command):
            return False
        self.show_status(self.tr("Added the tasks of the gap analysis"))
        self.dock.setVisible(True)
        self.dock.tabs.setCurrentIndex(2)
        return True
