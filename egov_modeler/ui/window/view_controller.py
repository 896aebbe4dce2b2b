"""The diagram tabs and the View and Tools menus: one tab per open view, new and deleted
views, zoom, the current mouse tool, and selecting on the diagram what another dock points
at.

It follows the :class:`~egov_modeler.ui.document.Document`: when the model is replaced,
every tab closes and the first view opens. Other controllers ask it for the current canvas
and hear of each new canvas through :attr:`ViewController.canvasOpened`, to add their
context-menu entries.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QTabWidget, QWidget

from ...model.commands import CreateViewCommand, DeleteViewCommand
from ...model.ids import new_id
from ...model.views import View
from ..canvas.scene import DiagramScene
from ..canvas.view import DiagramView
from ..dialogs.file_actions import Dialogs
from ..docks.properties_dock import PropertiesDock
from ..document import Document
from ..icons import connect_tool_icon, select_tool_icon
from ..plain_text import menu_text
from .actions import make_action, with_keys


class ViewController(QObject):
    """Opens, closes and follows the diagram tabs; owns zoom and tool actions."""

    #: A new diagram tab was made: controllers add their context-menu entries to it.
    canvasOpened = Signal(object)
    #: The current tab changed (or the last one closed).
    currentChanged = Signal()

    def __init__(self, document: Document, dialogs: Dialogs, properties: PropertiesDock,
                 show_status: Callable[..., None], parent: QWidget) -> None:
        super().__init__(parent)
        self.document = document
        self.dialogs = dialogs
        self.properties = properties
        self.show_status = show_status
        self.problems: dict[str, str] = {}
        self.tabs = QTabWidget(parent)
        self.tabs.setObjectName("view_tabs")
        self.tabs.setTabsClosable(True)
        self.tabs.setDocumentMode(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.zoom_label = QLabel("100%", parent)
        self._build_actions()
        document.replaced.connect(self.show_document)

    # ================================================================ actions and menus
    def _build_actions(self) -> None:
        S = QKeySequence.StandardKey
        self.act_new_view = make_action(self, self.tr("&New view…"), self.new_view,
                                        QKeySequence("Ctrl+Shift+N"))
        # Ctrl+= too: "Ctrl++" needs Shift on most keyboards, and browsers and Office
        # zoom in on Ctrl+= (pressed without Shift, it did nothing here).
        self.act_zoom_in = make_action(self, self.tr("Zoom &in"), lambda: self._zoom(1.25),
                                       with_keys(S.ZoomIn, "Ctrl+="))
        self.act_zoom_out = make_action(self, self.tr("Zoom &out"), lambda: self._zoom(0.8),
                                        S.ZoomOut)
        self.act_zoom_fit = make_action(self, self.tr("Zoom to &fit"), self._zoom_fit,
                                        QKeySequence("Ctrl+Shift+0"))
        self.act_zoom_100 = make_action(self, self.tr("Actual size (100%)"), self._zoom_100,
                                        QKeySequence("Ctrl+0"))
        group = QActionGroup(self)
        self.tool_actions: dict[str, QAction] = {}
        for name, label, key, tip in (
            ("select", self.tr("Select"), "V",
             self.tr("Select, move and resize (V)")),
            ("connect", self.tr("Connect"), "C",
             self.tr("Draw a relationship: drag from one element to another, or click one "
                     "then the other (C)")),
        ):
            action = make_action(self, label, partial(self.set_tool, name),
                                 QKeySequence(key), tip)
            action.setCheckable(True)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            group.addAction(action)
            self.tool_actions[name] = action
        self.tool_actions["select"].setChecked(True)
        self.tool_actions["select"].setIcon(select_tool_icon())
        self.tool_actions["connect"].setIcon(connect_tool_icon())

    def zoom_actions(self) -> list[QAction]:
        return [self.act_zoom_in, self.act_zoom_out, self.act_zoom_fit, self.act_zoom_100]

    def fill_view_menu(self, menu: QMenu) -> None:
        """View > New view, then the zoom entries (the window adds the docks)."""
        menu.addAction(self.act_new_view)
        menu.addSeparator()
        for action in self.zoom_actions():
            menu.addAction(action)

    def fill_tools_menu(self, menu: QMenu) -> None:
        for action in self.tool_actions.values():
            menu.addAction(action)

    def update_actions(self) -> None:
        has_view = self.current_canvas() is not None
        for action in self.zoom_actions():
            action.setEnabled(has_view)

    # ================================================================ the tabs
    def canvases(self) -> list[DiagramView]:
        return [w for i in range(self.tabs.count())
                if isinstance(w := self.tabs.widget(i), DiagramView)]

    def current_canvas(self) -> DiagramView | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, DiagramView) else None

    def current_view_id(self) -> str | None:
        canvas = self.current_canvas()
        return canvas.view_id if canvas else None

    def show_document(self) -> None:
        """The model was replaced: close every tab, open the first view (or, without one,
        show the model's own fields in Properties)."""
        while self.tabs.count():
            self.close_tab(0)
        model = self.document.model
        if model.views:
            self.open_view(model.views[0].id)
        else:
            self.properties.show_selection(self.document.editor, None, [], [])

    def open_view(self, view_id: str) -> DiagramView | None:
        """Show ``view_id`` in a tab (the existing one if it is already open)."""
        for i, canvas in enumerate(self.canvases()):
            if canvas.view_id == view_id:
                self.tabs.setCurrentIndex(i)
                return canvas
        model = self.document.model
        if not model.has_view(view_id):
            return None
        self._switch_tabs_on_drag()
        scene = DiagramScene(model, view_id, self.document.language)
        canvas = DiagramView(scene, self.document.editor, self.tabs)
        scene.setParent(canvas)
        scene.viewRemoved.connect(self._view_removed)
        scene.viewRenamed.connect(self._view_renamed)
        scene.selectionChanged.connect(self._selection_changed)
        canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.canvasOpened.emit(canvas)
        separator = QAction(canvas)
        separator.setSeparator(True)
        canvas.addAction(separator)
        canvas.addAction(self.act_zoom_fit)
        canvas.zoomChanged.connect(self._zoom_changed)
        canvas.toolChanged.connect(self._tool_changed)
        scene.set_problems(self.problems)
        index = self.tabs.addTab(canvas, menu_text(model.view(view_id).name or self.tr("View")))
        self.tabs.setCurrentIndex(index)
        QTimer.singleShot(0, canvas, canvas.zoom_to_open)
        return canvas

    def close_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if isinstance(widget, DiagramView):
            widget.diagram().detach()
        self.tabs.removeTab(index)
        if widget is not None:
            widget.setParent(None)  # gone from findChild at once, not only after deletion
            widget.deleteLater()

    def detach_all(self) -> None:
        """The window closes: the scenes stop following the model."""
        for canvas in self.canvases():
            canvas.diagram().detach()

    def _switch_tabs_on_drag(self) -> None:
        """Dragging an element from the model tree over another diagram's tab brings that
        diagram to the front, so it can be dropped there without letting go first."""
        bar = self.tabs.tabBar()
        if not bar.changeCurrentOnDrag():
            bar.setChangeCurrentOnDrag(True)
            bar.setAcceptDrops(True)

    def _view_removed(self, view_id: str) -> None:
        for i, canvas in enumerate(self.canvases()):
            if canvas.view_id == view_id:
                self.close_tab(i)
                return

    def _view_renamed(self, view_id: str) -> None:
        for i, canvas in enumerate(self.canvases()):
            if canvas.view_id == view_id:
                self.tabs.setTabText(i, menu_text(self.document.model.view(view_id).name))

    def _selection_changed(self) -> None:
        canvas = self.current_canvas()
        if canvas is None:
            return
        scene = canvas.diagram()
        self.properties.show_selection(self.document.editor, scene.view_id,
                                       scene.selected_node_ids(),
                                       scene.selected_connection_ids())

    def _tab_changed(self, _index: int) -> None:
        canvas = self.current_canvas()
        if canvas is None:
            if self.tabs.count() == 0:
                # No diagram open (a model without views, or the last tab closed):
                # Properties shows the model's own fields, not what the closed diagram
                # had selected.
                self.properties.show_selection(self.document.editor, None, [], [])
        else:
            self._selection_changed()
            self._zoom_changed(canvas.zoom())
            self._tool_changed(canvas.tool_name())
        self.update_actions()
        self.currentChanged.emit()

    def _zoom_changed(self, zoom: float) -> None:
        self.zoom_label.setText(f"{round(zoom * 100)}%")

    def _tool_changed(self, name: str) -> None:
        action = self.tool_actions.get(name)
        if action is not None:
            action.setChecked(True)
        canvas = self.current_canvas()
        if canvas is not None and canvas.tool.hint:
            self.show_status(canvas.tool.hint, 4000)

    # ================================================================ views
    def new_view(self) -> str | None:
        """View > New view: an empty diagram, opened in a tab (one undo step)."""
        name = self.dialogs.ask_text(self.tr("New view"), self.tr("Name:"),
                                     self.tr("New view"))
        if not name:
            return None
        view = View(new_id(), name=name)
        if not self.document.editor.run(CreateViewCommand(view)):
            return None
        self.open_view(view.id)
        return view.id

    def delete_view(self, view_id: str) -> bool:
        """Delete a view (its elements stay in the model), after confirmation."""
        model = self.document.model
        if not model.has_view(view_id):
            return False
        name = model.view(view_id).name
        if not self.dialogs.confirm(
                self.tr("Delete view"),
                self.tr("Delete the view ‘{name}’?").format(name=name),
                self.tr("The elements and relationships stay in the model.")):
            return False
        return self.document.editor.run(DeleteViewCommand(view_id))

    # ================================================================ tools and zoom
    def set_tool(self, name: str) -> None:
        canvas = self.current_canvas()
        if canvas is not None:
            canvas.set_tool(name)

    def arm_place(self, payload: str) -> None:
        """A palette entry was activated: the next click on the diagram places it."""
        canvas = self.current_canvas()
        if canvas is None:
            return
        canvas.tools["place"].component_id = payload  # type: ignore[attr-defined]
        canvas.set_tool("place")

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

    # ================================================================ pointing at things
    def set_problems(self, problems: dict[str, str]) -> None:
        """Mark on every open diagram the items with errors or warnings."""
        self.problems = problems
        for canvas in self.canvases():
            canvas.diagram().set_problems(problems)

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

    def reveal_concept(self, concept_id: str) -> bool:
        """Select what shows an element or relationship picked in the model tree; when the
        current view does not show it, say on the status bar which views do."""
        self.reveal((concept_id,))
        canvas = self.current_canvas()
        if canvas is not None and canvas.diagram().selectedItems():
            return True
        model = self.document.model
        if model.has_element(concept_id):
            name = model.element(concept_id).name
        elif model.has_relationship(concept_id):
            name = model.relationship(concept_id).name or self.tr("This relationship")
        else:
            return False
        views = [v.name for v in model.views_showing(concept_id)]
        if views:
            self.show_status(self.tr("‘{name}’ is not on this view; it is shown on: {views}")
                             .format(name=name, views=", ".join(views)))
        else:
            self.show_status(self.tr("‘{name}’ is on no view yet: drag it onto a diagram")
                             .format(name=name))
        return False
