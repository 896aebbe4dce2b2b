"""View management of the main window: one diagram tab per open view, the current tool
and zoom, and selecting on the diagram what another dock points at.

Part of :class:`~egov_modeler.ui.window.main_window.MainWindow` (a mixin).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction

from ..canvas.scene import DiagramScene
from ..canvas.view import DiagramView


class ViewTabsMixin:
    """Open, close and follow the diagram tabs."""

    def open_view(self, view_id: str) -> DiagramView | None:
        """Show ``view_id`` in a tab (the existing one if it is already open)."""
        for i, canvas in enumerate(self.canvases()):
            if canvas.view_id == view_id:
                self.tabs.setCurrentIndex(i)
                return canvas
        if not self.model.has_view(view_id):
            return None
        self._switch_tabs_on_drag()
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

    def _switch_tabs_on_drag(self) -> None:
        """Dragging an element from the model tree over another diagram's tab brings that
        diagram to the front, so it can be dropped there without letting go first."""
        bar = self.tabs.tabBar()
        if not bar.changeCurrentOnDrag():
            bar.setChangeCurrentOnDrag(True)
            bar.setAcceptDrops(True)

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
        model = self.model
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


