"""The main window: palette on the left, one diagram tab per open view in the middle,
views and problems docks, menus, toolbar and a status bar that explains refusals.

The window owns the open :class:`~egov_modeler.model.model.Model`, its ``QUndoStack`` and
the file it came from. Replacing the model (New, Open, Import) happens only once the new
model has been read completely, so a broken file leaves the open model as it was.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QStyle,
    QTabWidget,
    QToolBar,
    QWidget,
)

from ..i18n import current_language
from ..model.commands import (
    Command,
    DeleteElementCommand,
    RemoveConnectionCommand,
    RemoveNodeCommand,
    RenameElementCommand,
    UnrelateCommand,
)
from ..model.errors import ModelError
from ..model.metamodel import RELATIONSHIP_TYPES
from ..model.model import Model
from ..model.problems import Severity
from .canvas.scene import DiagramScene
from .canvas.view import DiagramView
from .editor import Editor
from .file_actions import Dialogs, RecentFiles, SaveChoice
from .model_dock import ModelDock
from .palette_dock import PaletteDock
from .problems_dock import ProblemsDock
from .properties_dock import PropertiesDock

log = logging.getLogger(__name__)

NATIVE_FILTER = "egov-modeler (*.egov)"
EXCHANGE_FILTER = "ArchiMate Open Exchange (*.xml)"
VALIDATE_DELAY_MS = 300


class MainWindow(QMainWindow):
    """The editor window. See :func:`egov_modeler.ui.open_window`."""

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.language = current_language()
        _ensure_framework_rules()
        self.dialogs = Dialogs(self)
        self.recent = RecentFiles(settings)
        self.undo_stack = QUndoStack(self)
        self.model: Model = Model(self.tr("Untitled"))
        self.path: str | None = None
        self.editor = self._make_editor()
        self._validate_timer = QTimer(self)
        self._validate_timer.setSingleShot(True)
        self._validate_timer.setInterval(VALIDATE_DELAY_MS)
        self._validate_timer.timeout.connect(self.validate_now)
        self._unsubscribe: Callable[[], None] | None = None

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("view_tabs")
        self.tabs.setTabsClosable(True)
        self.tabs.setDocumentMode(True)
        self.tabs.tabCloseRequested.connect(self._close_tab)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setCentralWidget(self.tabs)

        self.palette = PaletteDock(self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.palette)
        self.palette.componentActivated.connect(self._arm_place)
        self.model_dock = ModelDock(self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.model_dock)
        self.model_dock.viewActivated.connect(self.open_view)
        self.model_dock.deleteRequested.connect(self.delete_view)
        self.properties = PropertiesDock(self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.properties)
        self.tabifyDockWidget(self.model_dock, self.properties)
        self.problems = ProblemsDock(self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems)
        self.problems.problemActivated.connect(self.reveal)
        self.resizeDocks([self.palette, self.model_dock], [520, 220], Qt.Orientation.Vertical)
        self.resizeDocks([self.palette], [300], Qt.Orientation.Horizontal)
        self.resizeDocks([self.problems], [90], Qt.Orientation.Vertical)

        self.zoom_label = QLabel("100%", self)
        self.statusBar().addPermanentWidget(self.zoom_label)
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self.undo_stack.cleanChanged.connect(self._update_title)
        self.undo_stack.indexChanged.connect(lambda _i: self._validate_timer.start())
        self.undo_stack.indexChanged.connect(lambda _i: self._update_actions())
        self.undo_stack.indexChanged.connect(lambda _i: self.properties.refresh())
        self.resize(1400, 900)
        self._restore_window_state()
        self._update_title()

    # ================================================================ automation API
    def current_model(self) -> Model:
        """The model shown in the window."""
        return self.model

    def current_canvas(self) -> DiagramView | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, DiagramView) else None

    def current_view_id(self) -> str | None:
        canvas = self.current_canvas()
        return canvas.view_id if canvas else None

    def canvases(self) -> list[DiagramView]:
        return [w for i in range(self.tabs.count())
                if isinstance(w := self.tabs.widget(i), DiagramView)]

    # ================================================================ model lifecycle
    def _make_editor(self) -> Editor:
        editor = Editor(self.model, self.undo_stack, self.language, self)
        editor.status.connect(self.show_status)
        editor.renameRequested.connect(self.rename_selection)
        editor.choose_relationship = self._choose_relationship
        return editor

    def set_model(self, model: Model, path: str | None) -> None:
        """Show ``model`` (read completely beforehand); the undo history starts afresh."""
        while self.tabs.count():
            self._close_tab(0)
        if self._unsubscribe is not None:
            self._unsubscribe()
        self.undo_stack.clear()
        self.model = model
        self.path = path
        self.editor.deleteLater()
        self.editor = self._make_editor()
        self._unsubscribe = model.subscribe(self._on_model_event)
        self.model_dock.show_model(model)
        if model.views:
            self.open_view(model.views[0].id)
        self.undo_stack.setClean()
        self._update_title()
        self._update_actions()
        self.validate_now()

    def _on_model_event(self, event) -> None:  # noqa: ANN001
        from ..model import events as ev

        if isinstance(event, (ev.ViewAdded, ev.ViewRemoved, ev.ViewChanged, ev.ModelReset)):
            self.model_dock.show_model(self.model)
            if isinstance(event, ev.ViewChanged):
                for i, canvas in enumerate(self.canvases()):
                    if canvas.view_id == event.view_id:
                        self.tabs.setTabText(i, self.model.view(event.view_id).name)

    def new_from_template(self, name: str) -> bool:
        """Replace the model with a fresh copy of template ``name`` (untitled)."""
        if not self.maybe_save():
            return False
        try:
            from ..model.templates import load_template

            model = load_template(name)
        except ImportError:
            model = Model(self.tr("Untitled"))
            model.add_view(self.tr("Overview diagram"))
            self.show_status(self.tr("Templates are not available in this build"))
        except ModelError as exc:
            self.dialogs.error(self.tr("Cannot create the model"), str(exc))
            return False
        self.set_model(model, None)
        return True

    def open_path(self, path: str, ask_to_save: bool = True) -> bool:
        """Open a ``.egov`` file; on failure explain why and keep the open model."""
        from ..export.native import NativeFileError, load

        if ask_to_save and not self.maybe_save():
            return False
        try:
            model = load(path)
        except (NativeFileError, ModelError, OSError) as exc:
            self.dialogs.error(self.tr("Cannot open the file"),
                               self.tr("‘{path}’ could not be opened.").format(path=path),
                               str(exc))
            self.show_status(str(exc))
            return False
        self.set_model(model, os.path.abspath(path))
        self.recent.add(path)
        self._fill_recent_menu()
        if model.load_report:
            self.dialogs.info(self.tr("Some objects were skipped"),
                              self.tr("{count} objects could not be read and were left "
                                      "out.").format(count=len(model.load_report)),
                              "\n".join(model.load_report))
        return True

    def save_to(self, path: str) -> bool:
        """Write the model to ``path``; the window then shows that file, unmodified."""
        from ..export.native import save

        try:
            save(self.model, path)
        except (OSError, ModelError) as exc:
            self.dialogs.error(self.tr("Cannot save"),
                               self.tr("‘{path}’ could not be written.").format(path=path),
                               str(exc))
            return False
        self.path = os.path.abspath(path)
        self.undo_stack.setClean()
        self.recent.add(path)
        self._fill_recent_menu()
        self._update_title()
        self.show_status(self.tr("Saved {path}").format(path=path))
        return True

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self.save_to(self.path)

    def save_as(self) -> bool:
        suggested = self.path or (self.model.name or self.tr("Untitled")) + ".egov"
        path = self.dialogs.save_path(self.tr("Save as"), NATIVE_FILTER, suggested)
        if not path:
            return False
        if not path.endswith(".egov"):
            path += ".egov"
        return self.save_to(path)

    def open_dialog(self) -> bool:
        path = self.dialogs.open_path(self.tr("Open model"), NATIVE_FILTER,
                                      os.path.dirname(self.path or ""))
        return self.open_path(path) if path else False

    def maybe_save(self) -> bool:
        """True when it is fine to drop the open model (saved, or the user said so)."""
        if self.undo_stack.isClean():
            return True
        choice = self.dialogs.ask_save_changes(self.document_name())
        if choice is SaveChoice.SAVE:
            return self.save()
        return choice is SaveChoice.DISCARD

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.maybe_save():
            for canvas in self.canvases():
                canvas.diagram().detach()
            settings = self.recent.settings
            settings.setValue("window/geometry", self.saveGeometry())
            settings.setValue("window/state", self.saveState())
            event.accept()
        else:
            event.ignore()

    def _restore_window_state(self) -> None:
        """Size, position and dock layout as the user left them."""
        settings = self.recent.settings
        geometry = settings.value("window/geometry")
        state = settings.value("window/state")
        try:
            if geometry is not None:
                self.restoreGeometry(geometry)
            if state is not None:
                self.restoreState(state)
        except TypeError:  # a settings file from elsewhere: keep the defaults
            log.debug("window state not restored", exc_info=True)

    def document_name(self) -> str:
        if self.path:
            return Path(self.path).name
        return self.model.name or self.tr("Untitled")

    def _update_title(self, *_args) -> None:  # noqa: ANN002
        self.setWindowTitle(self.tr("{name}[*] — egov-modeler").format(
            name=self.document_name()))
        self.setWindowModified(not self.undo_stack.isClean())

    # ================================================================ import / export
    def import_exchange(self) -> bool:
        """File > Import: an ArchiMate Open Exchange file becomes the open model."""
        path = self.dialogs.open_path(self.tr("Import ArchiMate exchange file"),
                                      EXCHANGE_FILTER)
        if not path or not self.maybe_save():
            return False
        try:
            from ..export.oef_reader import read_exchange

            model = read_exchange(path)
        except ImportError:
            self.dialogs.error(self.tr("Import"), self.tr(
                "ArchiMate import is not available in this build"))
            return False
        except (ModelError, OSError) as exc:
            self.dialogs.error(self.tr("Cannot import"),
                               self.tr("‘{path}’ could not be imported.").format(path=path),
                               str(exc))
            return False
        self.set_model(model, None)
        if model.load_report:
            self.dialogs.info(
                self.tr("Import finished with omissions"),
                self.tr("{count} things in the file were not imported.").format(
                    count=len(model.load_report)), "\n".join(model.load_report))
        else:
            self.show_status(self.tr("Imported {path}").format(path=path))
        return True

    def load_catalog(self, path: str | None = None) -> bool:
        """File > Load catalog: a province's own systems join the palette."""
        path = path or self.dialogs.open_path(self.tr("Load a component catalog"),
                                              "JSON (*.json)")
        if not path:
            return False
        from ..model.catalog import CatalogError, add_user_catalog

        try:
            add_user_catalog(path)
        except (CatalogError, OSError) as exc:
            self.dialogs.error(self.tr("Cannot load the catalog"), str(exc))
            return False
        self.palette.reload()
        self.show_status(self.tr("Catalog {path} added to the palette").format(path=path))
        return True

    def export_exchange(self) -> bool:
        path = self.dialogs.save_path(self.tr("Export as ArchiMate exchange file"),
                                      EXCHANGE_FILTER, self._suggest(".xml"))
        if not path:
            return False
        try:
            from ..export.oef_writer import write_exchange

            write_exchange(self.model, path)
        except ImportError:
            self.show_status(self.tr("ArchiMate export is not available in this build"))
            return False
        except (ModelError, OSError) as exc:
            self.dialogs.error(self.tr("Cannot export"), str(exc))
            return False
        self.show_status(self.tr("Exported {path}").format(path=path))
        return True

    def export_pdf(self) -> bool:
        """File > Export > PDF: the options dialog (when available), then the dossier."""
        try:
            from ..export.pdf.dossier import DossierOptions, write_dossier
        except ImportError:
            self.show_status(self.tr("PDF export is not available in this build yet"))
            return False
        options = self._pdf_options(DossierOptions)
        if options is None:
            return False
        path = self.dialogs.save_path(self.tr("Export PDF"), "PDF (*.pdf)",
                                      self._suggest(".pdf"))
        if not path:
            return False
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            pages = write_dossier(self.model, path, options)
        except (ModelError, OSError, ValueError) as exc:
            self.dialogs.error(self.tr("Cannot export"), str(exc))
            return False
        self.show_status(self.tr("Exported {path} ({pages} pages)").format(
            path=path, pages=pages))
        return True

    def _pdf_options(self, default_options):  # noqa: ANN001, ANN202
        """The dossier options from the PDF dialog; the dossier fields typed there (agency,
        approver...) are stored in the model as one undo step."""
        try:
            from .pdf_export_dialog import PdfExportDialog
        except ImportError:
            return default_options()
        dialog = PdfExportDialog(
            self.model, self, self.current_view_id(),
            apply_commands=lambda commands: self.editor.run_many(
                self.tr("Edit dossier fields"), list(commands)))
        try:
            if not self.dialogs.run_dialog(dialog):
                return None
            return dialog.options()
        finally:
            dialog.deleteLater()

    def print_view(self, printer=None) -> bool:  # noqa: ANN001
        """File > Print: the current view, fitted to the page, as vectors."""
        canvas = self.current_canvas()
        if canvas is None:
            return False
        printer = printer or self.dialogs.ask_printer()
        if printer is None:
            return False
        from PySide6.QtGui import QPainter

        scene = canvas.diagram()
        selected = scene.selectedItems()
        for item in selected:  # print the diagram, not the selection handles
            item.setSelected(False)
        source = scene.content_rect().adjusted(-10, -10, 10, 10)
        painter = QPainter()
        if not painter.begin(printer):
            self.dialogs.error(self.tr("Cannot print"), self.tr("The printer is not ready."))
            return False
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            page = printer.pageLayout().paintRectPixels(printer.resolution())
            scene.render(painter, page.toRectF(), source)
        finally:
            painter.end()
            for item in selected:
                item.setSelected(True)
        self.show_status(self.tr("Sent ‘{name}’ to the printer").format(
            name=scene.view().name))
        return True

    def export_image(self, kind: str) -> bool:
        """Export the current view as PNG or SVG."""
        view_id = self.current_view_id()
        if view_id is None:
            return False
        try:
            from ..export import images
        except ImportError:
            self.show_status(self.tr("Image export is not available in this build yet"))
            return False
        writer = getattr(images, f"write_{kind}", None)
        if writer is None:
            self.show_status(self.tr("Image export is not available in this build yet"))
            return False
        path = self.dialogs.save_path(self.tr("Export image"), f"{kind.upper()} (*.{kind})",
                                      self._suggest(f".{kind}"))
        if not path:
            return False
        try:
            writer(self.model, self.model.view(view_id), path)
        except (ModelError, OSError, TypeError) as exc:
            self.dialogs.error(self.tr("Cannot export"), str(exc))
            return False
        self.show_status(self.tr("Exported {path}").format(path=path))
        return True

    def _suggest(self, suffix: str) -> str:
        base = self.path or (self.model.name or "model")
        return str(Path(base).with_suffix(suffix))

    # ================================================================ views and tabs
    def open_view(self, view_id: str) -> DiagramView | None:
        """Show ``view_id`` in a tab (the existing one if it is already open)."""
        for i, canvas in enumerate(self.canvases()):
            if canvas.view_id == view_id:
                self.tabs.setCurrentIndex(i)
                return canvas
        if not self.model.has_view(view_id):
            return None
        scene = DiagramScene(self.model, view_id, self.language)
        canvas = DiagramView(scene, self.editor, self.tabs)
        scene.setParent(canvas)
        scene.viewRemoved.connect(self._view_removed)
        scene.selectionChanged.connect(self._selection_changed)
        canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for action in (self.act_rename, self.act_delete, self.act_delete_model):
            canvas.addAction(action)
        separator = QAction(canvas)
        separator.setSeparator(True)
        canvas.addAction(separator)
        canvas.addAction(self.act_zoom_fit)
        canvas.zoomChanged.connect(self._zoom_changed)
        canvas.toolChanged.connect(self._tool_changed)
        index = self.tabs.addTab(canvas, self.model.view(view_id).name or self.tr("View"))
        self.tabs.setCurrentIndex(index)
        self._apply_problems(canvas)
        QTimer.singleShot(0, canvas, canvas.zoom_to_fit)
        return canvas

    def _close_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if isinstance(widget, DiagramView):
            widget.diagram().detach()
        self.tabs.removeTab(index)
        if widget is not None:
            widget.setParent(None)  # gone from findChild at once, not only after deletion
            widget.deleteLater()

    def _view_removed(self, view_id: str) -> None:
        for i, canvas in enumerate(self.canvases()):
            if canvas.view_id == view_id:
                self._close_tab(i)
                return

    def _selection_changed(self) -> None:
        canvas = self.current_canvas()
        if canvas is None:
            return
        scene = canvas.diagram()
        self.properties.show_selection(self.editor, scene.view_id, scene.selected_node_ids(),
                                       scene.selected_connection_ids())

    def _tab_changed(self, _index: int) -> None:
        canvas = self.current_canvas()
        self._selection_changed()
        if canvas is not None:
            self._zoom_changed(canvas.zoom())
            self._tool_changed(canvas.tool_name())

    def _zoom_changed(self, zoom: float) -> None:
        self.zoom_label.setText(f"{round(zoom * 100)}%")

    def _tool_changed(self, name: str) -> None:
        action = self.tool_actions.get(name)
        if action is not None:
            action.setChecked(True)
        canvas = self.current_canvas()
        if canvas is not None and canvas.tool.hint:
            self.statusBar().showMessage(canvas.tool.hint, 4000)

    def set_tool(self, name: str) -> None:
        canvas = self.current_canvas()
        if canvas is not None:
            canvas.set_tool(name)

    def _arm_place(self, payload: str) -> None:
        canvas = self.current_canvas()
        if canvas is None:
            return
        canvas.tools["place"].component_id = payload
        canvas.set_tool("place")

    # ================================================================ edit actions
    def new_view(self) -> str | None:
        """View > New view: an empty diagram, opened in a tab (one undo step)."""
        from ..model.commands import CreateViewCommand
        from ..model.ids import new_id
        from ..model.views import View

        name = self.dialogs.ask_text(self.tr("New view"), self.tr("Name:"),
                                     self.tr("New view"))
        if not name:
            return None
        view = View(new_id(), name=name)
        if not self.editor.run(CreateViewCommand(view)):
            return None
        self.open_view(view.id)
        return view.id

    def delete_view(self, view_id: str) -> bool:
        """Delete a view (its elements stay in the model), after confirmation."""
        from ..model.commands import DeleteViewCommand

        if not self.model.has_view(view_id):
            return False
        name = self.model.view(view_id).name
        if not self.dialogs.confirm(
                self.tr("Delete view"),
                self.tr("Delete the view ‘{name}’?").format(name=name),
                self.tr("The elements and relationships stay in the model.")):
            return False
        return self.editor.run(DeleteViewCommand(view_id))

    def delete_selection(self) -> bool:
        """Delete removes the selected nodes and lines from this view only."""
        canvas = self.current_canvas()
        if canvas is None:
            return False
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
        if not commands:
            return False
        return self.editor.run_many(self.tr("Delete from view"), commands)

    def delete_from_model(self) -> bool:
        """Ctrl+Del: remove the selected elements (and relationships) everywhere, after
        saying which other views show them."""
        canvas = self.current_canvas()
        if canvas is None:
            return False
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
        names = [self.model.element(e).name for e in element_ids]
        others = sorted({v.name for e in element_ids for v in self.model.views_showing(e)
                         if v.id != view.id})
        text = self.tr("Delete {count} element(s) from the model: {names}?").format(
            count=len(element_ids) + len(relationship_ids), names=", ".join(names))
        details = (self.tr("They are also shown in these views: {views}.").format(
            views=", ".join(others)) if others else self.tr(
            "No other view shows them."))
        if not self.dialogs.confirm(self.tr("Delete from model"), text, details):
            return False
        commands: list[Command] = [DeleteElementCommand(e) for e in element_ids]
        commands.extend(UnrelateCommand(r) for r in relationship_ids)
        return self.editor.run_many(self.tr("Delete from model"), commands)

    def rename_selection(self) -> bool:
        canvas = self.current_canvas()
        if canvas is None:
            return False
        scene = canvas.diagram()
        ids = scene.selected_node_ids()
        if len(ids) != 1:
            return False
        element_id = scene.node(ids[0]).element_id
        if not element_id:
            return False
        element = self.model.element(element_id)
        name = self.dialogs.ask_text(self.tr("Rename"), self.tr("Name:"), element.name)
        if name is None or name == element.name:
            return False
        return self.editor.run(RenameElementCommand(element_id, name))

    def select_all(self) -> None:
        canvas = self.current_canvas()
        if canvas is not None:
            for item in list(canvas.diagram().node_items.values()):
                if not item.is_container:
                    item.setSelected(True)

    def reveal(self, ids: tuple) -> None:
        """Select, in the current view, the nodes and lines showing these model ids."""
        canvas = self.current_canvas()
        if canvas is None:
            return
        scene = canvas.diagram()
        view = scene.view()
        wanted = set(ids)
        selected = [n.id for n in view.nodes.values() if n.element_id in wanted or n.id in wanted]
        selected += [c.id for c in view.connections.values() if c.relationship_id in wanted]
        scene.select_ids(selected)
        if selected:
            item = scene.node_items.get(selected[0]) or scene.connection_items.get(selected[0])
            if item is not None:
                canvas.ensureVisible(item)

    # ================================================================ relationship menu
    def _choose_relationship(self, offered: list[tuple[str, str | None]],
                             suggested: str | None, pos: QPoint) -> str | None:
        """Ask with a popup menu at the mouse (see :meth:`relationship_menu`)."""
        menu = self.relationship_menu(offered, suggested)
        chosen = menu.exec(pos)
        menu.deleteLater()
        return chosen.data() if chosen is not None else None

    def relationship_menu(self, offered: list[tuple[str, str | None]],
                          suggested: str | None) -> QMenu:
        """The relationship types the rules allow for a pair, the suggested one first and
        marked; those a framework rule refuses are disabled with the reason as tooltip."""
        menu = QMenu(self)
        menu.setToolTipsVisible(True)
        for rel_type, refusal in offered:
            label = self.tr(RELATIONSHIP_TYPES[rel_type].label_en)
            if rel_type == suggested:
                label = self.tr("{type} (suggested)").format(type=label)
            action = menu.addAction(label)
            action.setData(rel_type)
            if refusal:
                action.setEnabled(False)
                action.setToolTip(refusal)
                action.setStatusTip(refusal)
            elif rel_type == suggested:
                font = action.font()
                font.setBold(True)
                action.setFont(font)
        return menu

    # ================================================================ validation
    def validate_now(self) -> None:
        """Run validation and show the findings in the Problems dock and on the items."""
        from .. import validate

        try:
            problems = validate(self.model)
        except Exception:  # noqa: BLE001 - validation must never take the editor down
            log.exception("validation failed")
            return
        self.problems.show_problems(problems)
        self._problems_by_id: dict[str, str] = {}
        for problem in problems:
            mark = "error" if problem.severity == Severity.ERROR else "warning"
            for item_id in problem.ids:
                if self._problems_by_id.get(item_id) != "error":
                    self._problems_by_id[item_id] = mark
        for canvas in self.canvases():
            self._apply_problems(canvas)

    def _apply_problems(self, canvas: DiagramView) -> None:
        canvas.diagram().set_problems(getattr(self, "_problems_by_id", {}))

    def show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)

    # ================================================================ actions and menus
    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:  # noqa: ANN001
        action = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, list):
                action.setShortcuts(shortcut)
            else:
                action.setShortcut(shortcut)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        S = QKeySequence.StandardKey  # noqa: N806
        self.template_actions = {}
        for name, label in (("national", self.tr("National overview (Khung 2.0)")),
                            ("provincial", self.tr("Provincial architecture")),
                            ("empty", self.tr("Empty model"))):
            self.template_actions[name] = self._action(
                label, lambda n=name: self.new_from_template(n), tip=_template_tip(name))
        self.template_actions["national"].setShortcut(QKeySequence(S.New))
        self.act_open = self._action(self.tr("&Open…"), self.open_dialog, S.Open)
        self.act_save = self._action(self.tr("&Save"), self.save, S.Save)
        self.act_save_as = self._action(self.tr("Save &As…"), self.save_as, S.SaveAs)
        self.act_import = self._action(self.tr("&Import ArchiMate exchange file…"),
                                       self.import_exchange)
        self.act_catalog = self._action(self.tr("Load component &catalog…"),
                                        lambda: self.load_catalog())
        self.act_export_oef = self._action(self.tr("ArchiMate exchange file (XML)…"),
                                           self.export_exchange)
        self.act_export_pdf = self._action(self.tr("PDF…"), self.export_pdf,
                                           QKeySequence("Ctrl+Shift+P"))
        self.act_print = self._action(self.tr("&Print…"), self.print_view, S.Print)
        self.act_export_png = self._action(self.tr("Current view as PNG…"),
                                           lambda: self.export_image("png"))
        self.act_export_svg = self._action(self.tr("Current view as SVG…"),
                                           lambda: self.export_image("svg"))
        self.act_quit = self._action(self.tr("&Quit"), self.close, S.Quit)

        self.act_undo = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.act_undo.setShortcuts(QKeySequence.keyBindings(S.Undo))
        self.act_redo = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.act_redo.setShortcuts(QKeySequence.keyBindings(S.Redo))
        self.act_delete = self._action(self.tr("&Delete from view"), self.delete_selection,
                                       [QKeySequence(S.Delete), QKeySequence("Backspace")])
        self.act_delete_model = self._action(self.tr("Delete from &model…"),
                                             self.delete_from_model,
                                             QKeySequence("Ctrl+Delete"))
        self.act_rename = self._action(self.tr("&Rename…"), self.rename_selection,
                                       QKeySequence("F2"))
        self.act_select_all = self._action(self.tr("Select &all"), self.select_all,
                                           S.SelectAll)
        self.act_new_view = self._action(self.tr("&New view…"), self.new_view,
                                         QKeySequence("Ctrl+Shift+N"))

        self.act_zoom_in = self._action(self.tr("Zoom &in"), lambda: self._zoom(1.25),
                                        S.ZoomIn)
        self.act_zoom_out = self._action(self.tr("Zoom &out"), lambda: self._zoom(0.8),
                                         S.ZoomOut)
        self.act_zoom_fit = self._action(self.tr("Zoom to &fit"), self._zoom_fit,
                                         QKeySequence("Ctrl+Shift+0"))
        self.act_zoom_100 = self._action(self.tr("Actual size (100%)"), self._zoom_100,
                                         QKeySequence("Ctrl+0"))

        group = QActionGroup(self)
        self.tool_actions: dict[str, QAction] = {}
        for name, label, key, tip in (
            ("select", self.tr("Select"), "V",
             self.tr("Select, move and resize (V)")),
            ("connect", self.tr("Connect"), "C",
             self.tr("Draw a relationship: press on one element, release on another (C)")),
        ):
            action = self._action(label, lambda n=name: self.set_tool(n), QKeySequence(key),
                                  tip)
            action.setCheckable(True)
            group.addAction(action)
            self.tool_actions[name] = action
        self.tool_actions["select"].setChecked(True)
        from .icons import connect_tool_icon, select_tool_icon

        self.tool_actions["select"].setIcon(select_tool_icon())
        self.tool_actions["connect"].setIcon(connect_tool_icon())
        for action in (self.act_delete, self.act_delete_model, self.act_rename,
                       self.act_select_all, *self.tool_actions.values()):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        new_menu = file_menu.addMenu(self.tr("&New from template"))
        for action in self.template_actions.values():
            new_menu.addAction(action)
        file_menu.addAction(self.act_open)
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self._fill_recent_menu()
        file_menu.addSeparator()
        file_menu.addAction(self.act_save)
        file_menu.addAction(self.act_save_as)
        file_menu.addSeparator()
        file_menu.addAction(self.act_import)
        file_menu.addAction(self.act_catalog)
        export_menu = file_menu.addMenu(self.tr("&Export"))
        export_menu.addAction(self.act_export_oef)
        export_menu.addAction(self.act_export_pdf)
        export_menu.addAction(self.act_export_png)
        export_menu.addAction(self.act_export_svg)
        file_menu.addAction(self.act_print)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.act_undo)
        edit_menu.addAction(self.act_redo)
        edit_menu.addSeparator()
        edit_menu.addAction(self.act_rename)
        edit_menu.addAction(self.act_delete)
        edit_menu.addAction(self.act_delete_model)
        edit_menu.addSeparator()
        edit_menu.addAction(self.act_select_all)

        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.act_new_view)
        view_menu.addSeparator()
        for action in (self.act_zoom_in, self.act_zoom_out, self.act_zoom_fit,
                       self.act_zoom_100):
            view_menu.addAction(action)
        view_menu.addSeparator()
        for dock in (self.palette, self.model_dock, self.properties, self.problems):
            view_menu.addAction(dock.toggleViewAction())

        tools_menu = bar.addMenu(self.tr("&Tools"))
        for action in self.tool_actions.values():
            tools_menu.addAction(action)

    def _build_toolbar(self) -> None:
        """Short labels with icons; the Edit menu's Undo/Redo say what they will undo, the
        toolbar's say it in their tooltip (long names would stretch the bar)."""
        style = self.style()
        SP = QStyle.StandardPixmap  # noqa: N806
        self.act_open.setIcon(style.standardIcon(SP.SP_DialogOpenButton))
        self.act_save.setIcon(style.standardIcon(SP.SP_DialogSaveButton))
        self.tool_undo = self._action(self.tr("Undo"), self.undo_stack.undo)
        self.tool_undo.setIcon(style.standardIcon(SP.SP_ArrowBack))
        self.tool_redo = self._action(self.tr("Redo"), self.undo_stack.redo)
        self.tool_redo.setIcon(style.standardIcon(SP.SP_ArrowForward))
        self.undo_stack.canUndoChanged.connect(self.tool_undo.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.tool_redo.setEnabled)
        self.undo_stack.undoTextChanged.connect(self._undo_texts_changed)
        self.undo_stack.redoTextChanged.connect(self._undo_texts_changed)
        self.tool_undo.setEnabled(False)
        self.tool_redo.setEnabled(False)
        bar = QToolBar(self.tr("Tools"), self)
        bar.setObjectName("main_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setMovable(False)
        for action in (self.act_open, self.act_save):
            bar.addAction(action)
        bar.addSeparator()
        bar.addAction(self.tool_undo)
        bar.addAction(self.tool_redo)
        bar.addSeparator()
        for action in self.tool_actions.values():
            bar.addAction(action)
        bar.addSeparator()
        bar.addAction(self.act_zoom_fit)
        bar.addAction(self.act_zoom_100)
        self.addToolBar(bar)

    def _undo_texts_changed(self, _text: str = "") -> None:
        """The toolbar's short Undo/Redo buttons tell what they will do in a tooltip."""
        try:
            self.tool_undo.setToolTip(self.act_undo.text())
            self.tool_redo.setToolTip(self.act_redo.text())
        except RuntimeError:  # the window is being destroyed
            pass

    def _fill_recent_menu(self) -> None:
        if not hasattr(self, "recent_menu"):
            return
        self.recent_menu.clear()
        paths = self.recent.paths()
        for path in paths:
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _c=False, p=path: self._open_recent(p))
        self.recent_menu.setEnabled(bool(paths))

    def _open_recent(self, path: str) -> None:
        if not os.path.exists(path):
            self.recent.remove(path)
            self._fill_recent_menu()
            self.dialogs.error(self.tr("Cannot open the file"),
                               self.tr("‘{path}’ no longer exists.").format(path=path))
            return
        self.open_path(path)

    def _update_actions(self) -> None:
        has_view = self.current_canvas() is not None
        for action in (self.act_zoom_in, self.act_zoom_out, self.act_zoom_fit,
                       self.act_zoom_100, self.act_export_png, self.act_export_svg):
            action.setEnabled(has_view)

    def _zoom(self, factor: float) -> None:
        canvas = self.current_canvas()
        if canvas is not None:
            canvas.zoom_by(factor)

    def _zoom_fit(self) -> None:
        canvas = self.current_canvas()
        if canvas is not None:
            canvas.zoom_to_fit()

    def _zoom_100(self) -> None:
        canvas = self.current_canvas()
        if canvas is not None:
            canvas.zoom_reset()


def _template_tip(name: str) -> str:
    try:
        from ..model.templates import template_description

        return template_description(name)
    except (ImportError, ModelError):
        return ""


def _ensure_framework_rules() -> None:
    """Drawing-time checks include the framework's error rules, not only ArchiMate's."""
    try:
        from ..model.framework_rules import ensure_framework_rules
    except ImportError:
        log.warning("framework rules not available; only ArchiMate rules are checked")
        return
    ensure_framework_rules()


def application() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app
