"""The model browser dock: every element (by layer), relationship and view of the model.

What an architect uses it for: find an element that already exists and drag it onto a
second view (one element, many views), see what a model holds after an import, open a
view. The item view is named ``model_tree`` (automation contract, as ``palette`` is for
the palette); its model's ``mimeData`` gives what a drag carries.

Typing in the filter box keeps the rows whose name (or type, or layer) contains every
word typed, ignoring Vietnamese diacritics. Selecting a row selects its placements on the
current view; double-clicking a view opens it.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QMenu,
    QWidget,
)

from ...model.model import Model
from .model_tree import ELEMENT, ID_ROLE, KIND_ROLE, RELATIONSHIP, SORT_ROLE, VIEW, ModelTreeModel
from .search_tree import WordFilter, searchable_tree


class ModelDock(QDockWidget):
    """Filter box over the model tree; tells the window what the user picked."""

    #: A view was double-clicked (or "Open" chosen): show it in a tab.
    viewActivated = Signal(str)
    #: "Delete view" was chosen on a view row.
    deleteRequested = Signal(str)
    #: An element or relationship row was selected: select its placements on the diagram.
    conceptSelected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Model"), parent)
        self.setObjectName("model_tree_dock")
        self.source_model = ModelTreeModel(self)
        self.proxy = WordFilter(self)
        self.proxy.setAutoAcceptChildRows(True)  # a layer's name finds its elements
        self.proxy.setSourceModel(self.source_model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSortLocaleAware(False)
        self.proxy.sort(0)
        body, self.search, self.tree = searchable_tree(
            self, "model_tree", self.tr("Filter elements, relationships, views…"), self.proxy,
            18)
        self.setWidget(body)
        self.search.textChanged.connect(self._filter)
        self.tree.activated.connect(self._activated)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._menu)

    # ---------------------------------------------------------------- content
    def show_model(self, model: Model) -> None:
        """List ``model`` and follow its changes from now on."""
        self.source_model.show_model(model)
        self._expand_top()

    def detach(self) -> None:
        self.source_model.detach()

    def _expand_top(self) -> None:
        """Folders open, the Elements folder's layer groups closed: a first look shows
        the layers and counts, not a thousand rows."""
        for row in range(self.proxy.rowCount()):
            self.tree.expand(self.proxy.index(row, 0))

    def index_of(self, concept_id: str) -> QModelIndex:
        """The (proxy) index of an element, relationship or view; invalid when filtered
        out or unknown."""
        item = self.source_model.item_of(concept_id)
        if item is None:
            return QModelIndex()
        return self.proxy.mapFromSource(item.index())

    # ---------------------------------------------------------------- user actions
    def _filter(self, text: str) -> None:
        self.proxy.set_query(text)
        if text.strip():
            self.tree.expandAll()
        else:
            self.tree.collapseAll()
            self._expand_top()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.data(KIND_ROLE) in (ELEMENT, RELATIONSHIP):
            self.conceptSelected.emit(str(current.data(ID_ROLE)))

    def _activated(self, index: QModelIndex) -> None:
        if index.data(KIND_ROLE) == VIEW:
            self.viewActivated.emit(str(index.data(ID_ROLE)))
        elif index.data(KIND_ROLE) in (ELEMENT, RELATIONSHIP):
            self.conceptSelected.emit(str(index.data(ID_ROLE)))

    def _menu(self, pos) -> None:
        index = self.tree.indexAt(pos)
        if not index.isValid() or index.data(KIND_ROLE) != VIEW:
            return
        view_id = str(index.data(ID_ROLE))
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), lambda: self.viewActivated.emit(view_id))
        menu.addAction(self.tr("Delete view"), lambda: self.deleteRequested.emit(view_id))
        menu.exec(self.tree.viewport().mapToGlobal(pos))
        menu.deleteLater()
